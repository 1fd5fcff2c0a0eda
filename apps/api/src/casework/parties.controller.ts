import { Body, Controller, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PartiesService, SeverityService } from '@app/casework';
import { Permission, type Principal } from '@app/identity';
import { StaffIncidentView } from '../incidents/dto/incident-views.dto';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import { AddPartyDto, ChangePartyDto, RemovePartyDto, SeverityDto } from './dto/parties.dto';
import { withAllowedActions } from './staff-view';

const CORRECTION =
  'Send the `version` you read (409 when someone changed the case meanwhile) and a `reason`, kept on the timeline (staff only) and in the audit log. Not on a closed case (409). Answers the staff view.';
const TARGET_FAMILY =
  'A student linked as a target has their guardians told that a report concerns their child (notice `child_named_target`, once per child and case).';

/**
 * Correcting a case after filing: who it involves and how severe it is.
 * Removing is a POST (`.../remove`) rather than a DELETE, because it carries a
 * body (the version and the reason), which DELETE requests have no meaning for.
 */
@ApiTags('casework')
@ApiBearerAuth()
@RequirePermission(Permission.IncidentDecide)
@Controller('incidents/:id')
export class PartiesController {
  constructor(
    private readonly parties: PartiesService,
    private readonly severities: SeverityService,
  ) {}

  @Post('parties')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Add a child involved (a student of the school, or a name as written)',
    description: `${CORRECTION} ${TARGET_FAMILY} A student of another school is a 422.`,
  })
  @ApiOkResponse({ type: StaffIncidentView })
  add(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: AddPartyDto,
  ): Promise<StaffIncidentView> {
    return this.parties.add(principal, id, body).then(withAllowedActions);
  }

  @Patch('parties/:partyId')
  @ApiOperation({
    summary: 'Change a party: role, student record, name or note (only the fields sent change)',
    description: `${CORRECTION} ${TARGET_FAMILY} A party of another incident is a 404.`,
  })
  @ApiOkResponse({ type: StaffIncidentView })
  change(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Param('partyId', UuidParam('partyId')) partyId: string,
    @Body() body: ChangePartyDto,
  ): Promise<StaffIncidentView> {
    return this.parties.change(principal, id, partyId, body).then(withAllowedActions);
  }

  @Post('parties/:partyId/remove')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Remove a party named by mistake',
    description: `${CORRECTION} The party as it was stays on the timeline. A party of another incident is a 404.`,
  })
  @ApiOkResponse({ type: StaffIncidentView })
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Param('partyId', UuidParam('partyId')) partyId: string,
    @Body() body: RemovePartyDto,
  ): Promise<StaffIncidentView> {
    return this.parties.remove(principal, id, partyId, body).then(withAllowedActions);
  }

  @Post('severity')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Change the severity of a triaged case, with a reason',
    description: `${CORRECTION} Only once triaged (triage sets the first severity) and not dismissed: 409 otherwise. Raising a case to critical raises the school's critical alert and tells every counselor and school admin, as a report filed critical does.`,
  })
  @ApiOkResponse({ type: StaffIncidentView })
  severity(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: SeverityDto,
  ): Promise<StaffIncidentView> {
    return this.severities.change(principal, id, body).then(withAllowedActions);
  }
}
