import type { Schemas } from '../../lib/api-client';

export type Status = Schemas['OwnIncidentSummary']['status'];

/** What the family waits for next: the school's first look, then the end of the investigation. */
export type NextDate = { kind: 'triage' | 'resolve'; at: string; overdue: boolean } | null;

const OPEN: readonly Status[] = ['triaged', 'investigating'];

export function nextDate(
  incident: { status: Status; triageDueAt: string; resolveDueAt: string },
  now: Date = new Date(),
): NextDate {
  const due =
    incident.status === 'submitted'
      ? { kind: 'triage' as const, at: incident.triageDueAt }
      : OPEN.includes(incident.status)
        ? { kind: 'resolve' as const, at: incident.resolveDueAt }
        : null;
  return due && { ...due, overdue: new Date(due.at).getTime() < now.getTime() };
}

export function isFinished(status: Status): boolean {
  return !['submitted', 'triaged', 'investigating'].includes(status);
}
