import { useTranslation } from 'react-i18next';
import type { CaseView, TimelineEntry } from './case-api';
import { useDateWords } from '../../lib/dates';
import type { Status } from './status';

const STATUSES: readonly string[] = [
  'submitted',
  'triaged',
  'investigating',
  'resolved',
  'closed',
  'dismissed',
];

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value : null;

/** The events of the timeline the view shares with the family (staff: the shared ones too). */
export function sharedEntries(incident: CaseView): TimelineEntry[] {
  if (incident.view !== 'staff') return incident.timeline;
  return incident.timeline.filter((entry) => entry.visibility === 'shared');
}

function Update({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation('cases');
  const to = text(entry.data.to);
  switch (entry.type) {
    case 'filed':
      return <p>{t('update.filed')}</p>;
    case 'status_changed':
      return (
        <p>
          {to && STATUSES.includes(to)
            ? t('update.status', { status: t(`common:status.${to as Status}`) })
            : t('update.other')}
        </p>
      );
    case 'shared_note': {
      const body = text(entry.data.body);
      return (
        <>
          <p>{t('update.note')}</p>
          {body && <p className="quoted">{body}</p>}
        </>
      );
    }
    case 'resolved':
      return <p>{t('update.resolved')}</p>;
    case 'outcome_notice':
      return <p>{t('update.outcomeNotice')}</p>;
    case 'deadline_moved': {
      const dayOff = entry.data.dayOff as { name?: unknown } | undefined;
      const name = text(dayOff?.name);
      return <p>{name ? t('update.deadlineMovedFor', { name }) : t('update.deadlineMoved')}</p>;
    }
    default:
      return <p>{t('update.other')}</p>;
  }
}

/** What happened on the case that the school shares, oldest first, as a story reads. */
export function SharedUpdates({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation('cases');
  const dates = useDateWords();
  return (
    <section aria-labelledby="updates-title" className="panel">
      <h2 id="updates-title">{t('updatesTitle')}</h2>
      {entries.length === 0 ? (
        <p>{t('noUpdates')}</p>
      ) : (
        <ol className="updates">
          {entries.map((entry, index) => (
            <li key={`${entry.type}-${entry.at}-${index}`}>
              <p className="when">
                <time dateTime={entry.at}>{dates.moment(entry.at)}</time>
              </p>
              <Update entry={entry} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
