import { reopenedDeadlines } from './reopened-deadlines';

const school = {
  timeZone: 'America/New_York',
  holidays: ['2026-03-13'],
  triageSchoolDays: 1,
  resolveSchoolDays: 3,
};
// Wednesday 11 March 2026, 10:00 in New York.
const reopenedAt = new Date('2026-03-11T14:00:00Z');

describe('reopenedDeadlines', () => {
  it('counts triage and resolution again for a case that goes back to submitted', () => {
    expect(reopenedDeadlines('submitted', reopenedAt, school)).toEqual({
      // Thursday; then Friday is a holiday: Monday and Tuesday.
      triageDueAt: new Date('2026-03-13T03:59:59.999Z'),
      resolveDueAt: new Date('2026-03-18T03:59:59.999Z'),
    });
  });

  it.each(['triaged', 'investigating'] as const)(
    'counts only the resolution again for a case that goes back to %s',
    (to) => {
      expect(reopenedDeadlines(to, reopenedAt, school)).toEqual({
        resolveDueAt: new Date('2026-03-18T03:59:59.999Z'),
      });
    },
  );
});
