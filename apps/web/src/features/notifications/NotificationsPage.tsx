import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../lib/api-client';
import { useDateWords } from '../../lib/dates';
import { Loading } from '../layout/Loading';
import { Page } from '../layout/Page';
import { fetchUnread, markRead, refreshUnread, type Notice } from './unread';

function NoticeItem({ notice, onOpen }: { notice: Notice; onOpen: (notice: Notice) => void }) {
  const { t } = useTranslation('notifications');
  const dates = useDateWords();
  const unread = notice.readAt === null;
  return (
    <li className={unread ? 'notice-item unread' : 'notice-item'}>
      <p className="notice-title">
        {unread && <span className="new-tag">{t('new')}</span>}
        {notice.incidentId ? (
          <Link href={`/cases/${notice.incidentId}`} onClick={() => onOpen(notice)}>
            {notice.title}
          </Link>
        ) : (
          <strong>{notice.title}</strong>
        )}
      </p>
      <p className="when">
        <time dateTime={notice.createdAt}>{dates.moment(notice.createdAt)}</time>
      </p>
    </li>
  );
}

/** The user's notices, newest first; opening one marks it read, and all can be marked at once. */
export default function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const [items, setItems] = useState<Notice[] | undefined>(undefined);
  const [cursor, setCursor] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const fetchPage = useCallback(async (after: string | null) => {
    setFailed(false);
    const { data } = await api
      .GET('/api/v1/notifications', { params: { query: after ? { cursor: after } : {} } })
      .catch(() => ({ data: undefined }));
    if (!data) {
      setFailed(true);
      setItems((previous) => previous ?? []);
      return;
    }
    setItems((previous) => (after && previous ? [...previous, ...data.items] : data.items));
    setCursor(data.nextCursor);
  }, []);

  useEffect(() => {
    void fetchPage(null);
    void refreshUnread();
  }, [fetchPage]);

  // A new message's notice is left to the case page, which marks the message New before reading it.
  const open = (notice: Notice) => {
    if (notice.readAt === null && notice.type !== 'message_posted') void markRead([notice.id]);
  };

  const markAll = async () => {
    setBusy(true);
    setStatus('');
    // One page of unread notices at a time, until none is left (or a page does not shrink).
    for (let round = 0; round < 10; round++) {
      const unread = await fetchUnread().catch(() => null);
      if (!unread || unread.items.length === 0) break;
      await markRead(unread.items.map((notice) => notice.id));
      if (!unread.more) break;
    }
    const now = new Date().toISOString();
    setItems((previous) =>
      previous?.map((notice) => ({ ...notice, readAt: notice.readAt ?? now })),
    );
    setBusy(false);
    setStatus(t('allRead'));
  };

  const unreadShown = items?.some((notice) => notice.readAt === null) ?? false;
  return (
    <Page title={t('title')}>
      {items === undefined ? (
        <Loading />
      ) : (
        <>
          {unreadShown && (
            <p>
              <button
                type="button"
                className="button"
                onClick={() => void markAll()}
                disabled={busy}
              >
                {t('markAll')}
              </button>
            </p>
          )}
          <p role="status" className="status-line">
            {status}
          </p>
          {failed && (
            <p className="notice warn" role="alert">
              {t('loadFailed')}
            </p>
          )}
          {items.length > 0 ? (
            <ul className="notice-list">
              {items.map((notice) => (
                <NoticeItem key={notice.id} notice={notice} onOpen={open} />
              ))}
            </ul>
          ) : (
            !failed && <p>{t('none')}</p>
          )}
          {cursor && (
            <p>
              <button type="button" className="button" onClick={() => void fetchPage(cursor)}>
                {t('showMore')}
              </button>
            </p>
          )}
        </>
      )}
    </Page>
  );
}
