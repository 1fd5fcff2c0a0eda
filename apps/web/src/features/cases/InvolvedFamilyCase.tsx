import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../lib/api-client';
import { useDateWords } from '../../lib/dates';
import { StatusSteps } from './StatusSteps';
import './involved.css';

export type InvolvedFamilyView = Schemas['InvolvedFamilyIncidentView'];
type OutcomeNoticeView = Schemas['OutcomeNoticeView'];

/** What the school wrote to this family about the outcome for their child. */
export function OutcomeNotice({ notice }: { notice: OutcomeNoticeView | null }) {
  const { t } = useTranslation('involved');
  const dates = useDateWords();
  if (!notice) return null;
  return (
    <section aria-labelledby="outcome-notice-title" className="panel outcome-notice">
      <h2 id="outcome-notice-title">{t('notice.title')}</h2>
      <p className="hint">{t('notice.sent', { date: dates.day(notice.sentAt) })}</p>
      <p className="quoted pre-wrap">{notice.summary}</p>
    </section>
  );
}

/**
 * The case as the parents of a linked aggressor or witness see it: which
 * school and report, their child's part in careful words, where it stands,
 * the school's outcome notice for them, and their own thread (`thread`).
 * Nothing of the report itself: the server never sends it.
 */
export function InvolvedFamilyCase({
  incident,
  thread,
}: {
  incident: InvolvedFamilyView;
  thread: ReactNode;
}) {
  const { t } = useTranslation('involved');
  const dates = useDateWords();
  const name = incident.child.displayName;
  return (
    <>
      <section aria-labelledby="involved-part-title" className="panel involved-part">
        <h2 id="involved-part-title">{t('part.title', { name })}</h2>
        <p>{t(`part.${incident.childRole}`, { name })}</p>
        <p className="hint">{t('part.only')}</p>
      </section>
      <dl className="case-facts">
        <div>
          <dt>{t('facts.school')}</dt>
          <dd>{incident.schoolName}</dd>
        </div>
        <div>
          <dt>{t('facts.child')}</dt>
          <dd>{name}</dd>
        </div>
        <div>
          <dt>{t('facts.role')}</dt>
          <dd>{t(`role.${incident.childRole}`)}</dd>
        </div>
        <div>
          <dt>{t('facts.opened')}</dt>
          <dd>{dates.day(incident.createdAt)}</dd>
        </div>
      </dl>
      <section aria-labelledby="involved-status-title" className="panel">
        <h2 id="involved-status-title">{t('status.title')}</h2>
        <StatusSteps status={incident.status} />
        <p className="deadline">{t(`status.${incident.status}`)}</p>
      </section>
      <OutcomeNotice notice={incident.outcomeNotice} />
      {thread}
    </>
  );
}
