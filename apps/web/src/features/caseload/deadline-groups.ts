/** Where a case's current deadline falls, from the caller's point of view on the school's calendar. */
export type DeadlineGroup = 'overdue' | 'today' | 'week' | 'later';

export const DEADLINE_GROUPS: readonly DeadlineGroup[] = ['overdue', 'today', 'week', 'later'];

/** The school's calendar day of an instant, `YYYY-MM-DD`. */
export function schoolDay(at: Date, timeZone: string | undefined): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The Sunday that ends the school's current week, `YYYY-MM-DD`. */
export function endOfSchoolWeek(now: Date, timeZone: string | undefined): string {
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(now);
  const daysLeft = 6 - Math.max(0, WEEKDAYS.indexOf(weekday));
  const [year, month, day] = schoolDay(now, timeZone).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + daysLeft)).toISOString().slice(0, 10);
}

/** Past it: overdue; else due on the school's today, by the end of its week, or later. */
export function deadlineGroup(
  dueAt: string,
  now: Date,
  timeZone: string | undefined,
): DeadlineGroup {
  const due = new Date(dueAt);
  if (due.getTime() < now.getTime()) return 'overdue';
  const dueDay = schoolDay(due, timeZone);
  if (dueDay === schoolDay(now, timeZone)) return 'today';
  return dueDay <= endOfSchoolWeek(now, timeZone) ? 'week' : 'later';
}
