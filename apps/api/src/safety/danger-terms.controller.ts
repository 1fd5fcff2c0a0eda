import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission, type Principal } from '@app/identity';
import { DangerTermsService } from '@app/incidents';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { DangerTermDto, DangerTermInputDto, DangerTermListDto } from './dto/danger-terms.dto';

const WHAT =
  'On top of the built-in terms (docs/safety.md), a report or message of the district’s schools that contains one of these becomes critical and alerts every caseworker of the school.';

@ApiTags('safety')
@ApiBearerAuth()
@Controller('districts/:id/danger-terms')
export class DangerTermsController {
  constructor(private readonly terms: DangerTermsService) {}

  @Get()
  @RequirePermission(Permission.DangerTermsRead)
  @ApiOperation({
    summary: 'The district’s own danger terms (district and school administrators)',
    description: WHAT,
  })
  @ApiOkResponse({ type: DangerTermListDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<DangerTermListDto> {
    return { districtId: id, items: await this.terms.list(principal, id) };
  }

  @Post()
  @RequirePermission(Permission.DangerTermsAdminister)
  @ApiOperation({
    summary: 'Add a danger term to the district (district administrators)',
    description: `${WHAT} Audited for each school of the district. 409 when the district has the phrase in that language already.`,
  })
  @ApiCreatedResponse({ type: DangerTermDto })
  add(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: DangerTermInputDto,
  ): Promise<DangerTermDto> {
    return this.terms.add(principal, id, body);
  }

  @Delete(':termId')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.DangerTermsAdminister)
  @ApiOperation({
    summary: 'Remove a danger term of the district (district administrators)',
    description: 'Answers the removed term. Audited for each school of the district.',
  })
  @ApiOkResponse({ type: DangerTermDto })
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Param('termId', UuidParam()) termId: string,
  ): Promise<DangerTermDto> {
    return this.terms.remove(principal, id, termId);
  }
}
