import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { GuardianshipsService, Permission, type Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import {
  CreateGuardianshipDto,
  GuardianshipDto,
  GuardianshipListDto,
  GuardianshipListItemDto,
  GuardianshipQueryDto,
} from './dto/guardianship.dto';

@ApiTags('administration')
@ApiBearerAuth()
@RequirePermission(Permission.GuardianshipAdminister)
@Controller('guardianships')
export class GuardianshipsController {
  constructor(private readonly guardianships: GuardianshipsService) {}

  @Post()
  @ApiOperation({
    summary: 'Link a parent to a student; the parent then follows the child’s cases',
  })
  @ApiCreatedResponse({ type: GuardianshipDto })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateGuardianshipDto,
  ): Promise<GuardianshipDto> {
    return GuardianshipDto.from(
      await this.guardianships.create(principal, body.parentId, body.studentId),
    );
  }

  @Get()
  @ApiOperation({
    summary:
      'A student’s guardians (studentId) or a parent’s children (parentId), within your reach',
    description: 'Send exactly one of studentId and parentId; a person out of your reach is a 404.',
  })
  @ApiOkResponse({ type: GuardianshipListDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: GuardianshipQueryDto,
  ): Promise<GuardianshipListDto> {
    const items = await this.guardianships.list(principal, query);
    return { items: items.map((item) => GuardianshipListItemDto.fromView(item)) };
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a guardianship link' })
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<void> {
    await this.guardianships.remove(principal, id);
  }
}
