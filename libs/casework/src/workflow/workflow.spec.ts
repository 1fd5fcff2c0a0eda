import { STATUSES } from '@app/incidents';
import { allowedActions, CASE_ACTIONS, nextStatus, requiresReason } from './workflow';

describe('case workflow', () => {
  it.each([
    ['submitted', 'triage', 'triaged'],
    ['submitted', 'dismiss', 'dismissed'],
    ['triaged', 'start', 'investigating'],
    ['triaged', 'dismiss', 'dismissed'],
    ['investigating', 'resolve', 'resolved'],
    ['resolved', 'close', 'closed'],
    ['resolved', 'reopen', 'investigating'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it('reopens a dismissed case where its work stopped: triaged, or submitted if never triaged', () => {
    expect(nextStatus('dismissed', 'reopen', { triaged: true })).toBe('triaged');
    expect(nextStatus('dismissed', 'reopen', { triaged: false })).toBe('submitted');
    expect(allowedActions(nextStatus('dismissed', 'reopen', { triaged: false })!)).toContain(
      'triage',
    );
  });

  it('will not guess where a dismissed case reopens without its history', () => {
    expect(() => nextStatus('dismissed', 'reopen')).toThrow('history');
  });

  it('allows exactly the transitions of the diagram', () => {
    const allowed = STATUSES.flatMap((status) =>
      CASE_ACTIONS.filter((action) => nextStatus(status, action, { triaged: true })).map(
        (action) => `${status}:${action}`,
      ),
    );
    expect(allowed.sort()).toEqual(
      [
        'submitted:triage',
        'submitted:dismiss',
        'triaged:start',
        'triaged:dismiss',
        'investigating:resolve',
        'resolved:close',
        'resolved:reopen',
        'dismissed:reopen',
      ].sort(),
    );
  });

  it('refuses skipping steps and leaving a closed case', () => {
    expect(nextStatus('submitted', 'resolve')).toBeUndefined();
    expect(nextStatus('submitted', 'start')).toBeUndefined();
    expect(nextStatus('investigating', 'dismiss')).toBeUndefined();
    expect(nextStatus('closed', 'reopen')).toBeUndefined();
    expect(allowedActions('closed')).toEqual([]);
  });

  it('lists what may be done next', () => {
    expect(allowedActions('submitted')).toEqual(['triage', 'dismiss']);
    expect(allowedActions('resolved')).toEqual(['close', 'reopen']);
  });

  it('wants a reason to dismiss or reopen only', () => {
    expect(CASE_ACTIONS.filter(requiresReason)).toEqual(['dismiss', 'reopen']);
  });
});
