import { DateTime } from 'luxon';

/** Days without school, both ends included, `YYYY-MM-DD` in the school's time zone. */
export interface DateRange {
  from: string;
  to: string;
}

/**
 * The school year as far as it is known: its first and last day, and the
 * first day of the next year when the school has said it.
 */
export interface SchoolYearBounds {
  startsOn: string;
  endsOn: string;
  nextStartsOn?: string | null;
}

/** A school's week: Monday to Friday, minus its days off, in its own time zone. */
export interface SchoolCalendar {
  timeZone: string;
  /** Single days without school, `YYYY-MM-DD` (the school's `holidays` list). */
  holidays: readonly string[];
  /** Days off as ranges: the school's own and its district's. */
  daysOff?: readonly DateRange[];
  /** The school year; without it every week is a school week. */
  year?: SchoolYearBounds | null;
}

/** A calendar change never pushes a deadline further than this from its start. */
const MAX_SEARCH_DAYS = 3 * 366;

/**
 * The calendar rule, one ISO date at a time. A day is a school day when:
 * - it is Monday to Friday, and
 * - it is not one of the school's holidays nor inside any day-off range (the
 *   school's own or its district's; ranges may overlap or cross weekends), and
 * - it is not in the break between the end of the school year and the start
 *   of the next one. Only a *known* break counts: after the year's end with
 *   no next start recorded, and before the year's start, weeks count as
 *   school weeks, so a deadline never waits for a date nobody has entered.
 */
export function schoolDayRule(calendar: SchoolCalendar): (isoDate: string) => boolean {
  const holidays = new Set(calendar.holidays);
  const ranges = [...(calendar.daysOff ?? [])];
  const year = calendar.year;
  const summer =
    year?.nextStartsOn && year.nextStartsOn > year.endsOn
      ? { after: year.endsOn, before: year.nextStartsOn }
      : null;
  return (isoDate) => {
    const weekday = DateTime.fromISO(isoDate, { zone: 'UTC' }).weekday;
    if (weekday > 5) return false;
    if (holidays.has(isoDate)) return false;
    if (summer && isoDate > summer.after && isoDate < summer.before) return false;
    return !ranges.some((range) => range.from <= isoDate && isoDate <= range.to);
  };
}

/** Whether `isoDate` (`YYYY-MM-DD`) is a school day of `calendar`. */
export function isSchoolDay(isoDate: string, calendar: SchoolCalendar): boolean {
  return schoolDayRule(calendar)(isoDate);
}

function startDay(from: Date, timeZone: string): DateTime {
  const day = DateTime.fromJSDate(from, { zone: timeZone }).startOf('day');
  if (!day.isValid) throw new RangeError(`Unknown time zone ${timeZone}`);
  return day;
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
  const isSchool = schoolDayRule(calendar);
  let day = startDay(from, calendar.timeZone);
  const limit = day.plus({ days: MAX_SEARCH_DAYS + schoolDays * 7 });
  const schoolDay = (d: DateTime) => {
    if (d > limit) throw new RangeError('The calendar has no school days left to count');
    return isSchool(d.toISODate()!);
  };
  if (schoolDays === 0) {
    while (!schoolDay(day)) day = day.plus({ days: 1 });
  }
  for (let counted = 0; counted < schoolDays;) {
    day = day.plus({ days: 1 });
    if (schoolDay(day)) counted += 1;
  }
  return day.endOf('day').toJSDate();
}

/**
 * How many school days of `calendar` a deadline gives: the school days after
 * the day of `from` up to and including the day of `dueAt` (0 when it is due
 * on the day of `from`). The inverse of `schoolDayDeadline` for the deadlines
 * it computed.
 */
export function schoolDaysUntil(from: Date, dueAt: Date, calendar: SchoolCalendar): number {
  const isSchool = schoolDayRule(calendar);
  let day = startDay(from, calendar.timeZone);
  const last = startDay(dueAt, calendar.timeZone);
  let counted = 0;
  while (day < last) {
    day = day.plus({ days: 1 });
    if (isSchool(day.toISODate()!)) counted += 1;
  }
  return counted;
}

/**
 * A deadline counted from `from` on the calendar `before`, counted again on
 * the calendar `after` (a day off added or removed): the same number of
 * school days, so the school's policy at the time stays what it was.
 * `policyDays` is the school's policy now: when it still gives the deadline
 * on the old calendar it is the count (it tells 0 from 1 when `from` was not
 * a school day), otherwise the count is read off the old calendar.
 */
export function movedDeadline(
  from: Date,
  dueAt: Date,
  policyDays: number,
  before: SchoolCalendar,
  after: SchoolCalendar,
): Date {
  const days =
    schoolDayDeadline(from, policyDays, before).getTime() === dueAt.getTime()
      ? policyDays
      : schoolDaysUntil(from, dueAt, before);
  return schoolDayDeadline(from, days, after);
}

/** The calendar year at `at` in the school's time zone (for per-year references). */
export function schoolYearOf(at: Date, timeZone: string): number {
  return DateTime.fromJSDate(at, { zone: timeZone }).year;
}

/** The day of `at` in `timeZone`, `YYYY-MM-DD`. */
export function localDate(at: Date, timeZone: string): string {
  return startDay(at, timeZone).toISODate()!;
}
