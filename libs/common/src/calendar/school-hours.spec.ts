import { DEFAULT_SCHOOL_HOURS, openingState, validSchoolHours } from './school-hours';
import type { SchoolCalendar } from './school-days';

const newYork: SchoolCalendar = { timeZone: 'America/New_York', holidays: [] };
const hours = DEFAULT_SCHOOL_HOURS; // 08:00-15:30
/** A New York local time in winter (EST, UTC-5). */
const est = (local: string) => new Date(`${local}-05:00`);
/** A New York local time in summer (EDT, UTC-4). */
const edt = (local: string) => new Date(`${local}-04:00`);

describe('school hours', () => {
  it('are open from the opening (included) to the closing (excluded) of a school day', () => {
    // Wednesday 2026-11-18.
    expect(openingState(est('2026-11-18T08:00:00'), hours, newYork)).toEqual({
      open: true,
      closesAt: est('2026-11-18T15:30:00'),
    });
    expect(openingState(est('2026-11-18T15:29:59'), hours, newYork).open).toBe(true);
    expect(openingState(est('2026-11-18T07:59:00'), hours, newYork)).toEqual({
      open: false,
      opensAt: est('2026-11-18T08:00:00'),
    });
  });

  it('on a weekday evening, open the next morning', () => {
    expect(openingState(est('2026-11-18T15:30:00'), hours, newYork)).toEqual({
      open: false,
      opensAt: est('2026-11-19T08:00:00'),
    });
    expect(openingState(est('2026-11-18T21:00:00'), hours, newYork)).toEqual({
      open: false,
      opensAt: est('2026-11-19T08:00:00'),
    });
  });

  it('on Friday at 9 pm, open on Monday at 08:00', () => {
    expect(openingState(est('2026-11-20T21:00:00'), hours, newYork)).toEqual({
      open: false,
      opensAt: est('2026-11-23T08:00:00'),
    });
  });

  it('over the weekend, open on Monday', () => {
    for (const weekend of ['2026-11-21T11:00:00', '2026-11-22T23:59:00']) {
      expect(openingState(est(weekend), hours, newYork)).toEqual({
        open: false,
        opensAt: est('2026-11-23T08:00:00'),
      });
    }
  });

  it('on a holiday, closed all day and open the school day after', () => {
    // Thursday 2026-11-26 (Thanksgiving) is a holiday; Friday a district day off.
    const calendar = {
      ...newYork,
      holidays: ['2026-11-26'],
      daysOff: [{ from: '2026-11-27', to: '2026-11-27' }],
    };
    expect(openingState(est('2026-11-26T10:00:00'), hours, calendar)).toEqual({
      open: false,
      opensAt: est('2026-11-30T08:00:00'),
    });
    // The evening before the holiday.
    expect(openingState(est('2026-11-25T18:00:00'), hours, calendar)).toEqual({
      open: false,
      opensAt: est('2026-11-30T08:00:00'),
    });
  });

  it('on a day off in the middle of the week, open the day after', () => {
    const calendar = { ...newYork, daysOff: [{ from: '2026-11-18', to: '2026-11-18' }] };
    expect(openingState(est('2026-11-17T20:00:00'), hours, calendar)).toEqual({
      open: false,
      opensAt: est('2026-11-19T08:00:00'),
    });
  });

  it('counts local times across a DST change', () => {
    // Clocks go back on Sunday 2026-11-01: Friday is EDT, Monday EST.
    expect(openingState(edt('2026-10-30T21:00:00'), hours, newYork)).toEqual({
      open: false,
      opensAt: est('2026-11-02T08:00:00'),
    });
    // Clocks go forward on Sunday 2026-03-08: Monday is EDT.
    expect(openingState(est('2026-03-06T16:00:00'), hours, newYork)).toEqual({
      open: false,
      opensAt: edt('2026-03-09T08:00:00'),
    });
  });

  it('uses the school’s own hours and time zone', () => {
    const losAngeles = { timeZone: 'America/Los_Angeles', holidays: [] };
    // 10:00 in New York is 07:00 in Los Angeles: before a 07:30 opening.
    expect(
      openingState(est('2026-11-18T10:00:00'), { opens: '07:30', closes: '14:00' }, losAngeles),
    ).toEqual({ open: false, opensAt: new Date('2026-11-18T07:30:00-08:00') });
  });

  it('refuses hours that do not open before they close', () => {
    expect(validSchoolHours({ opens: '08:00', closes: '08:00' })).toBe(false);
    expect(validSchoolHours({ opens: '16:00', closes: '08:00' })).toBe(false);
    expect(validSchoolHours({ opens: '8:00', closes: '15:00' })).toBe(false);
    expect(validSchoolHours({ opens: '08:00', closes: '15:00' })).toBe(true);
    expect(() => openingState(new Date(), { opens: '9', closes: '8' }, newYork)).toThrow(
      RangeError,
    );
  });
});
