import { readSse } from '@app/common';

/** One server-sent event as the stream sent it (`event` is `message` when it named none). */
export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

export interface SseStream {
  response: Response;
  events: SseEvent[];
  /** Comment lines (`: heartbeat`) seen so far. */
  comments: string[];
  /** Whether the server ended the stream. */
  ended: () => boolean;
  /** The first event (from the start) that matches, waiting up to `timeoutMs`. */
  waitFor(match: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

/**
 * Opens `GET url` as a browser's fetch streaming would (bearer header, no
 * EventSource) and parses the server-sent events as they come.
 */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  let ended = false;
  let wake: (() => void)[] = [];
  const notify = () => {
    const waiting = wake;
    wake = [];
    for (const resolve of waiting) resolve();
  };
  if (response.ok && response.body) {
    void readSse(
      response.body,
      (message) => {
        events.push({ id: message.id, event: message.event, data: message.data });
        notify();
      },
      (comment) => {
        comments.push(comment);
        notify();
      },
    )
      .catch(() => undefined) // aborted
      .finally(() => {
        ended = true;
        notify();
      });
  } else {
    ended = true;
  }
  return {
    response,
    events,
    comments,
    ended: () => ended,
    async waitFor(match, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        if (ended) throw new Error('the stream ended');
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('timed out waiting for a live event');
        await new Promise<void>((resolve) => {
          wake.push(resolve);
          setTimeout(resolve, left).unref();
        });
      }
    },
    close: () => controller.abort(),
  };
}
