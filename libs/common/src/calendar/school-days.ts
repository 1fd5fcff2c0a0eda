import { DateTime } from 'luxon';

/** A school's week: Monday to Friday, minus its holidays, in its own time zone. */
export interface SchoolCalendar {
  timeZone: string;
  /** Days without school, `YYYY-MM-DD`. */
  holidays: readonly string[];
}

export function isSchoolDay(day: DateTime, holidays: ReadonlySet<string>): boolean {
  return day.weekday <= 5 && !holidays.has(day.toISODate() ?? '');
}

/**
 * When something is due `schoolDays` school days after `from`: the end of the
 * school's day (23:59:59.999, local time) of the `schoolDays`-th school day
 * after the day of `from`. The day of `from` itself never counts, so a report
 * filed on Friday evening with one day to triage is due at the end of Monday,
 * and one filed on a holiday counts from the next school day. With zero days
 * the deadline is the end of the first school day on or after `from`.
 */
export function schoolDayDeadline(from: Date, schoolDays: number, calendar: SchoolCalendar): Date {
  if (!Number.isInteger(schoolDays) || schoolDays < 0) {
    throw new RangeError(`schoolDays must be a whole number of days, got ${schoolDays}`);
  }
  let day = DateTime.fromJSDate(from, { zone: calendar.timeZone }).startOf('day');
  if (!day.isValid) throw new RangeError(`Unknown time zone ${calendar.timeZone}`);
  const holidays = new Set(calendar.holidays);
  if (schoolDays === 0) {
    while (!isSchoolDay(day, holidays)) day = day.plus({ days: 1 });
  }
  for (let counted = 0; counted < schoolDays;) {
    day = day.plus({ days: 1 });
    if (isSchoolDay(day, holidays)) counted += 1;
  }
  return day.endOf('day').toJSDate();
}

/** The calendar year at `at` in the school's time zone (for per-year references). */
export function schoolYearOf(at: Date, timeZone: string): number {
  return DateTime.fromJSDate(at, { zone: timeZone }).year;
}
