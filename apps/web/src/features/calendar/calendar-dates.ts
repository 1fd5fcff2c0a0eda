import type { IsoDate } from '../../lib/school-days';

/** "Monday, December 14, 2026" for a calendar day, in `language`. */
export function dayInWords(date: IsoDate, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** A range in words: one day, or "from … to …" as the `range` sentence puts it. */
export function rangeInWords(
  from: IsoDate,
  to: IsoDate,
  language: string,
  range: (words: { from: string; to: string }) => string,
): string {
  if (from === to) return dayInWords(from, language);
  return range({ from: dayInWords(from, language), to: dayInWords(to, language) });
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(value);
}
