import type { Status } from '@app/incidents';
import { allowedActions, type CaseAction } from './workflow';

/**
 * What a caseworker may do to a case: the workflow's steps, giving the case to
 * someone, correcting its parties (add, change, remove a child involved) and
 * changing its severity after triage.
 */
export const STAFF_ACTIONS = [
  'triage',
  'assign',
  'start',
  'resolve',
  'dismiss',
  'reopen',
  'close',
  'change_parties',
  'change_severity',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** Cases whose severity a caseworker set at triage and that are still being worked. */
const SEVERITY_CHANGEABLE: readonly Status[] = ['triaged', 'investigating', 'resolved'];

/**
 * The decisions a caseworker may take on a case in `status` now: the
 * workflow's (`allowedActions`); assigning and correcting the parties, which
 * any case but a closed one allows; changing the severity, once triaged
 * (`triage` sets it first) and while not closed or dismissed (reopen first).
 * Clients show these and nothing else.
 */
export function staffActions(status: Status): StaffAction[] {
  const workflow: readonly CaseAction[] = allowedActions(status);
  return STAFF_ACTIONS.filter((action) => {
    switch (action) {
      case 'assign':
      case 'change_parties':
        return status !== 'closed';
      case 'change_severity':
        return SEVERITY_CHANGEABLE.includes(status);
      default:
        return workflow.includes(action);
    }
  });
}
