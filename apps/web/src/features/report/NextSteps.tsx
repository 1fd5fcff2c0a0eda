import { useTranslation } from 'react-i18next';
import { useDateWords } from '../../lib/dates';

/** What happens next, in plain words, and by which day. */
export function NextSteps({
  triageDueAt,
  resolveDueAt,
  schoolTimeZone,
}: {
  triageDueAt: string;
  resolveDueAt: string;
  schoolTimeZone: string;
}) {
  const { t } = useTranslation('report');
  const dates = useDateWords();
  return (
    <section aria-labelledby="next-steps">
      <h2 id="next-steps">{t('next.title')}</h2>
      <ol className="next-steps">
        <li>{t('next.triageBy', { date: dates.day(triageDueAt, schoolTimeZone) })}</li>
        <li>{t('next.talk')}</li>
        <li>{t('next.resolveBy', { date: dates.day(resolveDueAt, schoolTimeZone) })}</li>
      </ol>
    </section>
  );
}
