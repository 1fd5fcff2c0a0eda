import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client';
import { ErrorSummary, type FieldError } from '../forms/ErrorSummary';
import { FilePicker } from '../forms/FilePicker';
import { Page } from '../layout/Page';
import { MessageList } from '../messages/MessageList';
import { ReplyForm, type SendOutcome } from '../messages/ReplyForm';
import { useDateWords } from '../../lib/dates';
import { ACCEPT, fileProblem } from '../report/files';
import type { UploadTarget } from '../report/upload';
import { UploadList, UploadSummary } from '../report/UploadList';
import { useUploads } from '../report/useUploads';
import type { TrackedView } from './TrackPage';

const STAGES = ['submitted', 'triaged', 'investigating', 'finished'] as const;
const FINISHED = ['resolved', 'closed', 'dismissed'];

type Status = TrackedView['status'];

function stageOf(status: Status): number {
  if (FINISHED.includes(status)) return 3;
  return STAGES.indexOf(status as (typeof STAGES)[number]);
}

/** Received → reviewed → being looked into → finished, each said in words, not only in colour. */
function StatusSteps({ status }: { status: Status }) {
  const { t } = useTranslation('track');
  const current = stageOf(status);
  return (
    <ol className="status-steps">
      {STAGES.map((stage, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'todo';
        const label =
          stage === 'finished'
            ? FINISHED.includes(status)
              ? t(`common:status.${status}`)
              : t('stage.finished')
            : t(`common:status.${stage}`);
        return (
          <li
            key={stage}
            className={`status-step ${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="status-mark" aria-hidden="true">
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span className="status-label">
              {label}
              <span className="status-state">{t(`stage.${state}`)}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** One shared update in words a child understands. */
function updateText(entry: TrackedView['timeline'][number], t: TFunction) {
  const data = entry.data;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  switch (entry.type) {
    case 'filed':
      return t('update.filed');
    case 'status_changed':
      return t('update.status', { status: t(`common:status.${text(data.to)}`) });
    case 'shared_note':
      return t('update.note', { body: text(data.body) });
    case 'resolved':
      return t('update.resolved', { outcome: t(`common:outcome.${text(data.outcome)}`) });
    default:
      return t('update.other');
  }
}

interface Props {
  view: TrackedView;
  trackingCode: string;
  errors: FieldError[];
  busy: boolean;
  onReload: () => Promise<boolean>;
  onForget: () => void;
}

/** The reporter's report: where it is, the school's updates and outcome, the messages, and more evidence. */
export function TrackedReport({ view, trackingCode, errors, busy, onReload, onForget }: Props) {
  const { t } = useTranslation('track');
  const dates = useDateWords();
  const [messages, setMessages] = useState(view.messages);
  const [shownView, setShownView] = useState(view);
  if (shownView !== view) {
    setShownView(view);
    setMessages(view.messages);
  }
  const [fileErrors, setFileErrors] = useState<FieldError[]>([]);
  const target = useMemo<UploadTarget>(() => ({ kind: 'anonymous', trackingCode }), [trackingCode]);
  const { uploads, add, retry, remove } = useUploads(target);

  const finished = FINISHED.includes(view.status);
  const allErrors = [...errors, ...fileErrors];

  const send = async (body: string): Promise<SendOutcome> => {
    const { data, response } = await api.POST('/api/v1/public/reports/messages', {
      body: { trackingCode, body },
    });
    if (data) {
      setMessages((current) => [...current, data]);
      return 'sent';
    }
    if (response.status === 409) return 'closed';
    if (response.status === 429) return 'tooMany';
    return 'failed';
  };

  const pick = (files: File[]) => {
    const problems: FieldError[] = [];
    const good = files.filter((file) => {
      const problem = fileProblem(file);
      if (problem)
        problems.push({
          field: 'evidence',
          message: t(`report:files.problem.${problem}`, { name: file.name }),
        });
      return !problem;
    });
    setFileErrors(problems);
    add(good);
  };

  return (
    <Page title={t('report.title')}>
      <ErrorSummary errors={allErrors} />
      <div className="confirmation">
        <p>{t('report.reference')}</p>
        <p className="reference">{view.reference}</p>
        <p>{t('report.sentOn', { date: dates.day(view.createdAt) })}</p>
      </div>

      <section aria-labelledby="where-title">
        <h2 id="where-title">{t('report.where')}</h2>
        <StatusSteps status={view.status} />
        {view.status === 'submitted' && (
          <p>
            {t('report.triageBy', {
              date: dates.day(view.triageDueAt, view.schoolTimeZone),
            })}
          </p>
        )}
        {!finished && (
          <p>
            {t('report.resolveBy', {
              date: dates.day(view.resolveDueAt, view.schoolTimeZone),
            })}
          </p>
        )}
      </section>

      {view.status === 'resolved' && view.outcome && (
        <section aria-labelledby="outcome-title" className="panel">
          <h2 id="outcome-title">{t('report.outcome')}</h2>
          <p className="outcome">{t(`common:outcome.${view.outcome}`)}</p>
          {view.resolutionSummary && <p className="pre-wrap">{view.resolutionSummary}</p>}
        </section>
      )}

      <section aria-labelledby="updates-title">
        <h2 id="updates-title">{t('report.updates')}</h2>
        <ol className="timeline">
          {view.timeline.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <time dateTime={entry.at}>{dates.moment(entry.at)}</time>
              <p className="pre-wrap">{updateText(entry, t)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="messages-title">
        <h2 id="messages-title">{t('messages:title')}</h2>
        <MessageList messages={messages} />
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() => void onReload()}
        >
          {busy ? t('checking') : t('messages:refresh')}
        </button>
        {finished ? (
          <p className="notice">{t('reply.finished')}</p>
        ) : (
          <ReplyForm hint={t('reply.hint')} onSend={send} />
        )}
      </section>

      {!finished && (
        <section aria-labelledby="evidence-title">
          <h2 id="evidence-title">{t('evidence.title')}</h2>
          {view.attachments.length > 0 && (
            <>
              <p>{t('evidence.already')}</p>
              <ul className="plain-list">
                {view.attachments.map((attachment) => (
                  <li key={attachment.id}>{attachment.fileName}</li>
                ))}
              </ul>
            </>
          )}
          <FilePicker
            id="evidence"
            label={t('evidence.pick')}
            hint={t('evidence.hint')}
            accept={ACCEPT}
            onFiles={pick}
            error={fileErrors.map((error) => error.message).join(' ') || undefined}
          />
          <UploadSummary uploads={uploads} />
          <UploadList uploads={uploads} onRetry={retry} onRemove={remove} />
        </section>
      )}

      <section aria-labelledby="forget-title" className="panel">
        <h2 id="forget-title">{t('forget.title')}</h2>
        <p>{t('forget.body')}</p>
        <button type="button" className="button" onClick={onForget}>
          {t('forget.button')}
        </button>
      </section>
    </Page>
  );
}
