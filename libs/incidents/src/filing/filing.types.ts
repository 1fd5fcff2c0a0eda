import type { Help } from '../after-hours/help';
import type { Category, Location, PartyRole, Severity, Status } from '../incident.constants';

export interface PartyInput {
  role: PartyRole;
  studentId?: string;
  name?: string;
  note?: string;
}

export interface IncidentReportInput {
  category: Category;
  location: Location;
  locationDetail?: string;
  occurredAt: Date;
  ongoing?: boolean;
  description: string;
  urgent?: boolean;
  parties?: PartyInput[];
}

export interface FileIncidentInput extends IncidentReportInput {
  schoolId: string;
  onBehalfOfStudentId?: string;
}

export interface FiledIncident {
  id: string;
  reference: string;
  status: Status;
  severity: Severity | null;
  triageDueAt: Date;
  resolveDueAt: Date;
  /** The school's time zone (IANA): deadlines are ends of school days there, so show their dates in it. */
  schoolTimeZone: string;
  /** Where to get help now: crisis contacts, national lines, the school's hours. */
  help: Help;
}

export interface FiledAnonymousReport {
  reference: string;
  /** Shown once; only its hash is kept. */
  trackingCode: string;
  /** By when the school starts looking into it, and by when it should be resolved. */
  triageDueAt: Date;
  resolveDueAt: Date;
  /** The school's time zone (IANA): deadlines are ends of school days there, so show their dates in it. */
  schoolTimeZone: string;
  /** Where to get help now: crisis contacts, national lines, the school's hours. */
  help: Help;
}
