import { useEffect } from 'react';
import { currentAccessToken } from '../../lib/access-token';
import { renewSession } from '../../lib/auth';
import { disconnected, publish, type LiveEvent } from './live-bus';
import { readSse } from '@sse-reader';

const MAX_WAIT_MS = 30_000;
/** How long after the page's load the stream opens. */
const SETTLE_MS = 1_000;

/**
 * Keeps the live stream open while a caseworker is signed in: `fetch` with
 * the bearer token (never in the URL), the events passed to `useLiveEvents`,
 * and when the stream ends or fails, a reconnection after a growing wait
 * (1 s, 2 s, 4 s... up to 30 s) with `Last-Event-ID` so that nothing is
 * missed. A 401 (the access token ran out) renews the session first.
 */
export function LiveProvider() {
  useEffect(() => {
    let stop: (() => void) | undefined;
    // The stream never ends: it opens once the page has loaded and settled, so that
    // the page load itself completes (and tools waiting for network idle see it).
    // Alerts raised meanwhile are read on `live.connected`.
    const begin = () => {
      timer = window.setTimeout(() => (stop = startLiveStream()), SETTLE_MS);
    };
    let timer: number | undefined;
    if (document.readyState === 'complete') begin();
    else window.addEventListener('load', begin, { once: true });
    return () => {
      window.removeEventListener('load', begin);
      window.clearTimeout(timer);
      stop?.();
    };
  }, []);
  return null;
}

function startLiveStream(): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  let timer: number | undefined;
  let lastEventId: string | null = null;
  let failures = 0;
  /** A 401 right after renewing the session is not renewed again (that would loop). */
  let renewed = false;

  const later = () => {
    if (stopped) return;
    failures += 1;
    const wait = Math.min(MAX_WAIT_MS, 1000 * 2 ** (failures - 1));
    // A little jitter, so that screens do not all come back at the same moment.
    timer = window.setTimeout(() => void connect(), wait / 2 + Math.random() * (wait / 2));
  };

  const connect = async (): Promise<void> => {
    if (stopped) return;
    controller = new AbortController();
    let opened = false;
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      const token = currentAccessToken();
      if (token) headers.Authorization = `Bearer ${token}`;
      if (lastEventId) headers['Last-Event-ID'] = lastEventId;
      const response = await fetch('/api/v1/events', {
        headers,
        signal: controller.signal,
        cache: 'no-store',
        credentials: 'same-origin',
      });
      if (response.status === 401) {
        if (!renewed && (await renewSession())) {
          renewed = true;
          return void connect();
        }
        renewed = false;
        return later();
      }
      if (response.status === 403) return; // not a caseworker (any more): nothing to hear
      if (!response.ok || !response.body) return later();
      opened = true;
      failures = 0;
      renewed = false;
      publish({
        id: '',
        kind: 'live.connected',
        schoolId: '',
        incidentId: null,
        payload: {},
        createdAt: new Date().toISOString(),
      });
      await readSse(response.body, (message) => {
        if (message.id) lastEventId = message.id;
        try {
          publish(JSON.parse(message.data) as LiveEvent);
        } catch {
          // not an event of ours
        }
      });
    } catch {
      // network error, or stopped
    }
    if (opened) disconnected();
    if (stopped) return;
    // The server ends a stream when the access token expires or it restarts: come back soon.
    if (opened) {
      failures = 0;
      timer = window.setTimeout(() => void connect(), 500 + Math.random() * 1000);
    } else later();
  };

  void connect();
  return () => {
    stopped = true;
    window.clearTimeout(timer);
    controller?.abort();
    disconnected();
  };
}
