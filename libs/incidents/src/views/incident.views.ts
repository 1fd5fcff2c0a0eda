import type {
  Category,
  Location,
  Outcome,
  PartyRole,
  ReporterKind,
  Severity,
  Status,
} from '../incident.constants';
import type { CriticalReason } from '../escalation/critical-reasons';
import type { TimelineEventType } from '../entities/incident-event.entity';
import type { InvolvedRole } from '@app/identity';

/*
 * Each audience has its own view. A field added to an incident is shown to
 * nobody until it is added here, to the views of those who may see it, and to
 * the API's response classes (apps/api/src/incidents/dto/incident-views.dto.ts).
 */

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface StaffTimelineEntry {
  id: string;
  type: TimelineEventType;
  at: Date;
  actor: PersonRef | null;
  visibility: string;
  data: Record<string, unknown>;
  /** A note or intervention written on another report of the case's group: which one. */
  writtenOn?: { id: string; reference: string };
}

/** What families and reporters see of the timeline: what happened and when, never who. */
export interface SharedTimelineEntry {
  type: TimelineEventType;
  at: Date;
  data: Record<string, unknown>;
}

export interface PartyView {
  id: string;
  role: PartyRole;
  student: PersonRef | null;
  name: string | null;
  note: string | null;
  otherIncidentsAsTarget: number;
  otherIncidentsAsAggressor: number;
  repeatTarget: boolean;
  repeatAggressor: boolean;
}

export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: Date;
}

export interface StaffIncidentView {
  view: 'staff';
  id: string;
  reference: string;
  schoolId: string;
  status: Status;
  severity: Severity | null;
  category: Category;
  location: Location;
  locationDetail: string | null;
  occurredAt: Date;
  ongoing: boolean;
  description: string;
  urgent: boolean;
  escalationReasons: string[];
  reporterKind: ReporterKind;
  reporter: PersonRef | null;
  onBehalfOf: PersonRef | null;
  assignee: PersonRef | null;
  parties: PartyView[];
  triageDueAt: Date;
  resolveDueAt: Date;
  /** The deadline that matters now (null once settled). */
  dueAt: Date | null;
  /** The school's time zone: deadlines are ends of school days there. */
  schoolTimeZone: string;
  resolvedAt: Date | null;
  outcome: Outcome | null;
  resolutionSummary: string | null;
  attachments: AttachmentView[];
  timeline: StaffTimelineEntry[];
  version: number;
  createdAt: Date;
}

/** The deadlines a reporter or family is told, and the zone whose calendar they are on. */
export interface DeadlinesToldToFamilies {
  triageDueAt: Date;
  resolveDueAt: Date;
  /** The deadline that matters now: triage while submitted, resolution while open; null once settled. */
  dueAt: Date | null;
  /** The school's time zone (IANA): deadlines are ends of school days there, so show their dates in it. */
  schoolTimeZone: string;
}

/** The person who filed: their own words, status and deadlines; no one else's identity. */
export interface ReporterIncidentView extends DeadlinesToldToFamilies {
  view: 'reporter';
  id?: string;
  reference: string;
  status: Status;
  category: Category;
  location: Location;
  locationDetail: string | null;
  occurredAt: Date;
  ongoing: boolean;
  description: string;
  urgent: boolean;
  resolvedAt: Date | null;
  outcome: Outcome | null;
  resolutionSummary: string | null;
  attachments: AttachmentView[];
  timeline: SharedTimelineEntry[];
  version: number;
  createdAt: Date;
}

/**
 * A parent following their child's case: status, deadlines, shared updates
 * and the outcome. Not the report's text, the children involved, or who filed.
 */
export interface FamilyIncidentView extends DeadlinesToldToFamilies {
  view: 'family';
  id: string;
  reference: string;
  child: PersonRef;
  status: Status;
  category: Category;
  location: Location;
  occurredAt: Date;
  resolvedAt: Date | null;
  outcome: Outcome | null;
  resolutionSummary: string | null;
  /** What the school wrote to this family about the outcome for their child (the latest), if anything. */
  outcomeNotice: OutcomeNoticeView | null;
  attachments: AttachmentView[];
  timeline: SharedTimelineEntry[];
  version: number;
  createdAt: Date;
}

/** The school's outcome notice to one family, as that family reads it. */
export interface OutcomeNoticeView {
  summary: string;
  sentAt: Date;
}

/**
 * A parent whose child is a linked aggressor or witness: only what concerns
 * their child. Not the report's text, its category or place, the other
 * children, who reported, the shared notes or the general summary meant for
 * the reporter, nor any file.
 */
export interface InvolvedFamilyIncidentView {
  view: 'involved_family';
  id: string;
  reference: string;
  schoolName: string;
  child: PersonRef;
  /** Their child's part in the case. */
  childRole: InvolvedRole;
  status: Status;
  resolvedAt: Date | null;
  outcomeNotice: OutcomeNoticeView | null;
  /** Status changes and the outcome notices written for this family, without an actor. */
  timeline: SharedTimelineEntry[];
  version: number;
  createdAt: Date;
}

export type IncidentView =
  StaffIncidentView | ReporterIncidentView | FamilyIncidentView | InvolvedFamilyIncidentView;

/** One line of `GET /incidents`, for staff. */
export interface StaffIncidentSummary {
  view: 'staff';
  id: string;
  reference: string;
  schoolId: string;
  status: Status;
  severity: Severity | null;
  category: Category;
  location: Location;
  urgent: boolean;
  critical: boolean;
  criticalReasons: CriticalReason[];
  assigneeId: string | null;
  /** Who the case is assigned to, by name (null: nobody). */
  assignee: PersonRef | null;
  occurredAt: Date;
  triageDueAt: Date;
  resolveDueAt: Date;
  /** The deadline that matters now (null once settled). */
  dueAt: Date | null;
  /** The school's time zone: deadlines are ends of school days there. */
  schoolTimeZone: string;
  createdAt: Date;
}

/** One line of `GET /incidents`, for reporters and families. */
export interface OwnIncidentSummary extends DeadlinesToldToFamilies {
  view: 'reporter' | 'family';
  id: string;
  reference: string;
  status: Status;
  category: Category;
  location: Location;
  occurredAt: Date;
  /**
   * The caller's own child the case is about: in the family view, that child;
   * for a report a parent filed for their child, that child. Null for every
   * other reporter (a student reporting is not shown as a "child").
   */
  child: PersonRef | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

/** One line of `GET /incidents`, for the parents of a linked aggressor or witness. */
export interface InvolvedFamilyIncidentSummary {
  view: 'involved_family';
  id: string;
  reference: string;
  status: Status;
  child: PersonRef;
  childRole: InvolvedRole;
  resolvedAt: Date | null;
  createdAt: Date;
}

export interface MessageView {
  id: string;
  authorKind: string;
  authorName: string;
  mine: boolean;
  threadStudentId?: string | null;
  body: string;
  createdAt: Date;
}
