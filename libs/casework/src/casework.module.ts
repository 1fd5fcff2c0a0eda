import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { IdentityModule } from '@app/identity';
import { IncidentsModule } from '@app/incidents';
import { DeadlineMover } from './calendar/deadline-mover';
import { SchoolCalendarService } from './calendar/school-calendar.service';
import { AssignService } from './decisions/assign.service';
import { AssigneesService } from './decisions/assignees.service';
import { BulkReassignService } from './decisions/bulk-reassign.service';
import { CaseChanges } from './decisions/case-changes';
import { NotesService } from './decisions/notes.service';
import { PartiesService } from './decisions/parties.service';
import { ResolveService } from './decisions/resolve.service';
import { SeverityService } from './decisions/severity.service';
import { TransitionService } from './decisions/transition.service';
import { TriageService } from './decisions/triage.service';
import { ChronologyService } from './chronology.service';
import { DeadlineScanner } from './deadlines/deadline-scanner';
import { DeadlineNotice } from './entities/deadline-notice.entity';
import { IncidentAction } from './entities/incident-action.entity';
import { IncidentNote } from './entities/incident-note.entity';
import { CaseGroupsService } from './groups/case-groups.service';
import { GroupResolution } from './groups/group-resolution';
import { RelatedSuggestionsService } from './groups/related-suggestions.service';
import { FollowUpReminders } from './follow-ups/follow-up-reminders';
import { FollowUpsService } from './follow-ups/follow-ups.service';
import { AlertEscalation } from './live/alert-escalation';
import { AlertsService } from './live/alerts.service';
import { OutcomeNoticesService } from './outcome-notices/outcome-notices.service';
import { QueueService } from './queue.service';

const services = [
  AlertEscalation,
  AlertsService,
  AssignService,
  AssigneesService,
  BulkReassignService,
  CaseChanges,
  CaseGroupsService,
  ChronologyService,
  DeadlineMover,
  DeadlineScanner,
  GroupResolution,
  FollowUpReminders,
  FollowUpsService,
  NotesService,
  OutcomeNoticesService,
  QueueService,
  RelatedSuggestionsService,
  ResolveService,
  SchoolCalendarService,
  TransitionService,
  TriageService,
  PartiesService,
  SeverityService,
];

/** The counselor's work on a case: queue, triage, workflow, notes, interventions, chronology. */
@Module({
  imports: [
    TypeOrmModule.forFeature([IncidentNote, IncidentAction, DeadlineNotice]),
    IdentityModule,
    IncidentsModule,
    AuditModule,
  ],
  providers: services,
  exports: services,
})
export class CaseworkModule {}
