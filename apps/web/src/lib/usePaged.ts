import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

/** One page of a cursor-paged list, as the API answers it. */
export interface PageOf<T> {
  items: T[];
  nextCursor?: string | null;
}

export interface PageRequest {
  /** null for the first page. */
  cursor: string | null;
  /** How many rows to fetch; undefined for the list's own page size. */
  size: number | undefined;
  /** False once a newer request has started: the answer will be dropped. */
  isCurrent: () => boolean;
}

/** Resolves to the page, or to null (or rejects) when it would not load. */
export type FetchPage<T> = (request: PageRequest) => Promise<PageOf<T> | null | undefined>;

export interface Paged<T> {
  /** undefined while the first page loads; empty when it would not load (`failed`). */
  items: T[] | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  /** The last page asked for would not load. */
  failed: boolean;
  loadMore: () => void;
  /** Loads the first page again (of `size` rows), keeping the rows shown until it arrives. */
  reload: (size?: number) => void;
  /** Changes the rows shown in place (an edited or added row). */
  update: (change: (items: T[]) => T[]) => void;
}

/**
 * A list read a page at a time: the first page when `deps` change (the rows
 * shown are cleared), the next one on `loadMore`. Only the newest request's
 * answer is kept, so a late answer for old filters never replaces new rows.
 */
export function usePaged<T>(fetchPage: FetchPage<T>, deps: DependencyList): Paged<T> {
  const [items, setItems] = useState<T[] | undefined>(undefined);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [failed, setFailed] = useState(false);
  const generation = useRef(0);
  const latest = useRef(fetchPage);
  latest.current = fetchPage;

  const run = useCallback(async (after: string | null, append: boolean, size?: number) => {
    const mine = ++generation.current;
    const isCurrent = () => mine === generation.current;
    setFailed(false);
    const page = await latest.current({ cursor: after, size, isCurrent }).catch(() => null);
    if (!isCurrent()) return;
    if (!page) {
      setFailed(true);
      if (!append) {
        setItems([]);
        setCursor(null);
      }
      return;
    }
    setItems((previous) => (append && previous ? [...previous, ...page.items] : page.items));
    setCursor(page.nextCursor ?? null);
  }, []);

  useEffect(() => {
    setItems(undefined);
    setCursor(null);
    void run(null, false);
    // The caller names what the list depends on, as for useEffect.
  }, deps);

  const loadMore = useCallback(() => {
    if (!cursor) return;
    setLoadingMore(true);
    void run(cursor, true).finally(() => setLoadingMore(false));
  }, [cursor, run]);

  const reload = useCallback((size?: number) => void run(null, false, size), [run]);

  const update = useCallback(
    (change: (items: T[]) => T[]) => setItems((previous) => change(previous ?? [])),
    [],
  );

  return { items, hasMore: cursor !== null, loadingMore, failed, loadMore, reload, update };
}
