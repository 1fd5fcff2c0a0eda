import type { SqlParams } from '@app/database';
import type { LiveEventKind } from './live-event-kinds';

/** One write of the statement that records a case change: a named CTE, or the last statement. */
export interface NamedWrite {
  name: string;
  sql: string;
}

/** The change a timeline event records, as the live stream needs to know it. */
export interface LiveChange {
  params: SqlParams;
  /** Placeholders of the case and its school. */
  incident: string;
  school: string;
  /** The timeline event's type (`TimelineEventType` of `@app/incidents`). */
  type: string;
  data: Record<string, unknown>;
  /** The case's severity before this change, when the writer knows it. */
  previousSeverity?: string | null;
}

type Announcement = { kind: LiveEventKind; payload: Record<string, unknown> };

const pick = (data: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(keys.filter((key) => data[key] !== undefined).map((key) => [key, data[key]]));

/**
 * Which timeline events the staff's screens hear of, and what they are told:
 * ids and codes only, never the text of a case (notes, summaries, reasons).
 */
const ANNOUNCEMENTS: Record<string, (data: Record<string, unknown>) => Announcement> = {
  filed: (data) => ({ kind: 'incident.filed', payload: pick(data, 'reference') }),
  escalated: () => ({ kind: 'incident.severity_changed', payload: { severity: 'critical' } }),
  triaged: (data) => ({ kind: 'incident.triaged', payload: pick(data, 'severity', 'category') }),
  assigned: (data) => ({ kind: 'incident.assigned', payload: pick(data, 'assigneeId') }),
  status_changed: (data) => ({
    kind: 'incident.status_changed',
    payload: { from: data.from, status: data.to },
  }),
  resolved: () => ({ kind: 'incident.status_changed', payload: { status: 'resolved' } }),
  alert_acknowledged: (data) => ({
    kind: 'alert.acknowledged',
    payload: pick(data, 'alertId', 'acknowledgedById'),
  }),
  alert_escalated: (data) => ({ kind: 'alert.escalated', payload: pick(data, 'alertId') }),
  severity_changed: (data) => ({
    kind: 'incident.severity_changed',
    payload: { from: data.from, severity: data.to },
  }),
};

/** Whether this change makes the case critical: it raises the school's critical alert. */
export function raisesCriticalAlert(change: Omit<LiveChange, 'params' | 'incident' | 'school'>) {
  if (change.type === 'escalated') return true;
  // Staff set the severity at triage (`severity`) or change it afterwards (`to`).
  const severity =
    change.type === 'triaged'
      ? change.data.severity
      : change.type === 'severity_changed'
        ? change.data.to
        : undefined;
  return severity === 'critical' && change.previousSeverity !== 'critical';
}

/**
 * The writes that announce a case change live, to embed in the statement
 * that records it (so they commit with it, and the trigger's NOTIFY goes out
 * on that commit): the `live_events` row of the timeline event, and when the
 * case becomes critical, its alert (one open alert per case) with its own
 * `alert.raised` event. Empty for events the screens do not need.
 */
export function liveEventWrites(change: LiveChange): NamedWrite[] {
  const { params, incident, school } = change;
  const writes: NamedWrite[] = [];
  const announce = ANNOUNCEMENTS[change.type];
  if (announce) {
    const { kind, payload } = announce(change.data);
    writes.push({
      name: 'live_event',
      sql: `INSERT INTO live_events (school_id, kind, incident_id, payload)
            VALUES (${school}, ${params.add(kind)}, ${incident}, ${params.add(JSON.stringify(payload))})`,
    });
  }
  if (raisesCriticalAlert(change)) {
    writes.push(
      {
        name: 'raised_alert',
        sql: `INSERT INTO critical_alerts (incident_id, school_id) VALUES (${incident}, ${school})
              ON CONFLICT (incident_id) WHERE acknowledged_at IS NULL DO NOTHING
              RETURNING id, raised_at`,
      },
      {
        name: 'alert_event',
        sql: `INSERT INTO live_events (school_id, kind, incident_id, payload)
              SELECT ${school}, 'alert.raised', ${incident},
                     jsonb_build_object('alertId', a.id, 'reference', i.reference, 'raisedAt', a.raised_at)
                FROM raised_alert a JOIN incidents i ON i.id = ${incident}`,
      },
    );
  }
  return writes;
}
