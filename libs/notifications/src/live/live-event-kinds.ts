/**
 * The kinds of live event (`GET /api/v1/events`, the SSE `event:` field):
 * enough for a queue to refresh and for the alert banner, never case text.
 */
export const LIVE_EVENT_KINDS = [
  'incident.filed',
  'incident.triaged',
  'incident.assigned',
  'incident.status_changed',
  'incident.severity_changed',
  'alert.raised',
  'alert.acknowledged',
  'alert.escalated',
] as const;
export type LiveEventKind = (typeof LIVE_EVENT_KINDS)[number];

/** The channel of `pg_notify` the trigger on `live_events` speaks on. */
export const LIVE_EVENTS_CHANNEL = 'live_events';

/** A live event as the stream sends it (`data:` of the SSE event). */
export interface LiveEventMessage {
  /** The bigserial id, as a string: the SSE `id:`. */
  id: string;
  kind: LiveEventKind;
  schoolId: string;
  incidentId: string | null;
  /** Ids and codes: `reference`, `status`, `severity`, `assigneeId`, `alertId`... */
  payload: Record<string, unknown>;
  createdAt: string;
}
