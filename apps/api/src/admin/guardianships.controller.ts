import { Body, Controller, Delete, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { GuardianshipsService, Permission, type Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { CreateGuardianshipDto, GuardianshipDto } from './dto/guardianship.dto';

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
