import { lazy, useCallback, useEffect, useState } from 'react';
import { useProfile } from '../../lib/auth';
import { isCaseworker } from '../../lib/roles';
import { useTranslation } from 'react-i18next';
import { Loading } from '../layout/Loading';
import { NotFoundPage } from '../layout/NotFoundPage';
import { Page } from '../layout/Page';
import { fetchUnread, markRead } from '../notifications/unread';
import { Attachments } from './Attachments';
import { loadCase, loadThread, type CaseAnswer, type CaseView, type Message } from './case-api';
import { CaseStatus } from './CaseStatus';
import { InvolvedFamilyCase, OutcomeNotice } from './InvolvedFamilyCase';
import { useDateWords } from '../../lib/dates';
import { CaseHelpLines } from '../after-hours/CaseHelpLines';
import { MessageThread } from './MessageThread';
import { Outcome } from './Outcome';
import { sharedEntries, SharedUpdates } from './SharedUpdates';

/** The facts of the report the view carries: never more than the server chose to share. */
function CaseFacts({ incident }: { incident: Exclude<CaseView, { view: 'involved_family' }> }) {
  const { t } = useTranslation('cases');
  const dates = useDateWords();
  return (
    <dl className="case-facts">
      {incident.view === 'family' && (
        <div>
          <dt>{t('facts.child')}</dt>
          <dd>{incident.child.displayName}</dd>
        </div>
      )}
      <div>
        <dt>{t('facts.what')}</dt>
        <dd>{t(`common:category.${incident.category}`)}</dd>
      </div>
      <div>
        <dt>{t('facts.where')}</dt>
        <dd>
          {incident.view !== 'family' && incident.locationDetail
            ? t('facts.placeWithDetail', {
                place: t(`common:location.${incident.location}`),
                detail: incident.locationDetail,
              })
            : t(`common:location.${incident.location}`)}
        </dd>
      </div>
      <div>
        <dt>{t('facts.when')}</dt>
        <dd>{dates.day(incident.occurredAt)}</dd>
      </div>
      <div>
        <dt>{t('facts.sent')}</dt>
        <dd>{dates.day(incident.createdAt)}</dd>
      </div>
    </dl>
  );
}

interface Loaded {
  answer: CaseAnswer;
  messages: Message[] | null;
}

const StaffCasePage = lazy(() => import('../casework/StaffCasePage'));

/** Counselors and school administrators work the case; everyone else follows it. */
export default function CasePage({ id }: { id: string }) {
  const profile = useProfile();
  if (isCaseworker(profile)) return <StaffCasePage id={id} />;
  return <FamilyCasePage id={id} />;
}

/**
 * One case as the caller may see it (`/cases/:id`): where it stands and by
 * when, what the school shared, the outcome, the caller's files and the
 * conversation. Messages that came since the caller last looked (their unread
 * "new message" notices for this case) are marked New; those notices, and the
 * case's other unread ones, are then marked read.
 */
function FamilyCasePage({ id }: { id: string }) {
  const { t } = useTranslation('cases');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [newIds, setNewIds] = useState<ReadonlySet<string>>(new Set());
  const [seenNotices, setSeenNotices] = useState<string[]>([]);
  const [refreshing, setRefreshing] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const load = useCallback(async (): Promise<number> => {
    const [answer, messages, unread] = await Promise.all([
      loadCase(id),
      loadThread(id),
      fetchUnread().catch(() => null),
    ]);
    const notices = (unread?.items ?? []).filter((notice) => notice.incidentId === id);
    const arrived = notices.filter((notice) => notice.type === 'message_posted').length;
    const fresh =
      arrived > 0 && messages ? messages.filter((message) => !message.mine).slice(-arrived) : [];
    setLoaded({ answer, messages });
    if (fresh.length > 0) {
      setNewIds((previous) => new Set([...previous, ...fresh.map((message) => message.id)]));
    }
    // Notices are read once the page has shown what they were about, the thread included.
    if (answer.kind === 'found' && messages) setSeenNotices(notices.map((notice) => notice.id));
    return fresh.length;
  }, [id]);

  useEffect(() => {
    setLoaded(null);
    setNewIds(new Set());
    void load();
  }, [load]);

  // After the page has shown them, the notices it answered are read.
  useEffect(() => {
    if (seenNotices.length > 0) void markRead(seenNotices);
  }, [seenNotices]);

  const refresh = useCallback(async () => {
    setRefreshing(true);
    setAnnouncement('');
    const fresh = await load();
    setRefreshing(false);
    setAnnouncement(fresh > 0 ? t('thread.arrived', { count: fresh }) : t('thread.upToDate'));
  }, [load, t]);

  if (!loaded) return <Loading />;
  const { answer, messages } = loaded;
  if (answer.kind === 'missing') return <NotFoundPage />;
  if (answer.kind === 'failed') {
    return (
      <Page title={t('failedTitle')}>
        <p>{t('failedBody')}</p>
        <button type="button" className="button" onClick={() => void refresh()}>
          {t('tryAgain')}
        </button>
      </Page>
    );
  }
  const incident = answer.view;
  const thread = (
    <MessageThread
      incidentId={id}
      messages={messages}
      newIds={newIds}
      closed={incident.status === 'closed'}
      refreshing={refreshing}
      announcement={announcement}
      onRefresh={refresh}
    />
  );
  if (incident.view === 'involved_family') {
    return (
      <Page title={t('title', { reference: incident.reference })}>
        <InvolvedFamilyCase incident={incident} thread={thread} />
        <CaseHelpLines incidentId={id} />
      </Page>
    );
  }
  return (
    <Page title={t('title', { reference: incident.reference })}>
      <CaseFacts incident={incident} />
      {incident.view === 'reporter' && (
        <section aria-labelledby="description-title" className="panel">
          <h2 id="description-title">{t('facts.yourWords')}</h2>
          <p className="quoted">{incident.description}</p>
        </section>
      )}
      <CaseStatus incident={incident} />
      <Outcome outcome={incident.outcome} summary={incident.resolutionSummary} />
      {incident.view === 'family' && <OutcomeNotice notice={incident.outcomeNotice} />}
      <SharedUpdates entries={sharedEntries(incident)} />
      <Attachments files={incident.attachments} />
      {thread}
      <CaseHelpLines incidentId={id} />
    </Page>
  );
}
