import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateWords } from '../../lib/dates';
import { loadCase, loadThread, type Message } from '../cases/case-api';
import { Loading } from '../layout/Loading';
import { NotFoundPage } from '../layout/NotFoundPage';
import { Page } from '../layout/Page';
import { fetchUnread, markRead } from '../notifications/unread';
import { DueLine } from '../queue/QueueRow';
import { loadAssignees, type Assignee, type StaffView } from './casework-api';
import { Decisions } from './Decisions';
import { useDrafts } from './drafts';
import { Evidence } from './Evidence';
import { FollowUps } from './FollowUps';
import { Interventions } from './Interventions';
import { NoteForm } from './NoteForm';
import { OutcomeNotices } from './OutcomeNotices';
import { PartiesPanel } from './PartiesPanel';
import { SeverityChange } from './SeverityChange';
import { RelatedReports } from './RelatedReports';
import { Threads } from './Threads';
import { Timeline } from './Timeline';
import './casework.css';

type Loaded = { kind: 'found'; view: StaffView } | { kind: 'missing' } | { kind: 'failed' };

async function loadStaffCase(id: string): Promise<Loaded> {
  const answer = await loadCase(id);
  if (answer.kind !== 'found') return answer;
  // Counselors and administrators get the staff view of every case in reach.
  return answer.view.view === 'staff' ? { kind: 'found', view: answer.view } : { kind: 'missing' };
}

/** Where the case stands: status, severity, who has it, and the deadline in words and colour. */
function Standing({ view }: { view: StaffView }) {
  const { t } = useTranslation('casework');
  return (
    <dl className="case-facts standing">
      <div>
        <dt>{t('facts.status')}</dt>
        <dd>{t(`queue:status.${view.status}`)}</dd>
      </div>
      <div>
        <dt>{t('facts.severity')}</dt>
        <dd>
          {view.severity ? (
            <span className={`severity-tag severity-${view.severity}`}>
              {t(`queue:severity.${view.severity}`)}
            </span>
          ) : (
            t('queue:severity.none')
          )}
        </dd>
      </div>
      <div>
        <dt>{t('facts.assignee')}</dt>
        <dd>{view.assignee ? view.assignee.displayName : t('queue:row.nobody')}</dd>
      </div>
      <div>
        <dt>{t('facts.deadline')}</dt>
        <dd>
          <DueLine dueAt={view.dueAt} timeZone={view.schoolTimeZone} status={view.status} />
        </dd>
      </div>
      {view.escalationReasons.length > 0 && (
        <div>
          <dt>{t('facts.escalated')}</dt>
          <dd>
            {view.escalationReasons
              .map((reason) => t(`escalation.${reason}`, { defaultValue: reason }))
              .join(', ')}
          </dd>
        </div>
      )}
    </dl>
  );
}

