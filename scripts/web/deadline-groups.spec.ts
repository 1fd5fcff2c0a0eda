import {
  deadlineGroup,
  endOfSchoolWeek,
} from '../../apps/web/src/features/caseload/deadline-groups';

const NEW_YORK = 'America/New_York';

describe('deadline groups on the school’s calendar', () => {
  // Wednesday, December 2, 2026, 10:00 in New York (15:00 UTC).
  const now = new Date('2026-12-02T15:00:00Z');

  it('ends the week on the Sunday after', () => {
    expect(endOfSchoolWeek(now, NEW_YORK)).toBe('2026-12-06');
    expect(endOfSchoolWeek(new Date('2026-12-07T15:00:00Z'), NEW_YORK)).toBe('2026-12-13');
    expect(endOfSchoolWeek(new Date('2026-12-06T15:00:00Z'), NEW_YORK)).toBe('2026-12-06');
  });

  it.each([
    ['a minute ago', '2026-12-02T14:59:00Z', 'overdue'],
    ['tonight in New York (tomorrow in UTC)', '2026-12-03T04:00:00Z', 'today'],
    ['tomorrow', '2026-12-03T20:00:00Z', 'week'],
    ['on Sunday', '2026-12-07T04:00:00Z', 'week'],
    ['on Monday', '2026-12-07T06:00:00Z', 'later'],
  ])('puts a deadline %s in %s', (_, dueAt, group) => {
    expect(deadlineGroup(dueAt, NEW_YORK, now)).toBe(group);
  });

  it('puts a case without a deadline last', () => {
    expect(deadlineGroup(null, NEW_YORK, now)).toBe('later');
  });
});
