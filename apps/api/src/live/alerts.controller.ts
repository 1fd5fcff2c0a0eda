import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AlertsService } from '@app/casework';
import { Permission, type Principal } from '@app/identity';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { AlertDto, AlertListDto } from './dto/alert.dto';

@ApiTags('live')
@ApiBearerAuth()
@Controller()
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get('alerts')
  @RequirePermission(Permission.LiveSubscribe)
  @ApiOperation({
    summary: 'The unacknowledged critical alerts of your schools, oldest first',
    description:
      'A screen that connects shows these, then follows `alert.raised` and `alert.acknowledged` on `GET /api/v1/events`.',
  })
  @ApiOkResponse({ type: AlertListDto })
  async list(@CurrentPrincipal() principal: Principal): Promise<AlertListDto> {
    return { items: await this.alerts.open(principal) };
  }

  @Post('incidents/:id/alert/acknowledge')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.AlertAcknowledge)
  @ApiOperation({
    summary: "Acknowledge the case's critical alert: it leaves every screen",
    description:
      'Records who and when on the timeline (`alert_acknowledged`, staff only) and in the audit. ' +
      'Idempotent: when the alert was acknowledged already, answers it as it is (200, with the first acknowledgement). ' +
      '404 when the case is out of reach or never had an alert.',
  })
  @ApiOkResponse({ type: AlertDto })
  acknowledge(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<AlertDto> {
    return this.alerts.acknowledge(principal, id);
  }
}
