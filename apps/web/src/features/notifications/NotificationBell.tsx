import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { forgetUnread, refreshUnread, useUnread } from './unread';

const POLL_MS = 60_000;

/** Asks for the unread count now, every minute while the page is in view, and when it comes back into view. */
function usePolledUnread(): void {
  useEffect(() => {
    const poll = () => {
      if (document.visibilityState === 'visible') void refreshUnread();
    };
    poll();
    const timer = window.setInterval(poll, POLL_MS);
    document.addEventListener('visibilitychange', poll);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', poll);
      forgetUnread();
    };
  }, []);
}

/**
 * The header's link to the notices, with a badge for the unread ones. Its
 * name says the count in words ("Notifications, 2 unread"), and a polite
 * announcement tells screen-reader users when new ones arrive.
 */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const { count, more } = useUnread();
  usePolledUnread();

  const shown = count === null ? 0 : count;
  const badge = more || shown > 99 ? '99+' : String(shown);
  const previous = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (count === null) return;
    if (previous.current !== null && count > previous.current) {
      setAnnouncement(t('bell.arrived', { count: count - previous.current }));
    }
    previous.current = count;
  }, [count, t]);

  return (
    <>
      <Link href="/notifications" className="bell">
        {shown === 0 ? (
          t('bell.label')
        ) : (
          <>
            <span aria-hidden="true">{t('bell.label')}</span>
            <span className="bell-badge" aria-hidden="true">
              {badge}
            </span>
            <span className="visually-hidden">
              {more ? t('bell.unreadMany', { count: shown }) : t('bell.unread', { count: shown })}
            </span>
          </>
        )}
      </Link>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </>
  );
}
