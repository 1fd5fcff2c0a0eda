import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Schemas } from '../../lib/api-client';

export type IncidentSummary = Schemas['OwnIncidentSummary'] | Schemas['StaffIncidentSummary'];

export interface IncidentPages {
  /** undefined while the first page loads. */
  items: IncidentSummary[] | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  failed: boolean;
  loadMore: () => void;
}

/** The caller's reports (a parent's: their family's), newest first, a page at a time. */
export function useMyIncidents(): IncidentPages {
  const [items, setItems] = useState<IncidentSummary[] | undefined>(undefined);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [failed, setFailed] = useState(false);
  const generation = useRef(0);

  const fetchPage = useCallback(async (after: string | null, append: boolean) => {
    const mine = ++generation.current;
    setFailed(false);
    const { data } = await api
      .GET('/api/v1/incidents', { params: { query: after ? { cursor: after } : {} } })
      .catch(() => ({ data: undefined }));
    if (mine !== generation.current) return;
    if (!data) {
      setFailed(true);
      if (!append) setItems([]);
      return;
    }
    const page = data.items ?? [];
    setItems((previous) => (append && previous ? [...previous, ...page] : page));
    setCursor(data.nextCursor ?? null);
  }, []);

  useEffect(() => {
    void fetchPage(null, false);
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (!cursor) return;
    setLoadingMore(true);
    void fetchPage(cursor, true).finally(() => setLoadingMore(false));
  }, [cursor, fetchPage]);

  return { items, hasMore: cursor !== null, loadingMore, failed, loadMore };
}
