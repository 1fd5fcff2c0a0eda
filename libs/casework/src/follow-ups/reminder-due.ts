import { DateTime } from 'luxon';

/** The hour of the school's morning at which a follow-up's owner is reminded. */
export const FOLLOW_UP_REMINDER_HOUR = 7;

export interface PlannedFollowUp {
  status: 'done' | 'planned' | 'cancelled';
  /** The school-calendar day it is planned for, `YYYY-MM-DD`. */
  scheduledFor: string | null;
  remindedAt: Date | null;
}

/**
 * Whether the owner of a follow-up is to be reminded now: it is still planned,
 * nobody was reminded yet, and it is the planned day from 07:00 in the school's
 * time zone on (or any later moment: a worker that was down catches up).
 */
export function followUpReminderDue(
  followUp: PlannedFollowUp,
  now: Date,
  timeZone: string,
): boolean {
  if (followUp.status !== 'planned' || followUp.remindedAt || !followUp.scheduledFor) return false;
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const today = local.toISODate()!;
  if (followUp.scheduledFor !== today) return followUp.scheduledFor < today;
  return local.hour >= FOLLOW_UP_REMINDER_HOUR;
}

/** Whether `day` (`YYYY-MM-DD`) is today or later in the school's time zone. */
export function isTodayOrLater(day: string, now: Date, timeZone: string): boolean {
  return day >= DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
}
