import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type Principal } from '@app/identity';
import { HelpService } from '@app/incidents';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { HelpView } from './dto/help.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('incidents/:id/help')
export class HelpController {
  constructor(private readonly help: HelpService) {}

  @Get()
  @RequirePermission(Permission.IncidentRead)
  @ApiOperation({
    summary: 'Where to get help now, for this case’s school',
    description:
      'The same `help` as the filing answer: crisis contacts (the district’s when the school lists none), 911, 988, the school’s hours and when it next opens. 404 for a case out of reach.',
  })
  @ApiOkResponse({ type: HelpView })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<HelpView> {
    return this.help.forIncident(principal, id);
  }
}
