import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../lib/api-client';
import { MessageList, type Message } from '../messages/MessageList';
import { ReplyForm, type SendOutcome } from '../messages/ReplyForm';
import { sendOutcome } from '../messages/send-outcome';

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

  const send = async (body: string): Promise<SendOutcome> => {
    const { response } = await api.POST('/api/v1/incidents/{id}/messages', {
      params: { path: { id: incidentId } },
      body: { body },
    });
    const outcome = sendOutcome(response);
    if (outcome === 'sent') await onRefresh();
    return outcome;
  };

  return (
    <section aria-labelledby="messages-title" className="panel">
      <h2 id="messages-title">{t('messages:title')}</h2>
      <p className="hint">{t('thread.lead')}</p>
      {messages ? (
        <MessageList messages={messages} newIds={newIds} />
      ) : (
        <p className="notice warn">{t('thread.loadFailed')}</p>
      )}
      <p className="refresh-row">
        <button
          type="button"
          className="button"
          onClick={() => void onRefresh()}
          disabled={refreshing}
        >
          {refreshing ? t('thread.refreshing') : t('messages:refresh')}
        </button>
      </p>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {closed ? (
        <p className="notice">
          {t('messages:reply.closed')} <Link href="/report">{t('reply.newReport')}</Link>
        </p>
      ) : (
        <ReplyForm hint={t('reply.hint')} onSend={send} />
      )}
    </section>
  );
}
