/** Calendar days (yyyy-mm-dd) in the time zone of this device, for forms asking "which day". */

/** A number as two digits: 7 → "07". */
export const twoDigits = (value: number) => String(value).padStart(2, '0');

/** yyyy-mm-dd of a day in this device's time zone. */
export function localDate(day: Date): string {
  return `${day.getFullYear()}-${twoDigits(day.getMonth() + 1)}-${twoDigits(day.getDate())}`;
}

/** Today as yyyy-mm-dd on this device. */
export function today(): string {
  return localDate(new Date());
}

export function daysBefore(now: Date, days: number): Date {
  const day = new Date(now);
  day.setDate(day.getDate() - days);
  return day;
}

/** A real calendar day written yyyy-mm-dd (not 2024-02-30). */
export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}
