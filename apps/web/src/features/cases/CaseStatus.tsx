import { useTranslation } from 'react-i18next';
import { useDateWords } from '../../lib/dates';
import { nextDate, type Deadlines } from './status';
import { StatusSteps } from './StatusSteps';

/** A case's status and deadlines, in any view: the family's, the reporter's (also anonymous) or staff's. */
type Standing = Deadlines & { resolvedAt: string | null };

/** The deadline that matters now, said as a sentence. */
function DeadlineWords({ incident }: { incident: Standing }) {
  const { t } = useTranslation('cases');
  const dates = useDateWords();
  const next = nextDate(incident);
  if (next) {
    const key = `deadline.${next.kind}${next.overdue ? 'Late' : ''}`;
    return <p className="deadline">{t(key, { date: dates.day(next.at, next.timeZone) })}</p>;
  }
  if (incident.status === 'dismissed') return <p className="deadline">{t('deadline.dismissed')}</p>;
  if (incident.resolvedAt) {
    const key = incident.status === 'closed' ? 'deadline.closedOn' : 'deadline.resolvedOn';
    return <p className="deadline">{t(key, { date: dates.day(incident.resolvedAt) })}</p>;
  }
  return <p className="deadline">{t('deadline.closed')}</p>;
}

/** Where the report is, as steps, and the date that matters now (the school's day). */
export function CaseStatus({ incident }: { incident: Standing }) {
  const { t } = useTranslation('cases');
  return (
    <section aria-labelledby="status-title" className="panel">
      <h2 id="status-title">{t('statusTitle')}</h2>
      <StatusSteps status={incident.status} />
      <DeadlineWords incident={incident} />
    </section>
  );
}
