import { registerDecorator, ValidationOptions } from 'class-validator';
import { isCalendarDate } from './calendar-date.validator';

/** Allowed difference between the reporter's clock and the server's. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const MAX_AGE_YEARS = 5;

/**
 * An ISO-8601 date-time with an offset, not in the future (a few minutes of
 * clock difference allowed) and not more than five years back.
 */
export function isRecentPastDateTime(value: unknown, now = new Date()): boolean {
  if (typeof value !== 'string') return false;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(value))
    return false;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || !isCalendarDate(value.slice(0, 10))) return false;
  const oldest = new Date(now);
  oldest.setFullYear(oldest.getFullYear() - MAX_AGE_YEARS);
  return at.getTime() <= now.getTime() + CLOCK_SKEW_MS && at >= oldest;
}

export function IsRecentPastDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isRecentPastDateTime',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${String(propertyName)} must be a date and time with its offset (e.g. 2026-11-20T12:30:00-05:00), not in the future and within the last ${MAX_AGE_YEARS} years`,
        ...options,
      },
      validator: { validate: (value: unknown) => isRecentPastDateTime(value) },
    });
}
