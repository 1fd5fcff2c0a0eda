import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Schemas } from '../../lib/api-client';
import { useLiveEvents } from '../live/useLiveEvents';
import { filtersToQuery, type QueueFilters } from './filters';

export type QueueItem = Schemas['StaffIncidentSummary'];
export type QueueCounts = Schemas['QueueCountsDto'];

export interface QueueState {
  /** undefined while the first page loads. */
  items: QueueItem[] | undefined;
  counts: QueueCounts | null;
  hasMore: boolean;
  loadingMore: boolean;
  failed: boolean;
  loadMore: () => void;
  reload: () => void;
}

const PAGE_SIZE = 25;
/** The API's largest page. */
const MAX_PAGE_SIZE = 100;
/** Events of one change (filed, then alert) arrive together: wait a moment and reload once. */
const LIVE_RELOAD_DELAY_MS = 150;

/** The caseworker's queue under `filters`, a page at a time, with the counts next to each filter. */
export function useQueue(filters: QueueFilters): QueueState {
  const [items, setItems] = useState<QueueItem[] | undefined>(undefined);
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [failed, setFailed] = useState(false);
  const generation = useRef(0);
  const key = JSON.stringify(filters);

  const fetchPage = useCallback(
    async (after: string | null, append: boolean, size = PAGE_SIZE) => {
      const mine = ++generation.current;
      setFailed(false);
      const query = filtersToQuery(JSON.parse(key) as QueueFilters);
      const [page, tally] = await Promise.all([
        api
          .GET('/api/v1/incidents', {
            params: { query: { ...query, limit: size, ...(after ? { cursor: after } : {}) } },
          })
          .catch(() => ({ data: undefined })),
        append
          ? Promise.resolve(null)
          : api
              .GET('/api/v1/incidents/counts', { params: { query } })
              .then(({ data }) => data ?? null)
              .catch(() => null),
      ]);
      if (mine !== generation.current) return;
      if (!append) setCounts(tally);
      if (!page.data) {
        setFailed(true);
        if (!append) setItems([]);
        return;
      }
      // Caseworkers get staff summaries only.
      const rows = page.data.items.filter((item): item is QueueItem => item.view === 'staff');
      setItems((previous) => (append && previous ? [...previous, ...rows] : rows));
      setCursor(page.data.nextCursor ?? null);
    },
    [key],
  );

  useEffect(() => {
    setItems(undefined);
    void fetchPage(null, false);
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (!cursor) return;
    setLoadingMore(true);
    void fetchPage(cursor, true).finally(() => setLoadingMore(false));
  }, [cursor, fetchPage]);

  const reload = useCallback(() => void fetchPage(null, false), [fetchPage]);

  // Another caseworker's change (or a new report) refreshes the queue in place, keeping as
  // many rows as are shown; a burst of events makes one reload.
  const shown = useRef(PAGE_SIZE);
  shown.current = Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, items?.length ?? 0));
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  useLiveEvents((event) => {
    if (!event.kind.startsWith('incident.') && event.kind !== 'live.connected') return;
    clearTimeout(pending.current);
    pending.current = setTimeout(
      () => void fetchPage(null, false, shown.current),
      LIVE_RELOAD_DELAY_MS,
    );
  });

  return { items, counts, hasMore: cursor !== null, loadingMore, failed, loadMore, reload };
}
