import { DateTime } from 'luxon';
import { schoolDayRule, type SchoolCalendar } from './school-days';

/** When a school is staffed on its school days, `HH:MM` local time in its time zone. */
export interface SchoolHours {
  opens: string;
  closes: string;
}

/** The hours of a school that has not said otherwise. */
export const DEFAULT_SCHOOL_HOURS: SchoolHours = { opens: '08:00', closes: '15:30' };

/** `HH:MM`, 24-hour clock, 00:00 to 23:59. */
export const SCHOOL_HOURS_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether the school is open at a moment, and when it next opens when it is not. */
export type OpeningState =
  | { open: true; closesAt: Date }
  /** `opensAt` null: the calendar has no school day in the next three years. */
  | { open: false; opensAt: Date | null };

/** How far ahead the next opening is looked for (a calendar with no school days left). */
const MAX_SEARCH_DAYS = 3 * 366;

/** Minutes after midnight of an `HH:MM` time; NaN when it is not one. */
export function minutesOf(time: string): number {
  if (!SCHOOL_HOURS_PATTERN.test(time)) return Number.NaN;
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Whether `hours` is a usable pair: both `HH:MM`, opening before closing. */
export function validSchoolHours(hours: SchoolHours): boolean {
  return minutesOf(hours.opens) < minutesOf(hours.closes);
}

/** `isoDate` at local `time` in `timeZone`; a time skipped by a DST change moves forward. */
function at(isoDate: string, time: string, timeZone: string): DateTime {
  return DateTime.fromISO(`${isoDate}T${time}`, { zone: timeZone });
}

/**
 * The opening-hours rule: a school is open on its school days (the calendar's
 * rule: weekdays that are not holidays, days off or a known summer) from
 * `opens` (included) to `closes` (excluded), local time in its time zone.
 * Outside them it is closed and `opensAt` is the next school day's opening.
 */
export function openingState(
  now: Date,
  hours: SchoolHours,
  calendar: SchoolCalendar,
): OpeningState {
  if (!validSchoolHours(hours))
    throw new RangeError(`Invalid school hours ${JSON.stringify(hours)}`);
  const isSchool = schoolDayRule(calendar);
  let day = DateTime.fromJSDate(now, { zone: calendar.timeZone }).startOf('day');
  if (!day.isValid) throw new RangeError(`Unknown time zone ${calendar.timeZone}`);
  for (let searched = 0; searched <= MAX_SEARCH_DAYS; searched += 1, day = day.plus({ days: 1 })) {
    const isoDate = day.toISODate();
    if (!isSchool(isoDate)) continue;
    const opensAt = at(isoDate, hours.opens, calendar.timeZone).toJSDate();
    const closesAt = at(isoDate, hours.closes, calendar.timeZone).toJSDate();
    if (now < opensAt) return { open: false, opensAt };
    if (now < closesAt) return { open: true, closesAt };
  }
  return { open: false, opensAt: null };
}
