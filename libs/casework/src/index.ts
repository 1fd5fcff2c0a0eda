import { DeadlineNotice } from './entities/deadline-notice.entity';
import { IncidentAction } from './entities/incident-action.entity';
import { IncidentNote } from './entities/incident-note.entity';

export { CaseworkModule } from './casework.module';
export {
  SchoolCalendarService,
  type CalendarChangeResult,
  type DayOffInput,
  type DistrictDaysOffView,
  type SchoolCalendarView,
  type SchoolYearInput,
} from './calendar/school-calendar.service';
export { AssignService } from './decisions/assign.service';
export { NotesService } from './decisions/notes.service';
export {
  PartiesService,
  type AddPartyInput,
  type ChangePartyInput,
  type RemovePartyInput,
} from './decisions/parties.service';
export { ResolveService } from './decisions/resolve.service';
export { SeverityService, type SeverityInput } from './decisions/severity.service';
export { TransitionService } from './decisions/transition.service';
export { TriageService } from './decisions/triage.service';
export {
  ChronologyService,
  type Chronology,
  type ChronologyEntry,
  type RepeatSummary,
} from './chronology.service';
export { DeadlineScanner } from './deadlines/deadline-scanner';
export { ACTION_TYPES, type ActionType } from './entities/incident-action.entity';
export { NOTE_VISIBILITIES, type NoteVisibility } from './entities/incident-note.entity';
export { AlertEscalation } from './live/alert-escalation';
export { AlertsService, OPEN_ALERTS_LIMIT, type AlertView } from './live/alerts.service';
export {
  QueueService,
  type Caseload,
  type CountsFilter,
  type QueueCounts,
  type QueueFilter,
} from './queue.service';
export { STAFF_ACTIONS, staffActions, type StaffAction } from './workflow/staff-actions';
export { AssigneesService, type Assignee } from './decisions/assignees.service';
export {
  OutcomeNoticesService,
  type InvolvedFamily,
  type OutcomeNoticeInput,
  type SendOutcomeNotices,
} from './outcome-notices/outcome-notices.service';
export {
  CaseGroupsService,
  type LinkInput,
  type RelatedMember,
  type RelatedView,
  type UnlinkInput,
} from './groups/case-groups.service';
export {
  RelatedSuggestionsService,
  SUGGESTIONS_LIMIT,
  type RelatedSuggestion,
} from './groups/related-suggestions.service';
export {
  RELATED_MIN_SCORE,
  RELATED_WINDOW_DAYS,
  type RelatedSignals,
} from './groups/related-score';

export {
  BulkReassignService,
  type ReassignInput,
  type ReassignResult,
} from './decisions/bulk-reassign.service';
export { FollowUpReminders } from './follow-ups/follow-up-reminders';
export {
  FollowUpsService,
  type CompleteInput,
  type FollowUp,
  type PlanInput,
} from './follow-ups/follow-ups.service';
export { ACTION_STATUSES, type ActionStatus } from './entities/incident-action.entity';

export const caseworkEntities = [IncidentNote, IncidentAction, DeadlineNotice];
