import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FollowUpsService } from '@app/casework';
import { Permission, type Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { CancelFollowUpDto, CompleteFollowUpDto, FollowUpView } from './dto/follow-ups.dto';

/** Planned interventions of a case (planned with `POST /incidents/{id}/actions` and `scheduledFor`). */
@ApiTags('casework')
@ApiBearerAuth()
@RequirePermission(Permission.IncidentDecide)
@Controller('incidents/:id')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get('follow-ups')
  @ApiOperation({ summary: 'The follow-ups planned on the case: planned ones first, by day' })
  @ApiOkResponse({ type: [FollowUpView] })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<FollowUpView[]> {
    return this.followUps.list(principal, id);
  }

  @Post('actions/:actionId/complete')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Mark a planned follow-up done (409 when it is done or cancelled already)',
  })
  @ApiOkResponse({ type: FollowUpView })
  complete(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Param('actionId', UuidParam()) actionId: string,
    @Body() body: CompleteFollowUpDto,
  ): Promise<FollowUpView> {
    return this.followUps.complete(principal, id, actionId, {
      takenAt: new Date(body.takenAt),
      description: body.description,
    });
  }

  @Post('actions/:actionId/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Cancel a planned follow-up, with a reason (409 when it is done or cancelled already)',
  })
  @ApiOkResponse({ type: FollowUpView })
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Param('actionId', UuidParam()) actionId: string,
    @Body() body: CancelFollowUpDto,
  ): Promise<FollowUpView> {
    return this.followUps.cancel(principal, id, actionId, body.reason);
  }
}
