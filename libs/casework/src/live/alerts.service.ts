import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@app/common';
import { Permission, scopeOf, type Principal } from '@app/identity';
import { CaseRecorder, IncidentAccessService } from '@app/incidents';
import { DataSource, EntityManager } from 'typeorm';

/** A critical alert as staff read it. */
export interface AlertView {
  id: string;
  incidentId: string;
  schoolId: string;
  /** The case reference, e.g. `MAPLE-2026-00042`. */
  reference: string;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: { id: string; displayName: string } | null;
  /** When the worker e-mailed the administrators because nobody acknowledged it. */
  escalatedAt: Date | null;
}

interface AlertRow {
  id: string;
  incident_id: string;
  school_id: string;
  reference: string;
  raised_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_id: string | null;
  acknowledged_by_name: string | null;
  escalated_at: Date | null;
}

const ALERT_COLUMNS = `a.id, a.incident_id, a.school_id, i.reference, a.raised_at, a.acknowledged_at,
  a.acknowledged_by_id, u.display_name AS acknowledged_by_name, a.escalated_at`;
const ALERT_FROM = `critical_alerts a JOIN incidents i ON i.id = a.incident_id
  LEFT JOIN users u ON u.id = a.acknowledged_by_id`;

const view = (row: AlertRow): AlertView => ({
  id: row.id,
  incidentId: row.incident_id,
  schoolId: row.school_id,
  reference: row.reference,
  raisedAt: row.raised_at,
  acknowledgedAt: row.acknowledged_at,
  acknowledgedBy: row.acknowledged_by_id
    ? { id: row.acknowledged_by_id, displayName: row.acknowledged_by_name ?? '' }
    : null,
  escalatedAt: row.escalated_at,
});

/** At most this many open alerts are listed (oldest first). */
export const OPEN_ALERTS_LIMIT = 100;

/**
 * Critical alerts: the open ones of the caller's schools, and acknowledging
 * one (who and when, on the timeline and in the audit, in one transaction).
 * Alerts are raised by the case recorder when a case becomes critical.
 */
@Injectable()
export class AlertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccessService,
    private readonly recorder: CaseRecorder,
  ) {}

  /** The unacknowledged alerts of the caller's schools, oldest first. */
  async open(principal: Principal): Promise<AlertView[]> {
    const schoolIds = scopeOf(principal).schoolIds;
    if (schoolIds.length === 0) return [];
    const rows = await this.dataSource.query<AlertRow[]>(
      `SELECT ${ALERT_COLUMNS} FROM ${ALERT_FROM}
        WHERE a.school_id = ANY($1) AND a.acknowledged_at IS NULL
        ORDER BY a.raised_at, a.id LIMIT $2`,
      [[...schoolIds], OPEN_ALERTS_LIMIT],
    );
    return rows.map(view);
  }

  /**
   * Acknowledges the case's open alert. When it has none open but was
   * alerted before, answers its latest alert as it is (acknowledging twice is
   * harmless: the first acknowledgement stands); 404 when the case never had one.
   */
  acknowledge(principal: Principal, incidentId: string): Promise<AlertView> {
    return this.dataSource.transaction(async (manager) => {
      const { incident } = await this.access.require({
        principal,
        permission: Permission.AlertAcknowledge,
        incidentId,
        manager,
      });
      const [acknowledged] = await manager.query<{ id: string }[]>(
        `WITH acknowledged AS (
           UPDATE critical_alerts SET acknowledged_at = now(), acknowledged_by_id = $2
            WHERE incident_id = $1 AND acknowledged_at IS NULL RETURNING id)
         SELECT id FROM acknowledged`,
        [incident.id, principal.id],
      );
      if (acknowledged) {
        await this.recorder.record(manager, {
          incident,
          actorId: principal.id,
          event: {
            type: 'alert_acknowledged',
            visibility: 'internal',
            data: { alertId: acknowledged.id, acknowledgedById: principal.id },
          },
          audit: { action: 'incident.alert_acknowledged', details: { alertId: acknowledged.id } },
        });
      }
      const latest = await this.latest(manager, incident.id);
      if (!latest) throw new NotFoundError('This incident has no critical alert');
      return latest;
    });
  }

  private async latest(manager: EntityManager, incidentId: string): Promise<AlertView | null> {
    const [row] = await manager.query<AlertRow[]>(
      `SELECT ${ALERT_COLUMNS} FROM ${ALERT_FROM}
        WHERE a.incident_id = $1 ORDER BY a.raised_at DESC, a.id DESC LIMIT 1`,
      [incidentId],
    );
    return row ? view(row) : null;
  }
}
