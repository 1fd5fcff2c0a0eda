export {
  CATEGORIES,
  DISMISSAL_REASONS,
  LOCATIONS,
  OPEN_STATUSES,
  OUTCOMES,
  PARTY_ROLES,
  REPORTER_KINDS,
  SEVERITIES,
  sqlList,
  STATUSES,
  type Category,
  type DismissalReason,
  type Location,
  type Outcome,
  type PartyRole,
  type ReporterKind,
  type Severity,
  type Status,
} from './incident.constants';
export {
  CaseGroup,
  Incident,
  incidentEntities,
  IncidentEvent,
  IncidentParty,
  OutcomeNotice,
} from './entities';
export { OUTCOME_NOTICE_MAX } from './entities/outcome-notice.entity';
export { TIMELINE_EVENT_TYPES, type TimelineEventType } from './entities/incident-event.entity';
export { IncidentsModule } from './incidents.module';
export { MESSAGE_AUTHOR_KINDS } from './entities/message.entity';
export { IncidentAccessService } from './access/incident-access.service';
export { AfterHoursReplies } from './after-hours/after-hours-replies';
export { HelpService, NATIONAL_LINES, type Help, type NationalLine } from './after-hours/help';
export { AnonymousFilingService } from './anonymous/anonymous-filing.service';
export { AnonymousReportsService } from './anonymous/anonymous-reports.service';
export { AttachmentStorage } from './attachments/attachment-storage';
export {
  AttachmentsService,
  MAX_ATTACHMENT_BYTES,
  type IncomingFile,
} from './attachments/attachments.service';
export {
  CRITICAL_REASONS,
  criticalReasons,
  type CriticalReason,
} from './escalation/critical-reasons';
export { DangerTermsService, type DangerTermView } from './escalation/danger-terms.service';
export {
  DANGER_CATEGORIES,
  DANGER_LANGUAGES,
  type DangerCategory,
  type DangerLanguage,
} from './escalation/terms/term-data';
export { FilingService } from './filing/filing.service';
export { studentInvolvement } from './involvement/student-involvement';
export { MessagesService } from './messages/messages.service';
export { CaseRecorder } from './recording/case-recorder';
export { type RecipientRule } from './recording/notice-recipients';
export { TargetFamilies } from './recording/target-families';
export { IncidentViewsService } from './views/incident-views.service';
export { REPEAT_WINDOW_DAYS } from './views/staff-view.service';
export { staffSummary, SUMMARY_COLUMNS } from './views/summaries';
export { type StaffIncidentSummary, type StaffIncidentView } from './views/incident.views';
