/**
 * Days on the school's calendar. A deadline is said in the school's time zone,
 * whatever the reader's device says: 23:00 in New York is still "today" there.
 */

/** A calendar day, `YYYY-MM-DD`: the same day wherever the reader is. */
export type IsoDate = string;

/** A deadline as the caseworker needs to hear it: past, today (at the school), or later. */
export type DueState = 'overdue' | 'today' | 'later';

/** The school's calendar day of an instant, `YYYY-MM-DD`. */
export function schoolDay(at: Date, timeZone: string): IsoDate {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** Whether `dueAt` has passed, falls today in the school's time zone, or later; null: no deadline. */
export function dueState(
  dueAt: string | null | undefined,
  timeZone: string,
  now: Date = new Date(),
): DueState | null {
  if (!dueAt) return null;
  const due = new Date(dueAt);
  if (due.getTime() < now.getTime()) return 'overdue';
  return schoolDay(due, timeZone) === schoolDay(now, timeZone) ? 'today' : 'later';
}
