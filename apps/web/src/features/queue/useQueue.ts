import { useEffect, useRef, useState } from 'react';
import { api, type Schemas } from '../../lib/api-client';
import { usePaged, type Paged } from '../../lib/usePaged';
import { useLiveEvents } from '../live/useLiveEvents';
import { filtersToQuery, type QueueFilters } from './filters';

export type QueueItem = Schemas['StaffIncidentSummary'];
export type QueueCounts = Schemas['QueueCountsDto'];

export interface QueueState extends Paged<QueueItem> {
  counts: QueueCounts | null;
}

const PAGE_SIZE = 25;
/** The API's largest page. */
const MAX_PAGE_SIZE = 100;
/** Events of one change (filed, then alert) arrive together: wait a moment and reload once. */
const LIVE_RELOAD_DELAY_MS = 150;

/** The caseworker's queue under `filters`, a page at a time, with the counts next to each filter. */
export function useQueue(filters: QueueFilters): QueueState {
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const key = JSON.stringify(filters);

  const pages = usePaged<QueueItem>(
    async ({ cursor, size = PAGE_SIZE, isCurrent }) => {
      const query = filtersToQuery(filters);
      const [page, tally] = await Promise.all([
        api
          .GET('/api/v1/incidents', {
            params: { query: { ...query, limit: size, ...(cursor ? { cursor } : {}) } },
          })
          .catch(() => ({ data: undefined })),
        cursor
          ? Promise.resolve(undefined)
          : api
              .GET('/api/v1/incidents/counts', { params: { query } })
              .then(({ data }) => data ?? null)
              .catch(() => null),
      ]);
      if (tally !== undefined && isCurrent()) setCounts(tally);
      if (!page.data) return null;
      // Caseworkers get staff summaries only.
      return {
        items: page.data.items.filter((item): item is QueueItem => item.view === 'staff'),
        nextCursor: page.data.nextCursor,
      };
    },
    [key],
  );

  // Another caseworker's change (or a new report) refreshes the queue in place, keeping as
  // many rows as are shown; a burst of events makes one reload.
  const shown = useRef(PAGE_SIZE);
  shown.current = Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, pages.items?.length ?? 0));
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  const { reload } = pages;
  useLiveEvents((event) => {
    if (!event.kind.startsWith('incident.') && event.kind !== 'live.connected') return;
    clearTimeout(pending.current);
    pending.current = setTimeout(() => reload(shown.current), LIVE_RELOAD_DELAY_MS);
  });

  return { ...pages, counts };
}
