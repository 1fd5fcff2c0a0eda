/** A deadline as the caseworker needs to hear it: past, today (at the school), or later. */
export type DueState = 'overdue' | 'today' | 'later';

/** The yyyy-mm-dd day of `at` in `timeZone`. */
function dayIn(at: Date, timeZone: string): string {
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
  return dayIn(due, timeZone) === dayIn(now, timeZone) ? 'today' : 'later';
}
