/** Days on the school's calendar (apps/web/src/lib/school-days.ts), shared by the queue and the caseload. */
import { dueState, schoolDay } from '../../apps/web/src/lib/school-days';

describe('schoolDay', () => {
  it('says the school’s day, not the device’s', () => {
    expect(schoolDay(new Date('2026-12-03T03:00:00Z'), 'America/New_York')).toBe('2026-12-02');
    expect(schoolDay(new Date('2026-12-03T03:00:00Z'), 'UTC')).toBe('2026-12-03');
  });
});

describe('dueState', () => {
  const zone = 'America/New_York';
  // 10:00 in New York on December 2, 2026.
  const now = new Date('2026-12-02T15:00:00Z');

  it('says overdue once the deadline has passed', () => {
    expect(dueState('2026-12-02T14:59:59Z', zone, now)).toBe('overdue');
  });

  it('says today for a deadline later today on the school’s calendar, whatever the UTC date', () => {
    // 23:59 in New York is already December 3 in UTC.
    expect(dueState('2026-12-03T04:59:59.999Z', zone, now)).toBe('today');
    expect(dueState('2026-12-03T05:00:00Z', zone, now)).toBe('later');
  });

  it('has nothing to say without a deadline', () => {
    expect(dueState(null, zone, now)).toBeNull();
  });
});
