/**
 * The live events of the signed-in caseworker's schools, as `LiveProvider`
 * reads them from `GET /api/v1/events`: pages listen with `useLiveEvents`.
 * Kept tiny and free of the stream code, which loads for staff only.
 */

export type LiveEventKind =
  | 'incident.filed'
  | 'incident.triaged'
  | 'incident.assigned'
  | 'incident.status_changed'
  | 'incident.severity_changed'
  | 'alert.raised'
  | 'alert.acknowledged'
  | 'alert.escalated'
  /**
   * Not from the server: the stream (re)connected. Events older than the
   * catch-up window may have been missed: reload what the page shows.
   */
  | 'live.connected';

export interface LiveEvent {
  /** The SSE id (increasing); empty for `live.connected`. */
  id: string;
  kind: LiveEventKind;
  schoolId: string;
  incidentId: string | null;
  /** Ids and codes only: `reference`, `status`, `severity`, `assigneeId`, `alertId`... */
  payload: Record<string, unknown>;
  createdAt: string;
}

export type LiveHandler = (event: LiveEvent) => void;

const handlers = new Set<LiveHandler>();
let connected = false;

export function listen(handler: LiveHandler): () => void {
  handlers.add(handler);
  return () => {
    handlers.delete(handler);
  };
}

export function publish(event: LiveEvent): void {
  if (event.kind === 'live.connected') connected = true;
  for (const handler of [...handlers]) {
    try {
      handler(event);
    } catch (error) {
      // One page's failing handler must not keep the event from the others (nor stop the stream).
      setTimeout(() => {
        throw error;
      });
    }
  }
}

export function disconnected(): void {
  connected = false;
}

/** Whether the stream is open now. */
export function isLiveConnected(): boolean {
  return connected;
}
