import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface DateWords {
  /** "Wednesday, December 2, 2026": deadlines and days. */
  day(iso: string): string;
  /** "Dec 2, 2026, 9:15 AM": when a message or a notice came. */
  moment(iso: string): string;
}

/** Dates in the reader's language, the way people say them. */
export function useDateWords(): DateWords {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'full' });
    const moment = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      day: (iso) => day.format(new Date(iso)),
      moment: (iso) => moment.format(new Date(iso)),
    };
  }, [language]);
}
