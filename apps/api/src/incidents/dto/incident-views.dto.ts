import { HelpView } from './help.dto';
import {
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
  type ApiPropertyOptions,
} from '@nestjs/swagger';
import {
  CATEGORIES,
  LOCATIONS,
  OUTCOMES,
  PARTY_ROLES,
  REPORTER_KINDS,
  SEVERITIES,
  STATUSES,
  type Category,
  type Location,
  type Outcome,
  type PartyRole,
  type ReporterKind,
  type Severity,
  type Status,
  CRITICAL_REASONS,
  TIMELINE_EVENT_TYPES,
  type CriticalReason,
  type TimelineEventType,
} from '@app/incidents';
import { STAFF_ACTIONS, type StaffAction } from '@app/casework';
import type { InvolvedRole } from '@app/identity';

const INVOLVED_ROLES: readonly InvolvedRole[] = ['aggressor', 'witness'];

/** The deadline a reporter or family is waiting on now. */
const DUE_AT: ApiPropertyOptions = {
  type: Date,
  nullable: true,
  description:
    'The deadline that matters now: triageDueAt while submitted, resolveDueAt while triaged or under investigation; null once resolved, closed or dismissed',
};

/** Next to every deadline a reporter or family is told. */
export const SCHOOL_TIME_ZONE: ApiPropertyOptions = {
  example: 'America/New_York',
  description:
    "The school's time zone: deadlines are ends of school days there, so show their dates in it",
};

/*
 * Each audience has its own response classes. A field added to an incident is
 * shown to nobody until it is added here, to the views of those who may see it.
 */

export class PersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

/** Another report, named for staff. */
export class CaseRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
}

export class StaffTimelineEntry {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TIMELINE_EVENT_TYPES, enumName: 'TimelineEventType' })
  type: TimelineEventType;
  @ApiProperty() at: Date;
  @ApiProperty({
    type: PersonRef,
    nullable: true,
    description: 'null: the anonymous reporter or the system',
  })
  actor: PersonRef | null;
  @ApiProperty({ enum: ['internal', 'shared'], enumName: 'Visibility' }) visibility: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiPropertyOptional({
    type: CaseRef,
    description:
      'Only on notes and interventions written on another report of the same group of related reports (shared investigation): the report they were written on',
  })
  writtenOn?: CaseRef;
}

/** What families and reporters see of the timeline: what happened and when, never who. */
export class SharedTimelineEntry {
  @ApiProperty({ enum: TIMELINE_EVENT_TYPES, enumName: 'TimelineEventType' })
  type: TimelineEventType;
  @ApiProperty() at: Date;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

export class PartyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PARTY_ROLES, enumName: 'PartyRole' }) role: PartyRole;
  @ApiProperty({ type: PersonRef, nullable: true, description: 'The linked student record' })
  student: PersonRef | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({
    type: 'integer',
    description: 'Other incidents of the last 90 days with this student as a target',
  })
  otherIncidentsAsTarget: number;
  @ApiProperty({
    type: 'integer',
    description: 'Other incidents of the last 90 days with this student as an aggressor',
  })
  otherIncidentsAsAggressor: number;
  @ApiProperty({ description: 'A target in another incident of the last 90 days' })
  repeatTarget: boolean;
  @ApiProperty({ description: 'An aggressor in another incident of the last 90 days' })
  repeatAggressor: boolean;
}

/** The school's outcome notice to one family, as that family reads it. */
export class OutcomeNoticeView {
  @ApiProperty() summary: string;
  @ApiProperty() sentAt: Date;
}

export class AttachmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty({ type: 'integer', description: 'Bytes' }) size: number;
  @ApiProperty() uploadedAt: Date;
}

