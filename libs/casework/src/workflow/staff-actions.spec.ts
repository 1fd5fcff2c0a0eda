import { staffActions } from './staff-actions';

describe('staffActions: what a caseworker may decide now', () => {
  it.each([
    ['submitted', ['triage', 'assign', 'dismiss', 'change_parties']],
    ['triaged', ['assign', 'start', 'dismiss', 'change_parties', 'change_severity']],
    ['investigating', ['assign', 'resolve', 'change_parties', 'change_severity']],
    ['resolved', ['assign', 'reopen', 'close', 'change_parties', 'change_severity']],
    ['dismissed', ['assign', 'reopen', 'change_parties']],
    ['closed', []],
  ] as const)('from %s: %j', (status, actions) => {
    expect(staffActions(status)).toEqual(actions);
  });

  it('changes the severity only once a caseworker set it at triage', () => {
    expect(staffActions('submitted')).not.toContain('change_severity');
    expect(staffActions('triaged')).toContain('change_severity');
  });
});
