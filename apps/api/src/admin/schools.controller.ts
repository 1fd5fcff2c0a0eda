import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { SchoolCalendarService } from '@app/casework';
import { PageQueryDto } from '@app/common';
import { Permission, SchoolsService, type Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { CreateSchoolDto, SchoolDto, SchoolPageDto, UpdateSchoolDto } from './dto/school.dto';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('schools')
export class SchoolsController {
  constructor(
    private readonly schools: SchoolsService,
    private readonly calendar: SchoolCalendarService,
  ) {}

  @Post()
  @RequirePermission(Permission.SchoolCreate)
  @ApiOperation({ summary: 'Create a school in your district' })
  @ApiCreatedResponse({ type: SchoolDto })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateSchoolDto,
  ): Promise<SchoolDto> {
    return SchoolDto.from(await this.schools.create(principal, body));
  }

  @Get()
  @RequirePermission(Permission.SchoolAdminister)
  @ApiOperation({ summary: 'Schools you administer' })
  @ApiOkResponse({ type: SchoolPageDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQueryDto,
  ): Promise<SchoolPageDto> {
    const page = await this.schools.list(principal, query.limit, query.cursor);
    return {
      items: page.items.map((school) => SchoolDto.from(school)),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':id')
  @RequirePermission(Permission.SchoolAdminister)
  @ApiOperation({ summary: 'One school you administer, with its settings' })
  @ApiOkResponse({ type: SchoolDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<SchoolDto> {
    return SchoolDto.from(await this.schools.get(principal, id));
  }

  @Patch(':id')
  @RequirePermission(Permission.SchoolAdminister)
  @ApiOperation({
    summary:
      'Change a school; school admins may change everything but the name (code, time zone, holidays, policy, crisis contacts, places)',
    description:
      'A new code answers at once on the public report page, and the old one stops answering (printed posters with it need replacing); a code already taken answers 409. ' +
      'A new time zone or holidays list counts the deadlines of the open cases again in the same transaction, as the school calendar does ' +
      '(a `deadline_moved` entry on their timeline, shared with the family, and an audit entry); either the whole change is saved or nothing. ' +
      'A new deadline policy applies to new reports only.',
  })
  @ApiOkResponse({ type: SchoolDto })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: UpdateSchoolDto,
  ): Promise<SchoolDto> {
    return SchoolDto.from(await this.calendar.updateSchool(principal, id, body));
  }
}