export class StaffIncidentView {
  @ApiProperty({ enum: ['staff'] }) view: 'staff';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ enum: STATUSES, enumName: 'IncidentStatus' }) status: Status;
  @ApiProperty({ enum: SEVERITIES, enumName: 'Severity', nullable: true })
  severity: Severity | null;
  @ApiProperty({ enum: CATEGORIES, enumName: 'Category' }) category: Category;
  @ApiProperty({ enum: LOCATIONS, enumName: 'Location' }) location: Location;
  @ApiProperty({ type: String, nullable: true }) locationDetail: string | null;
  @ApiProperty() occurredAt: Date;
  @ApiProperty() ongoing: boolean;
  @ApiProperty() description: string;
  @ApiProperty() urgent: boolean;
  @ApiProperty({ type: [String], example: ['urgent_flag', 'weapon'] }) escalationReasons: string[];
  @ApiProperty({ enum: REPORTER_KINDS, enumName: 'ReporterKind' }) reporterKind: ReporterKind;
  @ApiProperty({ type: PersonRef, nullable: true, description: 'null for anonymous reports' })
  reporter: PersonRef | null;
  @ApiProperty({ type: PersonRef, nullable: true }) onBehalfOf: PersonRef | null;
  @ApiProperty({ type: PersonRef, nullable: true }) assignee: PersonRef | null;
  @ApiProperty({ type: [PartyView] }) parties: PartyView[];
  @ApiProperty() triageDueAt: Date;
  @ApiProperty() resolveDueAt: Date;
  @ApiProperty(DUE_AT) dueAt: Date | null;
  @ApiProperty(SCHOOL_TIME_ZONE) schoolTimeZone: string;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt: Date | null;
  @ApiProperty({ enum: OUTCOMES, enumName: 'Outcome', nullable: true }) outcome: Outcome | null;
  @ApiProperty({ type: String, nullable: true }) resolutionSummary: string | null;
  @ApiProperty({ type: [AttachmentView] }) attachments: AttachmentView[];
  @ApiProperty({ type: [StaffTimelineEntry] }) timeline: StaffTimelineEntry[];
  @ApiProperty({
    enum: STAFF_ACTIONS,
    enumName: 'StaffAction',
    isArray: true,
    description:
      'The decisions the workflow allows on the case now (assign: any case but a closed one); show these and no others',
  })
  allowedActions: StaffAction[];
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: Date;
}

/** The person who filed: their own words, status and deadlines; no one else's identity. */
export class ReporterIncidentView {
  @ApiProperty({ enum: ['reporter'] }) view: 'reporter';
  @ApiPropertyOptional({ format: 'uuid', description: 'Absent for anonymous reporters' })
  id?: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: STATUSES, enumName: 'IncidentStatus' }) status: Status;
  @ApiProperty({ enum: CATEGORIES, enumName: 'Category' }) category: Category;
  @ApiProperty({ enum: LOCATIONS, enumName: 'Location' }) location: Location;
  @ApiProperty({ type: String, nullable: true }) locationDetail: string | null;
  @ApiProperty() occurredAt: Date;
  @ApiProperty() ongoing: boolean;
  @ApiProperty() description: string;
  @ApiProperty() urgent: boolean;
  @ApiProperty() triageDueAt: Date;
  @ApiProperty() resolveDueAt: Date;
  @ApiProperty(DUE_AT) dueAt: Date | null;
  @ApiProperty(SCHOOL_TIME_ZONE) schoolTimeZone: string;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt: Date | null;
  @ApiProperty({ enum: OUTCOMES, enumName: 'Outcome', nullable: true }) outcome: Outcome | null;
  @ApiProperty({ type: String, nullable: true }) resolutionSummary: string | null;
  @ApiProperty({ type: [AttachmentView], description: 'The files you added' })
  attachments: AttachmentView[];
  @ApiProperty({ type: [SharedTimelineEntry] }) timeline: SharedTimelineEntry[];
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: Date;
}

/**
 * A parent following their child's case: status, deadlines, shared updates
 * and the outcome. Not the report's text, the children involved, or who filed.
 */
