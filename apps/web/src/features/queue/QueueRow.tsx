import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useDateWords } from '../../lib/dates';
import { dueState } from '../../lib/school-days';
import type { QueueItem } from './useQueue';

/** A deadline in words and colour: "Overdue", "Due today", or the school's day. */
export function DueLine({
  dueAt,
  timeZone,
  status,
}: {
  dueAt: string | null;
  timeZone: string;
  status: QueueItem['status'];
}) {
  const { t } = useTranslation('queue');
  const dates = useDateWords();
  const state = dueState(dueAt, timeZone);
  if (!dueAt || !state) return <>{t('due.none')}</>;
  const what = status === 'submitted' ? t('due.triage') : t('due.resolve');
  return (
    <>
      {state !== 'later' && <span className={`due-tag due-${state}`}>{t(`due.${state}`)}</span>}
      {what} {dates.day(dueAt, timeZone)}
    </>
  );
}

/** One case of the queue: a row on a wide screen, a card on a phone. */
export function QueueRow({
  item,
  mine,
  focused,
}: {
  item: QueueItem;
  mine: boolean;
  focused: boolean;
}) {
  const { t } = useTranslation('queue');
  const state = dueState(item.dueAt, item.schoolTimeZone);
  const classes = [
    'queue-row',
    item.critical ? 'is-critical' : '',
    state === 'overdue' || state === 'today' ? `row-${state}` : '',
    focused ? 'is-focused' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li className={classes}>
      <div className="queue-row-head">
        <Link href={`/cases/${item.id}`} data-row-link="" className="queue-link">
          {t('row.link', { reference: item.reference })}
        </Link>
        <span className="queue-category">{t(`category.${item.category}`)}</span>
      </div>
      <dl className="queue-facts">
        <div>
          <dt>{t('row.severity')}</dt>
          <dd>
            {item.severity ? (
              <span className={`severity-tag severity-${item.severity}`}>
                {t(`severity.${item.severity}`)}
              </span>
            ) : (
              t('severity.none')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('row.status')}</dt>
          <dd>{t(`status.${item.status}`)}</dd>
        </div>
        <div>
          <dt>{t('row.place')}</dt>
          <dd>{t(`common:location.${item.location}`)}</dd>
        </div>
        <div>
          <dt>{t('row.due')}</dt>
          <dd>
            <DueLine dueAt={item.dueAt} timeZone={item.schoolTimeZone} status={item.status} />
          </dd>
        </div>
        <div>
          <dt>{t('row.assignee')}</dt>
          <dd>
            {mine ? t('row.you') : item.assignee ? item.assignee.displayName : t('row.nobody')}
          </dd>
        </div>
      </dl>
    </li>
  );
}
