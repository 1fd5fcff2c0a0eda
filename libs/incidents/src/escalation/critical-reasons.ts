import type { Severity } from '../incident.constants';

/**
 * Why an open case is critical: escalation at filing or by a message (the
 * urgent tick, the danger categories of `terms/term-data.ts`), or a
 * caseworker's triage.
 */
export const CRITICAL_REASONS = [
  'urgent_flag',
  'self_harm',
  'weapon',
  'threat',
  'abuse',
  'triage',
] as const;
export type CriticalReason = (typeof CRITICAL_REASONS)[number];

/**
 * Why a case is critical, or nothing when it is not: the escalation at filing
 * or by a message (the reporter's "someone is in danger" tick, danger terms in
 * the text) when there was one, else `triage` (a caseworker set the severity to critical). A
 * case escalated at filing and then triaged lower is not critical any more.
 */
export function criticalReasons(incident: {
  severity: Severity | null;
  escalationReasons: string[];
}): CriticalReason[] {
  if (incident.severity !== 'critical') return [];
  return incident.escalationReasons.length > 0
    ? (incident.escalationReasons as CriticalReason[])
    : ['triage'];
}
