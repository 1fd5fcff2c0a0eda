import type { Status } from '@app/incidents';

export const CASE_ACTIONS = ['triage', 'start', 'dismiss', 'resolve', 'close', 'reopen'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** What the workflow needs to know of a case's past. */
export interface CaseHistory {
  /** A caseworker triaged it at some point (severity set at filing does not count). */
  triaged: boolean;
}

type Target = Status | ((history: CaseHistory) => Status);

/**
 * The case workflow (ARCHITECTURE.md):
 *
 *   submitted --triage--> triaged --start--> investigating --resolve--> resolved --close--> closed
 *   submitted, triaged --dismiss--> dismissed --reopen--> triaged, or submitted if never triaged
 *   resolved --reopen--> investigating
 *
 * A dismissed case goes back to where its work stopped: one dismissed before
 * anyone triaged it must still be triaged.
 */
const TRANSITIONS: Record<Status, Partial<Record<CaseAction, Target>>> = {
  submitted: { triage: 'triaged', dismiss: 'dismissed' },
  triaged: { start: 'investigating', dismiss: 'dismissed' },
  investigating: { resolve: 'resolved' },
  resolved: { close: 'closed', reopen: 'investigating' },
  closed: {},
  dismissed: { reopen: ({ triaged }) => (triaged ? 'triaged' : 'submitted') },
};

/**
 * The status after `action`, or undefined when the action is not allowed from
 * `status`. Reopening a dismissed case needs its `history`.
 */
export function nextStatus(
  status: Status,
  action: CaseAction,
  history?: CaseHistory,
): Status | undefined {
  const target = TRANSITIONS[status][action];
  if (typeof target !== 'function') return target;
  if (!history) throw new Error(`${action} from ${status} depends on the case history`);
  return target(history);
}

export function allowedActions(status: Status): CaseAction[] {
  return CASE_ACTIONS.filter((action) => TRANSITIONS[status][action] !== undefined);
}

/** Actions that must say why. */
export function requiresReason(action: CaseAction): boolean {
  return action === 'dismiss' || action === 'reopen';
}