export class FamilyIncidentView {
  @ApiProperty({ enum: ['family'] }) view: 'family';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ type: PersonRef, description: 'Your child this case concerns' }) child: PersonRef;
  @ApiProperty({ enum: STATUSES, enumName: 'IncidentStatus' }) status: Status;
  @ApiProperty({ enum: CATEGORIES, enumName: 'Category' }) category: Category;
  @ApiProperty({ enum: LOCATIONS, enumName: 'Location' }) location: Location;
  @ApiProperty() occurredAt: Date;
  @ApiProperty() triageDueAt: Date;
  @ApiProperty() resolveDueAt: Date;
  @ApiProperty(DUE_AT) dueAt: Date | null;
  @ApiProperty(SCHOOL_TIME_ZONE) schoolTimeZone: string;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt: Date | null;
  @ApiProperty({ enum: OUTCOMES, enumName: 'Outcome', nullable: true }) outcome: Outcome | null;
  @ApiProperty({ type: String, nullable: true }) resolutionSummary: string | null;
  @ApiProperty({
    type: OutcomeNoticeView,
    nullable: true,
    description:
      'What the school wrote to your family about the outcome for your child (the latest); null until it has',
  })
  outcomeNotice: OutcomeNoticeView | null;
  @ApiProperty({ type: [AttachmentView], description: 'The files you added' })
  attachments: AttachmentView[];
  @ApiProperty({
    type: [SharedTimelineEntry],
    description: 'The shared entries, and `outcome_notice` entries for the notices written to you',
  })
  timeline: SharedTimelineEntry[];
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: Date;
}

/**
 * A parent whose child is a linked aggressor or witness: only what concerns
 * their child. Not the report's text, its category or place, the other
 * children, who reported, the school's updates or summary meant for the
 * reporter, nor any file.
 */
export class InvolvedFamilyIncidentView {
  @ApiProperty({ enum: ['involved_family'] }) view: 'involved_family';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ example: 'Maple Ridge Middle School' }) schoolName: string;
  @ApiProperty({ type: PersonRef, description: 'Your child this case concerns' }) child: PersonRef;
  @ApiProperty({
    enum: INVOLVED_ROLES,
    enumName: 'InvolvedRole',
    description:
      'Your child’s part: `aggressor` (named as involved in what was reported) or `witness` (may have seen it)',
  })
  childRole: InvolvedRole;
  @ApiProperty({ enum: STATUSES, enumName: 'IncidentStatus' }) status: Status;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt: Date | null;
  @ApiProperty({
    type: OutcomeNoticeView,
    nullable: true,
    description:
      'What the school wrote to your family about the outcome for your child (the latest); null until it has',
  })
  outcomeNotice: OutcomeNoticeView | null;
  @ApiProperty({
    type: [SharedTimelineEntry],
    description: 'Status changes, and `outcome_notice` entries for the notices written to you',
  })
  timeline: SharedTimelineEntry[];
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: Date;
}

export type IncidentView =
  StaffIncidentView | ReporterIncidentView | FamilyIncidentView | InvolvedFamilyIncidentView;

