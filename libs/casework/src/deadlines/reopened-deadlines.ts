import { schoolDayDeadline, type SchoolCalendar } from '@app/common';
import type { School } from '@app/identity';
import type { Status } from '@app/incidents';

export type SchoolPolicy = Pick<
  School,
  'timeZone' | 'holidays' | 'triageSchoolDays' | 'resolveSchoolDays'
>;

export interface ReopenedDeadlines {
  triageDueAt?: Date;
  resolveDueAt: Date;
}

/**
 * A reopened case gets its deadlines counted again from the reopening, by the
 * school's current policy, for the stages still ahead of it: triage and
 * resolution when it goes back to `submitted`, resolution otherwise. Keeping
 * the deadlines of the first filing would make a case reopened weeks later
 * overdue (and escalated) the moment it is reopened. `calendar` is the
 * school's whole calendar (days off, its district's, its year).
 */
export function reopenedDeadlines(
  to: Status,
  now: Date,
  school: SchoolPolicy,
  calendar: SchoolCalendar = { timeZone: school.timeZone, holidays: school.holidays },
): ReopenedDeadlines {
  const resolveDueAt = schoolDayDeadline(now, school.resolveSchoolDays, calendar);
  if (to !== 'submitted') return { resolveDueAt };
  return { triageDueAt: schoolDayDeadline(now, school.triageSchoolDays, calendar), resolveDueAt };
}
