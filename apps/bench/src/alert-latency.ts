import { readSse } from '@app/common';

/** The promise: a critical report is on every caseworker's screen within 2 seconds. */
export const ALERT_TARGET_MS = 2_000;
/** Longer than this and the alert counts as never arrived. */
const GIVE_UP_MS = 10_000;

export interface AlertLatency {
  /** Milliseconds from sending the report until both screens had its alert, in filing order. */
  samples: number[];
  /** Reports whose alert did not reach both screens within 10 s. */
  missed: number;
}

interface Listener {
  arrivals: Map<string, number>;
  close: () => void;
}

/**
 * Opens one caseworker's live stream on each API process, files `count`
 * critical reports through the APIs in turn (one at a time), and measures how
 * long each report's `alert.raised` takes to reach both streams, whichever
 * process it was filed on: the PostgreSQL LISTEN/NOTIFY fan-out end to end.
 */
export async function measureAlertLatency(
  streams: { api: string; token: string }[],
  filing: { api: string; token: string; schoolId: string }[],
  count: number,
): Promise<AlertLatency> {
  const listeners = await Promise.all(streams.map(({ api, token }) => listen(api, token)));
  const samples: number[] = [];
  let missed = 0;
  try {
    for (let i = 0; i < count; i += 1) {
      const { api, token, schoolId } = filing[i % filing.length];
      const sentAt = performance.now();
      const incidentId = await fileCritical(api, token, schoolId, i);
      const reachedAll = await waitUntil(
        () => listeners.every((listener) => listener.arrivals.has(incidentId)),
        GIVE_UP_MS,
      );
      if (!reachedAll) {
        missed += 1;
        continue;
      }
      samples.push(Math.max(...listeners.map((l) => l.arrivals.get(incidentId)!)) - sentAt);
    }
  } finally {
    for (const listener of listeners) listener.close();
  }
  return { samples, missed };
}

/** The value below which `share` of the sorted samples fall. */
export function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? NaN;
}

async function listen(api: string, token: string): Promise<Listener> {
  const controller = new AbortController();
  const response = await fetch(`${api}/api/v1/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  if (!response.ok || !response.body)
    throw new Error(`the live stream answered ${response.status}`);
  const arrivals = new Map<string, number>();
  void readSse(response.body, (message) => {
    if (message.event !== 'alert.raised') return;
    const { incidentId } = JSON.parse(message.data) as { incidentId: string };
    if (!arrivals.has(incidentId)) arrivals.set(incidentId, performance.now());
  }).catch(() => undefined); // closed at the end
  return { arrivals, close: () => controller.abort() };
}

async function fileCritical(api: string, token: string, schoolId: string, n: number) {
  const response = await fetch(`${api}/api/v1/incidents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      schoolId,
      category: 'threat',
      location: 'hallway',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      description: `Alert latency check ${n}: someone is in danger in the hallway right now.`,
      urgent: true,
    }),
  });
  if (response.status !== 201)
    throw new Error(`filing a critical report answered ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}
