import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, InjectAppConfig, type AppConfig } from '@app/common';
import { CaseRecorder } from '@app/incidents';
import { DataSource } from 'typeorm';

interface DueAlert {
  id: string;
  incident_id: string;
  school_id: string;
}

/**
 * Critical alerts that nobody acknowledged within
 * `CRITICAL_ALERT_ESCALATION_MINUTES` (by the injected clock): e-mails the
 * school's administrators and the district's administrators through the
 * outbox, once per alert (`escalated_at`), with a timeline entry. Several
 * workers may run it at once: each alert is claimed with SKIP LOCKED.
 */
@Injectable()
export class AlertEscalation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly clock: Clock,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  /** Returns how many alerts it escalated. */
  scan(): Promise<number> {
    const now = this.clock.now();
    const minutes = this.config.CRITICAL_ALERT_ESCALATION_MINUTES;
    return this.dataSource.transaction(async (manager) => {
      const due = await manager.query<DueAlert[]>(
        `WITH due AS (
           UPDATE critical_alerts SET escalated_at = $1
            WHERE id IN (SELECT id FROM critical_alerts
                          WHERE acknowledged_at IS NULL AND escalated_at IS NULL
                            AND raised_at <= $1::timestamptz - make_interval(mins => $2)
                          ORDER BY raised_at LIMIT 100 FOR UPDATE SKIP LOCKED)
            RETURNING id, incident_id, school_id)
         SELECT id, incident_id, school_id FROM due`,
        [now, minutes],
      );
      for (const alert of due) {
        await this.recorder.record(manager, {
          incident: { id: alert.incident_id, schoolId: alert.school_id },
          actorId: null,
          event: {
            type: 'alert_escalated',
            visibility: 'internal',
            data: { alertId: alert.id, minutes },
          },
          notice: {
            type: 'alert_escalated',
            to: [{ kind: 'admins' }, { kind: 'district_admins' }],
            payload: { alertId: alert.id },
          },
        });
      }
      return due.length;
    });
  }
}
