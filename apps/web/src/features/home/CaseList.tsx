import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useDateWords } from '../../lib/dates';
import { nextDate } from '../cases/status';
import type { IncidentSummary } from './useMyIncidents';

/** One line per report: reference, what it was about, where it stands and the next date. */
export function CaseList({
  items,
  headingLevel,
}: {
  items: IncidentSummary[];
  headingLevel: 'h2' | 'h3';
}) {
  const { t } = useTranslation('home');
  const dates = useDateWords();
  const Heading = headingLevel;
  return (
    <ul className="case-list">
      {items.map((item) => {
        // The parents of an aggressor or a witness are told their child's part, not what was reported.
        const next = item.view === 'involved_family' ? null : nextDate(item);
        return (
          <li key={item.id} className="case-card">
            <Heading className="case-card-title">
              <Link href={`/cases/${item.id}`}>{t('caseLink', { reference: item.reference })}</Link>
            </Heading>
            <dl className="case-facts">
              {item.view === 'involved_family' ? (
                <div>
                  <dt>{t('involved:facts.role')}</dt>
                  <dd>{t(`involved:role.${item.childRole}`)}</dd>
                </div>
              ) : (
                <div>
                  <dt>{t('what')}</dt>
                  <dd>{t(`common:category.${item.category}`)}</dd>
                </div>
              )}
              <div>
                <dt>{t('status')}</dt>
                <dd>
                  <span className={`status-tag status-${item.status}`}>
                    {t(`common:status.${item.status}`)}
                  </span>
                </dd>
              </div>
              {next && (
                <div>
                  <dt>{t(next.kind === 'triage' ? 'triageBy' : 'resolveBy')}</dt>
                  <dd>
                    {dates.day(next.at, next.timeZone)}
                    {next.overdue && <span className="late-tag">{t('late')}</span>}
                  </dd>
                </div>
              )}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
