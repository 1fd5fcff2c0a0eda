import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
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
  constructor(private readonly schools: SchoolsService) {}

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
      'Change a school; school admins may change holidays, policy, crisis contacts and places only',
    description: 'Changing the calendar or policy never moves deadlines already set on incidents.',
  })
  @ApiOkResponse({ type: SchoolDto })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: UpdateSchoolDto,
  ): Promise<SchoolDto> {
    return SchoolDto.from(await this.schools.update(principal, id, body));
  }
}
