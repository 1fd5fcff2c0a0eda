import { useTranslation } from 'react-i18next';
import type { CaseView } from './case-api';

/** What the school found, once it has, and what it wants the family or the reporter to know. */
export function Outcome({
  outcome,
  summary,
}: {
  outcome: Exclude<CaseView, { view: 'involved_family' }>['outcome'];
  summary: string | null;
}) {
  const { t } = useTranslation('cases');
  if (!outcome) return null;
  return (
    <section aria-labelledby="outcome-title" className="panel outcome">
      <h2 id="outcome-title">{t('outcome.title')}</h2>
      <p>
        <strong>{t(`common:outcome.${outcome}`)}</strong>
      </p>
      {summary && (
        <>
          <h3>{t('outcome.summary')}</h3>
          <p className="quoted">{summary}</p>
        </>
      )}
    </section>
  );
}
