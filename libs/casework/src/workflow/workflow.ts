import type { Status } from '@app/incidents';

export const CASE_ACTIONS = ['triage', 'start', 'dismiss', 'resolve', 'close', 'reopen'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * The case workflow (ARCHITECTURE.md):
 *
 *   submitted --triage--> triaged --start--> investigating --resolve--> resolved --close--> closed
 *   submitted, triaged --dismiss--> dismissed --reopen--> triaged
 *   resolved --reopen--> investigating
 */
const TRANSITIONS: Record<Status, Partial<Record<CaseAction, Status>>> = {
  submitted: { triage: 'triaged', dismiss: 'dismissed' },
  triaged: { start: 'investigating', dismiss: 'dismissed' },
  investigating: { resolve: 'resolved' },
  resolved: { close: 'closed', reopen: 'investigating' },
  closed: {},
  dismissed: { reopen: 'triaged' },
};

/** The status after `action`, or undefined when the action is not allowed from `status`. */
export function nextStatus(status: Status, action: CaseAction): Status | undefined {
  return TRANSITIONS[status][action];
}

export function allowedActions(status: Status): CaseAction[] {
  return CASE_ACTIONS.filter((action) => TRANSITIONS[status][action] !== undefined);
}

/** Actions that must say why. */
export function requiresReason(action: CaseAction): boolean {
  return action === 'dismiss' || action === 'reopen';
}
