import { dueState, schoolDay } from '../../lib/school-days';

/** Where a case's current deadline falls, from the caller's point of view on the school's calendar. */
export type DeadlineGroup = 'overdue' | 'today' | 'week' | 'later';

export const DEADLINE_GROUPS: readonly DeadlineGroup[] = ['overdue', 'today', 'week', 'later'];

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The Sunday that ends the school's current week, `YYYY-MM-DD`. */
export function endOfSchoolWeek(now: Date, timeZone: string): string {
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(now);
  const daysLeft = 6 - Math.max(0, WEEKDAYS.indexOf(weekday));
  const [year, month, day] = schoolDay(now, timeZone).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + daysLeft)).toISOString().slice(0, 10);
}

/**
 * The queue's due state (overdue, today, later), with "later" split at the end
 * of the school's week. No deadline (a settled case) counts as later.
 */
export function deadlineGroup(
  dueAt: string | null | undefined,
  timeZone: string,
  now: Date = new Date(),
): DeadlineGroup {
  const state = dueState(dueAt, timeZone, now);
  if (!dueAt || !state) return 'later';
  if (state !== 'later') return state;
  return schoolDay(new Date(dueAt), timeZone) <= endOfSchoolWeek(now, timeZone) ? 'week' : 'later';
}
