import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AssigneesService,
  AssignService,
  FollowUpsService,
  NotesService,
  ResolveService,
  TransitionService,
  TriageService,
} from '@app/casework';
import { Permission, type Principal } from '@app/identity';
import { StaffIncidentView } from '../incidents/dto/incident-views.dto';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RequirePermission } from '../auth/decorators/permission.decorator';
import { UuidParam } from '../http/uuid-param.pipe';
import {
  ActionDto,
  AssignDto,
  NoteDto,
  ResolveDto,
  TransitionDto,
  TriageDto,
} from './dto/casework.dto';
import { ActionView, AssigneeView, NoteView } from './dto/casework-views.dto';
import { withAllowedActions } from './staff-view';

const CHANGE_DESCRIPTION =
  'Send the `version` you read: 409 when someone changed the case meanwhile, or when the workflow does not allow the step (the message lists what is allowed).';

@ApiTags('casework')
@ApiBearerAuth()
@RequirePermission(Permission.IncidentDecide)
@Controller('incidents/:id')
export class CaseworkController {
  constructor(
    private readonly triages: TriageService,
    private readonly assignments: AssignService,
    private readonly transitions: TransitionService,
    private readonly resolutions: ResolveService,
    private readonly notes: NotesService,
    private readonly assignees: AssigneesService,
    private readonly followUps: FollowUpsService,
  ) {}

  @Get('assignees')
  @ApiOperation({
    summary:
      'Whom the case may be given to: the active counselors and administrators of its school',
  })
  @ApiOkResponse({ type: [AssigneeView] })
  listAssignees(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
  ): Promise<AssigneeView[]> {
    return this.assignees.forIncident(principal, id);
  }

  @Post('triage')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Set severity (and category, assignee, student links): submitted -> triaged',
    description: CHANGE_DESCRIPTION,
  })
  @ApiOkResponse({ type: StaffIncidentView })
  triage(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: TriageDto,
  ): Promise<StaffIncidentView> {
    return this.triages.triage(principal, id, body).then(withAllowedActions);
  }

  @Post('assign')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Give the case to a counselor or administrator of the school',
    description: CHANGE_DESCRIPTION,
  })
  @ApiOkResponse({ type: StaffIncidentView })
  assign(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: AssignDto,
  ): Promise<StaffIncidentView> {
    return this.assignments
      .assign(principal, id, body.version, body.assigneeId)
      .then(withAllowedActions);
  }

  @Post('transitions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'start, dismiss (with reason), close, reopen (with reason)',
    description: `${CHANGE_DESCRIPTION} A dismissed case reopens to \`triaged\` when it had been triaged, else to \`submitted\` (to be triaged); a resolved one to \`investigating\`. Reopening counts the deadlines still ahead again from now, by the school's policy.`,
  })
  @ApiOkResponse({ type: StaffIncidentView })
  transition(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: TransitionDto,
  ): Promise<StaffIncidentView> {
    return this.transitions.transition(principal, id, body).then(withAllowedActions);
  }

  @Post('resolve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Resolve with an outcome and a summary shared with the family',
    description: CHANGE_DESCRIPTION,
  })
  @ApiOkResponse({ type: StaffIncidentView })
  resolve(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: ResolveDto,
  ): Promise<StaffIncidentView> {
    return this.resolutions.resolve(principal, id, body).then(withAllowedActions);
  }

  @Post('notes')
  @ApiOperation({
    summary: 'Add a note: internal (staff only) or shared with the reporter and family',
  })
  @ApiCreatedResponse({ type: NoteView })
  addNote(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: NoteDto,
  ): Promise<NoteView> {
    return this.notes.addNote(principal, id, body);
  }

  @Post('actions')
  @ApiOperation({
    summary:
      'Record an intervention (counseling session, safety plan, ...), or plan a follow-up with scheduledFor (and ownerId)',
    description:
      'A planned follow-up answers `status: planned` with `scheduledFor` and `owner`; it is listed by `GET /incidents/{id}/follow-ups` and later marked done or cancelled.',
  })
  @ApiCreatedResponse({ type: ActionView })
  recordAction(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Body() body: ActionDto,
  ): Promise<ActionView> {
    const { type, description, takenAt, scheduledFor, ownerId } = body;
    if (scheduledFor !== undefined) {
      return this.followUps.plan(principal, id, { type, description, scheduledFor, ownerId });
    }
    return this.notes.recordAction(principal, id, {
      type,
      description,
      takenAt: new Date(takenAt!),
    });
  }
}
