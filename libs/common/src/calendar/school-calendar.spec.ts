import {
  isSchoolDay,
  movedDeadline,
  schoolDayDeadline,
  schoolDaysUntil,
  type SchoolCalendar,
} from './school-days';

const newYork: SchoolCalendar = { timeZone: 'America/New_York', holidays: [] };
const at = (iso: string) => new Date(iso);
// Monday 2026-11-16, 10:00 in New York.
const monday = at('2026-11-16T15:00:00Z');
/** The end of a local day in New York in winter (EST, UTC-5). */
const endOf = (isoDate: string) =>
  new Date(Date.parse(`${isoDate}T23:59:59.999-05:00`)).toISOString();

describe('the school-day rule', () => {
  it('is Monday to Friday without days off', () => {
    expect(isSchoolDay('2026-11-20', newYork)).toBe(true); // Friday
    expect(isSchoolDay('2026-11-21', newYork)).toBe(false); // Saturday
    expect(isSchoolDay('2026-11-22', newYork)).toBe(false); // Sunday
  });

  it('skips every day of a range, both ends included', () => {
    const calendar = { ...newYork, daysOff: [{ from: '2026-11-18', to: '2026-11-19' }] };
    expect(isSchoolDay('2026-11-17', calendar)).toBe(true);
    expect(isSchoolDay('2026-11-18', calendar)).toBe(false);
    expect(isSchoolDay('2026-11-19', calendar)).toBe(false);
    expect(isSchoolDay('2026-11-20', calendar)).toBe(true);
  });

  it('skips the summer between a year and the next one only when the next start is known', () => {
    const year = { startsOn: '2025-09-02', endsOn: '2026-06-19' };
    expect(isSchoolDay('2026-06-19', { ...newYork, year })).toBe(true); // last day (Friday)
    expect(isSchoolDay('2026-07-08', { ...newYork, year })).toBe(true); // unknown: a school week
    const known = { ...newYork, year: { ...year, nextStartsOn: '2026-09-08' } };
    expect(isSchoolDay('2026-07-08', known)).toBe(false);
    expect(isSchoolDay('2026-09-07', known)).toBe(false);
    expect(isSchoolDay('2026-09-08', known)).toBe(true); // first day of the next year
    expect(isSchoolDay('2025-08-27', known)).toBe(true); // before the year: not this calendar's to say
  });
});

