import { useSyncExternalStore } from 'react';
import { api, type Schemas } from '../../lib/api-client';

export type Notice = Schemas['NotificationDto'];

/** The most unread notices one request counts; past it the bell says "99+". */
export const UNREAD_PAGE = 100;

interface UnreadState {
  /** null until the first answer. */
  count: number | null;
  /** More unread notices than one page holds. */
  more: boolean;
}

let state: UnreadState = { count: null, more: false };
const listeners = new Set<() => void>();

function publish(next: UnreadState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The signed-in user's unread notices, newest first (one page). */
export async function fetchUnread(): Promise<{ items: Notice[]; more: boolean } | null> {
  const { data } = await api.GET('/api/v1/notifications', {
    params: { query: { unread: true, limit: UNREAD_PAGE } },
  });
  if (!data) return null;
  return { items: data.items, more: data.nextCursor !== null };
}

/** Asks the server again how many notices are unread; the bell and the list follow. */
export async function refreshUnread(): Promise<void> {
  const unread = await fetchUnread().catch(() => null);
  if (unread) publish({ count: unread.items.length, more: unread.more });
}

/** Forgets the count, so the next person to sign in never sees the last one's. */
export function forgetUnread(): void {
  publish({ count: null, more: false });
}

export async function markRead(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await Promise.all(
    ids.map((id) =>
      api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }).catch(() => null),
    ),
  );
  await refreshUnread();
}

export function useUnread(): UnreadState {
  return useSyncExternalStore(subscribe, () => state);
}
