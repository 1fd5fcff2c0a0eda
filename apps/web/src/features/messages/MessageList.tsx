import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../lib/api-client';
import { useDateWords } from '../../lib/dates';

export type Message = Schemas['MessageView'];

const NONE: ReadonlySet<string> = new Set();

function Author({ message }: { message: Message }) {
  const { t } = useTranslation('messages');
  if (message.mine) return <strong>{t('you')}</strong>;
  if (message.authorKind === 'system') {
    return <strong className="automatic-tag">{t('after-hours:automaticReply')}</strong>;
  }
  return (
    <strong>
      {message.authorKind === 'staff'
        ? t('fromSchool', { name: message.authorName })
        : message.authorName}
    </strong>
  );
}

/** A conversation with the school, oldest first: who wrote, when, what is new, and what they said. */
export function MessageList({
  messages,
  newIds = NONE,
}: {
  messages: Message[];
  /** The messages that came since the reader last looked: marked New in words. */
  newIds?: ReadonlySet<string>;
}) {
  const { t } = useTranslation('messages');
  const dates = useDateWords();
  if (messages.length === 0) return <p>{t('none')}</p>;
  return (
    <ol className="messages">
      {messages.map((message) => {
        const fresh = newIds.has(message.id);
        const classes = [
          'message',
          message.mine ? 'mine' : 'theirs',
          message.authorKind === 'system' ? 'automatic' : '',
          fresh ? 'is-new' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <li key={message.id} className={classes}>
            <p className="message-meta">
              {fresh && <span className="new-tag">{t('new')}</span>}
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
