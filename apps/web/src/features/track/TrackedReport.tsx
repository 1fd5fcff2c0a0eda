import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client';
import { HelpLines } from '../after-hours/HelpLines';
import { ErrorSummary, type FieldError } from '../forms/ErrorSummary';
import { FilePicker } from '../forms/FilePicker';
import { Page } from '../layout/Page';
import { CaseStatus } from '../cases/CaseStatus';
import { Outcome } from '../cases/Outcome';
import { SharedUpdates } from '../cases/SharedUpdates';
import { isOpen } from '../cases/status';
import { MessageList } from '../messages/MessageList';
import { ReplyForm, type SendOutcome } from '../messages/ReplyForm';
import { sendOutcome } from '../messages/send-outcome';
import { useDateWords } from '../../lib/dates';
import { ACCEPT, checkFiles } from '../report/files';
import type { UploadTarget } from '../report/upload';
import { UploadList, UploadSummary } from '../report/UploadList';
import { useUploads } from '../report/useUploads';
import type { TrackedView } from './TrackPage';

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

  const finished = !isOpen(view.status);
  const allErrors = useMemo(() => [...errors, ...fileErrors], [errors, fileErrors]);

  const send = async (body: string): Promise<SendOutcome> => {
    const { data, response } = await api.POST('/api/v1/public/reports/messages', {
      body: { trackingCode, body },
    });
    if (data) {
      setMessages((current) => [...current, data]);
      return 'sent';
    }
    return response.ok ? 'failed' : sendOutcome(response);
  };

  const pick = (files: File[]) => {
    const { good, problems } = checkFiles(files, 'evidence', (problem, name) =>
      t(`report:files.problem.${problem}`, { name }),
    );
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

      <CaseStatus incident={view} />
      <Outcome outcome={view.outcome} summary={view.resolutionSummary} />
      <SharedUpdates entries={view.timeline} />
      <HelpLines help={view.help} />

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
