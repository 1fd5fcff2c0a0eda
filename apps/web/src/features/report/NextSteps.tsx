import { useTranslation } from 'react-i18next';
import { fullDate } from './dates';

/** What happens next, in plain words and by which day, when the server said. */
export function NextSteps({
  triageDueAt,
  resolveDueAt,
}: {
  triageDueAt?: string | null;
  resolveDueAt?: string | null;
}) {
  const { t, i18n } = useTranslation('report');
  return (
    <section aria-labelledby="next-steps">
      <h2 id="next-steps">{t('next.title')}</h2>
      <ol className="next-steps">
        <li>
          {triageDueAt
            ? t('next.triageBy', { date: fullDate(triageDueAt, i18n.language) })
            : t('next.triageSoon')}
        </li>
        <li>{t('next.talk')}</li>
        <li>
          {resolveDueAt
            ? t('next.resolveBy', { date: fullDate(resolveDueAt, i18n.language) })
            : t('next.resolveSoon')}
        </li>
      </ol>
    </section>
  );
}