describe('deadlines on a calendar with ranges', () => {
  it('skips a break that runs across a weekend', () => {
    // Thursday 19 to Tuesday 24 off: one school day after Monday 16 is Tuesday 17,
    // three are Wednesday 18, then Wednesday 25
    const calendar = { ...newYork, daysOff: [{ from: '2026-11-19', to: '2026-11-24' }] };
    expect(schoolDayDeadline(monday, 3, calendar).toISOString()).toBe(endOf('2026-11-25'));
  });

  it('counts overlapping ranges once', () => {
    const calendar = {
      ...newYork,
      daysOff: [
        { from: '2026-11-17', to: '2026-11-18' },
        { from: '2026-11-18', to: '2026-11-19' },
      ],
      holidays: ['2026-11-19'],
    };
    // Tuesday 17 to Thursday 19 off: Friday 20 is the first school day
    expect(schoolDayDeadline(monday, 1, calendar).toISOString()).toBe(endOf('2026-11-20'));
  });

  it('moves a deadline when a range starts on the deadline day, not when it starts after it', () => {
    // One school day after Monday 16: Tuesday 17
    expect(schoolDayDeadline(monday, 1, newYork).toISOString()).toBe(endOf('2026-11-17'));
    const onTheDay = { ...newYork, daysOff: [{ from: '2026-11-17', to: '2026-11-17' }] };
    expect(schoolDayDeadline(monday, 1, onTheDay).toISOString()).toBe(endOf('2026-11-18'));
    const dayAfter = { ...newYork, daysOff: [{ from: '2026-11-18', to: '2026-11-20' }] };
    expect(schoolDayDeadline(monday, 1, dayAfter).toISOString()).toBe(endOf('2026-11-17'));
  });

  it('does not count the filing day off against the deadline (it never counted)', () => {
    const filingDayOff = { ...newYork, daysOff: [{ from: '2026-11-16', to: '2026-11-16' }] };
    expect(schoolDayDeadline(monday, 1, filingDayOff).toISOString()).toBe(endOf('2026-11-17'));
  });

  it('reads dates in the school’s time zone: a day off in New York is not a UTC day', () => {
    // 2026-11-17T03:00Z is still Monday 16 in New York, 22:00: Tuesday 17 is the next school day
    const calendar = { ...newYork, daysOff: [{ from: '2026-11-17', to: '2026-11-17' }] };
    expect(schoolDayDeadline(at('2026-11-17T03:00:00Z'), 1, calendar).toISOString()).toBe(
      endOf('2026-11-18'),
    );
    // In Los Angeles the same day off ends at the end of Wednesday 18, Pacific time
    const la = { ...calendar, timeZone: 'America/Los_Angeles' };
    expect(schoolDayDeadline(at('2026-11-17T03:00:00Z'), 1, la).toISOString()).toBe(
      '2026-11-19T07:59:59.999Z',
    );
  });

  it('waits for the next year when the break is known', () => {
    const calendar = {
      ...newYork,
      year: { startsOn: '2025-09-02', endsOn: '2026-06-19', nextStartsOn: '2026-09-08' },
    };
    // Filed Friday 19 June, the last day: one school day is Tuesday 8 September (EDT)
    expect(schoolDayDeadline(at('2026-06-19T15:00:00Z'), 1, calendar).toISOString()).toBe(
      '2026-09-09T03:59:59.999Z',
    );
  });

  it('refuses a calendar with no school day left to count', () => {
    const calendar = { ...newYork, daysOff: [{ from: '2026-01-01', to: '2099-12-31' }] };
    expect(() => schoolDayDeadline(monday, 1, calendar)).toThrow(RangeError);
  });
});

describe('schoolDaysUntil', () => {
  it('is the inverse of schoolDayDeadline', () => {
    const calendar = { ...newYork, daysOff: [{ from: '2026-11-26', to: '2026-11-27' }] };
    for (const days of [0, 1, 2, 5, 10]) {
      expect(schoolDaysUntil(monday, schoolDayDeadline(monday, days, calendar), calendar)).toBe(
        days,
      );
    }
  });
});

describe('movedDeadline', () => {
  const due = schoolDayDeadline(monday, 3, newYork); // Thursday 19

  it('pushes a deadline by one school day for a snow day inside its count', () => {
    const snow = { ...newYork, daysOff: [{ from: '2026-11-18', to: '2026-11-18' }] };
    expect(movedDeadline(monday, due, 3, newYork, snow).toISOString()).toBe(endOf('2026-11-20'));
  });

  it('pulls it back when the day off is removed', () => {
    const snow = { ...newYork, daysOff: [{ from: '2026-11-18', to: '2026-11-18' }] };
    const pushed = schoolDayDeadline(monday, 3, snow);
    expect(movedDeadline(monday, pushed, 3, snow, newYork).toISOString()).toBe(due.toISOString());
  });

  it('keeps the count the deadline was given when the policy changed since', () => {
    const snow = { ...newYork, daysOff: [{ from: '2026-11-17', to: '2026-11-17' }] };
    // Due Thursday 19 (3 days) although the policy now says 5
    expect(movedDeadline(monday, due, 5, newYork, snow).toISOString()).toBe(endOf('2026-11-20'));
  });

  it('leaves a deadline alone when the day off comes after it', () => {
    const later = { ...newYork, daysOff: [{ from: '2026-11-20', to: '2026-11-27' }] };
    expect(movedDeadline(monday, due, 3, newYork, later).getTime()).toBe(due.getTime());
  });

  it('moves a zero-day deadline when its very day is taken off', () => {
    const sameDay = schoolDayDeadline(monday, 0, newYork); // end of Monday 16
    const off = { ...newYork, daysOff: [{ from: '2026-11-16', to: '2026-11-16' }] };
    expect(movedDeadline(monday, sameDay, 0, newYork, off).toISOString()).toBe(endOf('2026-11-17'));
  });
});
