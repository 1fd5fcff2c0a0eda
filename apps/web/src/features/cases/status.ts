import type { Schemas } from '../../lib/api-client';

export type Status = Schemas['OwnIncidentSummary']['status'];

/**
 * What the family waits for next: the school's first look, then the end of the
 * investigation. `timeZone` is the school's, where the deadline's day is said.
 */
export type NextDate = {
  kind: 'triage' | 'resolve';
  at: string;
  overdue: boolean;
  timeZone: string | undefined;
} | null;

/** What a view or a summary says of where a case stands and by when. */
export interface Deadlines {
  status: Status;
  triageDueAt: string;
  resolveDueAt: string;
  /** The server's "deadline that matters now", in reporter and family views (staff views lack it). */
  dueAt?: string | null;
  /** The school's time zone, in reporter and family views and summaries (staff ones lack it). */
  schoolTimeZone?: string;
}

/** The statuses of a case still being worked on (the queue's and the caseload's default). */
export const OPEN_STATUSES: readonly Status[] = ['submitted', 'triaged', 'investigating'];

/** Still being worked on: the school can be written to and sent files. */
export const isOpen = (status: Status): boolean => OPEN_STATUSES.includes(status);

export function nextDate(incident: Deadlines, now: Date = new Date()): NextDate {
  if (!isOpen(incident.status)) return null;
  const kind = incident.status === 'submitted' ? 'triage' : 'resolve';
  const at =
    incident.dueAt !== undefined
      ? incident.dueAt
      : kind === 'triage'
        ? incident.triageDueAt
        : incident.resolveDueAt;
  if (!at) return null;
  const overdue = new Date(at).getTime() < now.getTime();
  return { kind, at, overdue, timeZone: incident.schoolTimeZone };
}
