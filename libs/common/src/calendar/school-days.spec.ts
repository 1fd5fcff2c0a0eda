import { schoolDayDeadline, schoolYearOf } from './school-days';

const newYork = { timeZone: 'America/New_York', holidays: [] as string[] };
const at = (iso: string) => new Date(iso);

describe('schoolDayDeadline', () => {
  it('gives one school day to the end of the next school day', () => {
    // Tuesday 2026-11-17, 10:00 in New York
    expect(schoolDayDeadline(at('2026-11-17T15:00:00Z'), 1, newYork).toISOString()).toBe(
      '2026-11-19T04:59:59.999Z', // end of Wednesday 18th, EST
    );
  });

  it('carries a report filed on Friday evening over the weekend to the end of Monday', () => {
    // Friday 2026-11-20, 23:30 in New York, already Saturday in UTC
    expect(schoolDayDeadline(at('2026-11-21T04:30:00Z'), 1, newYork).toISOString()).toBe(
      '2026-11-24T04:59:59.999Z',
    );
  });

  it('counts from the next school day when filed on a weekend', () => {
    // Sunday 2026-11-22
    expect(schoolDayDeadline(at('2026-11-22T18:00:00Z'), 1, newYork).toISOString()).toBe(
      '2026-11-24T04:59:59.999Z',
    );
  });

  it('skips the school holidays', () => {
    const thanksgiving = { ...newYork, holidays: ['2026-11-26', '2026-11-27'] };
    // Wednesday 25th: Thursday and Friday are holidays, so the next school day is Monday 30th
    expect(schoolDayDeadline(at('2026-11-25T16:00:00Z'), 1, thanksgiving).toISOString()).toBe(
      '2026-12-01T04:59:59.999Z',
    );
  });

  it('counts from the next school day when filed on a holiday', () => {
    const calendar = { ...newYork, holidays: ['2026-11-26'] };
    // Thursday 26th (holiday): one school day is Friday 27th
    expect(schoolDayDeadline(at('2026-11-26T16:00:00Z'), 1, calendar).toISOString()).toBe(
      '2026-11-28T04:59:59.999Z',
    );
  });

  it('ends the day in local time across the autumn clock change', () => {
    // Friday 2026-10-30 (EDT, UTC-4): due Monday 2026-11-02, after the change to EST (UTC-5)
    expect(schoolDayDeadline(at('2026-10-30T14:00:00Z'), 1, newYork).toISOString()).toBe(
      '2026-11-03T04:59:59.999Z',
    );
  });

  it('ends the day in local time across the spring clock change', () => {
    // Friday 2026-03-06 (EST): due Monday 2026-03-09, after the change to EDT (UTC-4)
    expect(schoolDayDeadline(at('2026-03-06T15:00:00Z'), 1, newYork).toISOString()).toBe(
      '2026-03-10T03:59:59.999Z',
    );
  });

  it('counts ten school days over two weekends and a holiday', () => {
    const calendar = { ...newYork, holidays: ['2026-11-26'] };
    // Monday 2026-11-16 -> 17,18,19,20, 23,24,25, 27, 30, Dec 1 = 10 school days
    expect(schoolDayDeadline(at('2026-11-16T15:00:00Z'), 10, calendar).toISOString()).toBe(
      '2026-12-02T04:59:59.999Z',
    );
  });

  it('uses the school’s own time zone, not the server’s', () => {
    const losAngeles = { timeZone: 'America/Los_Angeles', holidays: [] };
    // 2026-11-21T04:30Z is Friday 20:30 in Los Angeles: due end of Monday, PST (UTC-8)
    expect(schoolDayDeadline(at('2026-11-21T04:30:00Z'), 1, losAngeles).toISOString()).toBe(
      '2026-11-24T07:59:59.999Z',
    );
  });

  it('with zero days, is the end of the same school day, or of the next one', () => {
    expect(schoolDayDeadline(at('2026-11-17T15:00:00Z'), 0, newYork).toISOString()).toBe(
      '2026-11-18T04:59:59.999Z',
    );
    expect(schoolDayDeadline(at('2026-11-22T15:00:00Z'), 0, newYork).toISOString()).toBe(
      '2026-11-24T04:59:59.999Z',
    );
  });

  it('refuses negative day counts and unknown time zones', () => {
    expect(() => schoolDayDeadline(new Date(), -1, newYork)).toThrow(RangeError);
    expect(() =>
      schoolDayDeadline(new Date(), 1, { timeZone: 'Mars/Olympus', holidays: [] }),
    ).toThrow(RangeError);
  });
});

describe('schoolYearOf', () => {
  it('takes the year in the school’s time zone', () => {
    // 2027-01-01T03:00Z is still New Year's Eve in New York
    expect(schoolYearOf(new Date('2027-01-01T03:00:00Z'), 'America/New_York')).toBe(2026);
    expect(schoolYearOf(new Date('2027-01-01T06:00:00Z'), 'America/New_York')).toBe(2027);
  });
});
