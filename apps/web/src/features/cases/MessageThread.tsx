import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../lib/api-client';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { useDangerWatch } from '../safety/useDangerWatch';
import type { Message } from './case-api';
import { useDateWords } from '../../lib/dates';
import { TextArea } from '../forms/TextArea';

export const MESSAGE_MAX = 5000;

function Author({ message }: { message: Message }) {
  const { t } = useTranslation('cases');
  if (message.mine) return <strong>{t('messages.you')}</strong>;
  return (
    <strong>
      {message.authorKind === 'staff'
        ? t('messages.fromSchool', { name: message.authorName })
        : message.authorName}
    </strong>
  );
}

function Thread({ messages, newIds }: { messages: Message[]; newIds: ReadonlySet<string> }) {
  const { t } = useTranslation('cases');
  const dates = useDateWords();
  if (messages.length === 0) return <p>{t('messages.none')}</p>;
  return (
    <ol className="messages">
      {messages.map((message) => {
        const fresh = newIds.has(message.id);
        const classes = ['message', message.mine ? 'mine' : 'theirs', fresh ? 'is-new' : '']
          .filter(Boolean)
          .join(' ');
        return (
          <li key={message.id} className={classes}>
            <p className="message-meta">
              {fresh && <span className="new-tag">{t('messages.new')}</span>}
              <Author message={message} />{' '}
              <time dateTime={message.createdAt}>{dates.moment(message.createdAt)}</time>
            </p>
            <p className="message-body">{message.body}</p>
          </li>
        );
      })}
    </ol>
  );
}

function ReplyBox({ incidentId, onSent }: { incidentId: string; onSent: () => Promise<void> }) {
  const { t } = useTranslation('cases');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  useDangerWatch(body);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const text = body.trim();
    const problem = !text
      ? t('reply.empty')
      : text.length > MESSAGE_MAX
        ? t('reply.tooLong', { max: MESSAGE_MAX.toLocaleString() })
        : null;
    if (problem) return setErrors([{ field: 'reply', message: problem }]);
    setSending(true);
    const { response } = await api
      .POST('/api/v1/incidents/{id}/messages', {
        params: { path: { id: incidentId } },
        body: { body: text },
      })
      .catch(() => ({ response: null }));
    setSending(false);
    if (!response?.ok) {
      const message = response?.status === 409 ? t('reply.closed') : t('reply.failed');
      return setErrors([{ field: 'reply', message }]);
    }
    setErrors([]);
    setBody('');
    setSent(true);
    await onSent();
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stack reply">
      <ErrorSummary errors={errors} />
      <TextArea
        id="reply"
        label={t('reply.label')}
        hint={t('reply.hint')}
        value={body}
        rows={5}
        onChange={(event) => {
          setBody(event.target.value);
          setSent(false);
        }}
        error={errorFor(errors, 'reply')}
      />
      <button type="submit" className="button primary" disabled={sending}>
        {sending ? t('reply.sending') : t('reply.send')}
      </button>
      <p role="status" className="status-line">
        {sent ? t('reply.sent') : ''}
      </p>
    </form>
  );
}

/** The conversation with the school: who wrote, when, what is new; and a box to answer. */
export function MessageThread({
  incidentId,
  messages,
  newIds,
  closed,
  refreshing,
  announcement,
  onRefresh,
}: {
  incidentId: string;
  messages: Message[] | null;
  newIds: ReadonlySet<string>;
  closed: boolean;
  refreshing: boolean;
  announcement: string;
  onRefresh: () => Promise<void>;
}) {
  const { t } = useTranslation('cases');
  return (
    <section aria-labelledby="messages-title" className="panel">
      <h2 id="messages-title">{t('messages.title')}</h2>
      <p className="hint">{t('messages.lead')}</p>
      {messages ? (
        <Thread messages={messages} newIds={newIds} />
      ) : (
        <p className="notice warn">{t('messages.loadFailed')}</p>
      )}
      <p className="refresh-row">
        <button
          type="button"
          className="button"
          onClick={() => void onRefresh()}
          disabled={refreshing}
        >
          {refreshing ? t('messages.refreshing') : t('messages.refresh')}
        </button>
      </p>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {closed ? (
        <p className="notice">
          {t('reply.closed')} <Link href="/report">{t('reply.newReport')}</Link>
        </p>
      ) : (
        <ReplyBox incidentId={incidentId} onSent={onRefresh} />
      )}
    </section>
  );
}
