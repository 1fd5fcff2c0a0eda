import type { Status } from '@app/incidents';
import { allowedActions, type CaseAction } from './workflow';

/** What a caseworker may do to a case's state: the workflow's steps, and giving the case to someone. */
export const STAFF_ACTIONS = [
  'triage',
  'assign',
  'start',
  'resolve',
  'dismiss',
  'reopen',
  'close',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/**
 * The decisions a caseworker may take on a case in `status` now: the
 * workflow's (`allowedActions`), plus assigning, which any case but a closed
 * one allows. Clients show these and nothing else.
 */
export function staffActions(status: Status): StaffAction[] {
  const workflow: readonly CaseAction[] = allowedActions(status);
  return STAFF_ACTIONS.filter((action) =>
    action === 'assign' ? status !== 'closed' : workflow.includes(action),
  );
}
