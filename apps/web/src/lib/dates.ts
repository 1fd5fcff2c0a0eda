/**
 * A day in full in the reader's language: "Tuesday, December 8, 2026". Pass the
 * school's time zone for deadlines: they end school days there, and the date
 * must be the school's whatever zone the phone is in.
 */
export function fullDate(iso: string, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone }).format(new Date(iso));
}

/** A day and time for a timeline or a message: "Dec 8, 2026, 2:30 PM". */
export function dateTime(iso: string, language: string): string {
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
