import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { StaffView } from './casework-api';

/** The children named in the report; those linked to a student record open that student's history. */
export function Parties({ parties }: { parties: StaffView['parties'] }) {
  const { t } = useTranslation('casework');
  return (
    <section aria-labelledby="parties-title" className="panel">
      <h2 id="parties-title">{t('parties.title')}</h2>
      {parties.length === 0 ? (
        <p>{t('parties.none')}</p>
      ) : (
        <ul className="plain-list parties">
          {parties.map((party) => (
            <li key={party.id}>
              <p>
                <strong>{t(`parties.role.${party.role}`)}:</strong>{' '}
                {party.student ? (
                  <Link href={`/students/${party.student.id}`}>{party.student.displayName}</Link>
                ) : (
                  <>
                    {party.name ?? t('parties.unnamed')}{' '}
                    <span className="hint">{t('parties.notLinked')}</span>
                  </>
                )}
                {party.student && party.name && party.name !== party.student.displayName && (
                  <span className="hint"> {t('parties.named', { name: party.name })}</span>
                )}
              </p>
              {party.note && <p className="pre-wrap">{party.note}</p>}
              {(party.repeatTarget || party.repeatAggressor) && (
                <p className="repeat-flag">
                  {[
                    party.repeatTarget
                      ? t('parties.repeatTarget', { count: party.otherIncidentsAsTarget })
                      : '',
                    party.repeatAggressor
                      ? t('parties.repeatAggressor', { count: party.otherIncidentsAsAggressor })
                      : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