/** What was reported: the reporter's words and the facts they gave. */
function Reported({ view }: { view: StaffView }) {
  const { t } = useTranslation('casework');
  const dates = useDateWords();
  const reporter =
    view.reporterKind === 'anonymous'
      ? t('reported.anonymous')
      : t('reported.by', {
          kind: t(`reporterKind.${view.reporterKind}`),
          name: view.reporter?.displayName ?? '',
        });
  return (
    <section aria-labelledby="reported-title" className="panel">
      <h2 id="reported-title">{t('reported.title')}</h2>
      <dl className="case-facts">
        <div>
          <dt>{t('reported.what')}</dt>
          <dd>{t(`queue:category.${view.category}`)}</dd>
        </div>
        <div>
          <dt>{t('reported.where')}</dt>
          <dd>
            {t(`common:location.${view.location}`)}
            {view.locationDetail ? ` (${view.locationDetail})` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('reported.when')}</dt>
          <dd>
            {dates.moment(view.occurredAt)}
            {view.ongoing ? ` ${t('reported.ongoing')}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('reported.who')}</dt>
          <dd>{reporter}</dd>
        </div>
        {view.onBehalfOf && (
          <div>
            <dt>{t('reported.about')}</dt>
            <dd>{view.onBehalfOf.displayName}</dd>
          </div>
        )}
        <div>
          <dt>{t('reported.sent')}</dt>
          <dd>{dates.moment(view.createdAt)}</dd>
        </div>
        {view.urgent && (
          <div>
            <dt>{t('reported.urgent')}</dt>
            <dd>{t('reported.urgentYes')}</dd>
          </div>
        )}
      </dl>
      <h3>{t('reported.words')}</h3>
      <p className="quoted pre-wrap">{view.description}</p>
      {view.outcome && (
        <>
          <h3>{t('reported.outcome')}</h3>
          <p>{t(`outcome.${view.outcome}`)}</p>
          {view.resolutionSummary && <p className="quoted pre-wrap">{view.resolutionSummary}</p>}
        </>
      )}
    </section>
  );
}

/**
 * A case as counselors and administrators work it (`/cases/:id`): where it
 * stands, the decisions the workflow allows now, what was reported, who is
 * involved, evidence, notes, interventions, the timeline and the threads with
 * the families. When someone else changed the case first (409), what the user
 * typed stays and the case can be reloaded under it.
 */
export default function StaffCasePage({ id }: { id: string }) {
  const { t } = useTranslation('casework');
  const drafts = useDrafts();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [assignees, setAssignees] = useState<Assignee[] | null>(null);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const conflictBox = useRef<HTMLDivElement>(null);

  const reloadThread = useCallback(async () => setMessages(await loadThread(id)), [id]);

  useEffect(() => {
    let live = true;
    void Promise.all([loadStaffCase(id), loadThread(id), loadAssignees(id)]).then(
      ([answer, thread, people]) => {
        if (!live) return;
        setLoaded(answer);
        setMessages(thread);
        setAssignees(people);
        // The case's unread notices (assigned, new message...) are read once it is on screen.
        if (answer.kind === 'found') {
          void fetchUnread()
            .then((unread) => {
              const seen = (unread?.items ?? []).filter((notice) => notice.incidentId === id);
              return seen.length > 0 ? markRead(seen.map((notice) => notice.id)) : undefined;
            })
            .catch(() => undefined);
        }
      },
    );
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => {
    if (conflict) conflictBox.current?.focus();
  }, [conflict]);

  /** The case as it is now, under the forms: what the user typed stays where it is. */
  const reload = useCallback(
    async (message: string) => {
      setReloading(true);
      const answer = await loadStaffCase(id);
      setReloading(false);
      if (answer.kind === 'found') {
        setLoaded(answer);
        setConflict(false);
      }
      setAnnouncement(answer.kind === 'found' ? message : t('reloadFailed'));
    },
    [id, t],
  );

  if (!loaded) return <Loading />;
  if (loaded.kind === 'missing') return <NotFoundPage />;
  if (loaded.kind === 'failed') {
    return (
      <Page title={t('failedTitle')}>
        <p>{t('failedBody')}</p>
        <button type="button" className="button" onClick={() => void reload('')}>
          {t('tryAgain')}
        </button>
      </Page>
    );
  }
  const view = loaded.view;
  const corrected = (fresh: StaffView, message: string) => {
    setLoaded({ kind: 'found', view: fresh });
    setAnnouncement(message);
  };
  const conflicted = () => {
    setAnnouncement('');
    setConflict(true);
    conflictBox.current?.focus();
  };

  return (
    <Page title={t('title', { reference: view.reference })} wide>
      <Standing view={view} />
      {conflict && (
        <div className="notice warn conflict" role="alert" tabIndex={-1} ref={conflictBox}>
          <h2>{t('conflict.title')}</h2>
          <p>{t('conflict.body')}</p>
          <button
            type="button"
            className="button primary"
            disabled={reloading}
            onClick={() => void reload(t('conflict.reloaded'))}
          >
            {reloading ? t('conflict.reloading') : t('conflict.reload')}
          </button>
        </div>
      )}
      <p role="status" className="status-line">
        {announcement}
      </p>
      <div className="case-columns">
        <div className="case-column">
          <Reported view={view} />
          <PartiesPanel view={view} onDone={corrected} onConflict={conflicted} />
          <Decisions
            view={view}
            drafts={drafts}
            assignees={assignees}
            onDone={(fresh, message) => {
              setLoaded({ kind: 'found', view: fresh });
              setAnnouncement(message);
              // The form just sent may be gone with the new status: the keyboard starts again at the decisions.
              document.getElementById('decide-title')?.focus();
            }}
            onConflict={conflicted}
          />
          <SeverityChange view={view} onDone={corrected} onConflict={conflicted} />
          <NoteForm incidentId={id} drafts={drafts} onAdded={reload} />
          <Interventions
            incidentId={id}
            timeline={view.timeline}
            drafts={drafts}
            onAdded={reload}
          />
          <FollowUps incidentId={id} assignees={assignees} onChanged={reload} />
        </div>
        <div className="case-column">
          <RelatedReports incidentId={id} onChanged={reload} />
          <Evidence files={view.attachments} />
          <Timeline entries={view.timeline} people={assignees} />
          <Threads view={view} messages={messages} onSent={reloadThread} />
          <OutcomeNotices view={view} onSent={reload} />
        </div>
      </div>
    </Page>
  );
}
