import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A day in full in the reader's language: "Tuesday, December 8, 2026". Pass the
 * school's time zone for deadlines (triageDueAt, resolveDueAt, dueAt): they end
 * school days there, and the date must be the school's whatever zone the phone
 * is in. Other days (when it happened, when it was sent) are the device's.
 */
function fullDate(iso: string, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone }).format(new Date(iso));
}

/** A day and time for a timeline, a message or a notice, in the device's zone: "Dec 8, 2026, 2:30 PM". */
function dateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** A yyyy-mm-dd day (and HH:mm time) the reporter chose, as they would say it. */
export function chosenDay(date: string, time: string, language: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hours, minutes] = time ? time.split(':').map(Number) : [0, 0];
  const at = new Date(year, month - 1, day, hours, minutes);
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'full',
    ...(time ? { timeStyle: 'short' } : {}),
  }).format(at);
}

export interface DateWords {
  /** "Wednesday, December 2, 2026"; a deadline's day: pass the school's time zone. */
  day(iso: string, timeZone?: string): string;
  /** "Dec 2, 2026, 9:15 AM": when an update, a message or a notice came. */
  moment(iso: string): string;
}

/** `fullDate` and `dateTime` in the language the page is shown in. */
export function useDateWords(): DateWords {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      day: (iso, timeZone) => fullDate(iso, language, timeZone),
      moment: (iso) => dateTime(iso, language),
    }),
    [language],
  );
}