/** One line of `GET /incidents`, for staff. */
export class StaffIncidentSummary {
  @ApiProperty({ enum: ['staff'] }) view: 'staff';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ format: 'uuid' }) schoolId: string;
  @ApiProperty({ enum: STATUSES, enumName: 'IncidentStatus' }) status: Status;
  @ApiProperty({ enum: SEVERITIES, enumName: 'Severity', nullable: true })
  severity: Severity | null;
  @ApiProperty({ enum: CATEGORIES, enumName: 'Category' }) category: Category;
  @ApiProperty({ enum: LOCATIONS, enumName: 'Location' }) location: Location;
  @ApiProperty({
    description:
      'The reporter ticked "someone is in danger" (only that: see `critical` for what the queue puts first)',
  })
  urgent: boolean;
  @ApiProperty({
    description:
      'Severity critical, from escalation at filing or from triage: critical open cases lead the queue',
  })
  critical: boolean;
  @ApiProperty({
    enum: CRITICAL_REASONS,
    enumName: 'CriticalReason',
    isArray: true,
    description:
      'Why it is critical (empty when it is not): `urgent_flag` (the reporter’s tick), `self_harm`, `weapon`, `threat`, `abuse` (danger terms in the report or in a message), or `triage` (a caseworker set severity critical)',
  })
  criticalReasons: CriticalReason[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assigneeId: string | null;
  @ApiProperty({ type: PersonRef, nullable: true, description: 'null: nobody is assigned' })
  assignee: PersonRef | null;
  @ApiProperty() occurredAt: Date;
  @ApiProperty() triageDueAt: Date;
  @ApiProperty() resolveDueAt: Date;
  @ApiProperty(DUE_AT) dueAt: Date | null;
  @ApiProperty(SCHOOL_TIME_ZONE) schoolTimeZone: string;
  @ApiProperty() createdAt: Date;
}

/** One line of `GET /incidents`, for reporters and families. */
export class OwnIncidentSummary {
  @ApiProperty({ enum: ['reporter', 'family'] }) view: 'reporter' | 'family';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: STATUSES, enumName: 'IncidentStatus' }) status: Status;
  @ApiProperty({ enum: CATEGORIES, enumName: 'Category' }) category: Category;
  @ApiProperty({ enum: LOCATIONS, enumName: 'Location' }) location: Location;
  @ApiProperty() occurredAt: Date;
  @ApiProperty() triageDueAt: Date;
  @ApiProperty() resolveDueAt: Date;
  @ApiProperty(DUE_AT) dueAt: Date | null;
  @ApiProperty(SCHOOL_TIME_ZONE) schoolTimeZone: string;
  @ApiProperty({
    type: PersonRef,
    nullable: true,
    description:
      "The caller's own child the case is about: in the family view, that child; for a report a parent filed for their child, that child. Null for every other reporter, students included",
  })
  child: PersonRef | null;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt: Date | null;
  @ApiProperty() createdAt: Date;
}

/** One line of `GET /incidents`, for the parents of a linked aggressor or witness. */
export class InvolvedFamilyIncidentSummary {
  @ApiProperty({ enum: ['involved_family'] }) view: 'involved_family';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: STATUSES, enumName: 'IncidentStatus' }) status: Status;
  @ApiProperty({ type: PersonRef, description: 'Your child this case concerns' }) child: PersonRef;
  @ApiProperty({ enum: INVOLVED_ROLES, enumName: 'InvolvedRole' }) childRole: InvolvedRole;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class MessageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: ['staff', 'reporter', 'family', 'anonymous', 'system'],
    description: "system: the school's automatic reply (after hours), written by nobody",
  })
  authorKind: string;
  @ApiProperty({ description: 'A name, "Anonymous reporter", or "Automatic reply"' })
  authorName: string;
  @ApiProperty({ description: 'Whether you wrote it' }) mine: boolean;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Staff only: null for the reporter thread, else the family thread of this student',
  })
  threadStudentId?: string | null;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: Date;
}

/** `GET /incidents`: staff get their queue, reporters and families their own cases. */
export class IncidentPageDto {
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [
        { $ref: getSchemaPath(StaffIncidentSummary) },
        { $ref: getSchemaPath(OwnIncidentSummary) },
        { $ref: getSchemaPath(InvolvedFamilyIncidentSummary) },
      ],
    },
  })
  items: (StaffIncidentSummary | OwnIncidentSummary | InvolvedFamilyIncidentSummary)[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** What an anonymous reporter sees with their tracking code: the reporter view and the thread. */
export class AnonymousReportStatusView extends ReporterIncidentView {
  @ApiProperty({ type: [MessageView], description: 'Your thread with the school, oldest first' })
  messages: MessageView[];
  @ApiProperty({ type: HelpView, description: 'Where to get help now' }) help: HelpView;
}
