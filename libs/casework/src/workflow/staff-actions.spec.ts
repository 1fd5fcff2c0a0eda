import { staffActions } from './staff-actions';

describe('staffActions: what a caseworker may decide now', () => {
  it.each([
    ['submitted', ['triage', 'assign', 'dismiss']],
    ['triaged', ['assign', 'start', 'dismiss']],
    ['investigating', ['assign', 'resolve']],
    ['resolved', ['assign', 'reopen', 'close']],
    ['dismissed', ['assign', 'reopen']],
    ['closed', []],
  ] as const)('from %s: %j', (status, actions) => {
    expect(staffActions(status)).toEqual(actions);
  });
});
