import { useTranslation } from 'react-i18next';
import { fullDate } from '../../lib/dates';

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
  const { t, i18n } = useTranslation('report');
  return (
    <section aria-labelledby="next-steps">
      <h2 id="next-steps">{t('next.title')}</h2>
      <ol className="next-steps">
        <li>
          {t('next.triageBy', { date: fullDate(triageDueAt, i18n.language, schoolTimeZone) })}
        </li>
        <li>{t('next.talk')}</li>
        <li>
          {t('next.resolveBy', { date: fullDate(resolveDueAt, i18n.language, schoolTimeZone) })}
        </li>
      </ol>
    </section>
  );
}
