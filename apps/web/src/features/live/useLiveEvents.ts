import { useEffect, useRef } from 'react';
import { listen, type LiveEvent, type LiveHandler } from './live-bus';

export type { LiveEvent, LiveEventKind } from './live-bus';

/**
 * Calls `handler` for every live event of the caseworker's schools (queue
 * changes, alerts) and on `live.connected` after each (re)connection. The
 * latest handler is used, so it may close over state without re-subscribing.
 * On pages of other roles nothing ever comes.
 *
 * ```tsx
 * useLiveEvents((event) => {
 *   if (event.kind.startsWith('incident.') || event.kind === 'live.connected') reload();
 * });
 * ```
 */
export function useLiveEvents(handler: LiveHandler): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => listen((event: LiveEvent) => latest.current(event)), []);
}
