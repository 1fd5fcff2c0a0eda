import { Injectable } from '@nestjs/common';
import { SqlParams } from '@app/database';
import { addressedOutboxInsertSql } from '@app/notifications';
import type { EntityManager } from 'typeorm';
import { caseFactsSql } from '../recording/notice-recipients';
import { HelpService } from './help';

/**
 * When a case becomes critical while its school is closed, the school's
 * on-call contacts (plain addresses) are e-mailed through the outbox
 * (`after_hours_critical`: the reference and the case link, never the
 * report's text or names) and the staff timeline says so. Called by
 * `CaseRecorder.record` for every change that raises the critical alert
 * (a report filed critical, a message or triage that makes a case critical),
 * with the same transaction. Once per case and closed period.
 */
@Injectable()
export class OnCallAlerts {
  constructor(private readonly help: HelpService) {}

  async caseBecameCritical(
    manager: EntityManager,
    incident: { id: string; schoolId: string },
  ): Promise<void> {
    const facts = await this.help.facts(manager, incident.schoolId);
    if (facts.help.openNow || facts.onCallContacts.length === 0) return;
    const opensAt = facts.help.nextOpensAt?.toISOString() ?? null;
    const [already] = await manager.query<unknown[]>(
      `SELECT 1 FROM incident_events
        WHERE incident_id = $1 AND type = 'after_hours_critical'
          AND data->>'opensAt' IS NOT DISTINCT FROM $2
        LIMIT 1`,
      [incident.id, opensAt],
    );
    if (already) return;
    const params = new SqlParams();
    const incidentParam = params.add(incident.id);
    const school = params.add(incident.schoolId);
    const addresses = facts.onCallContacts.map(({ name, email }) => ({ name, email }));
    const outbox = addressedOutboxInsertSql(
      { type: 'after_hours_critical', addresses },
      {
        params,
        school,
        incident: incidentParam,
        actorId: null,
        caseFacts: caseFactsSql(incidentParam),
      },
    );
    await manager.query(
      `WITH queued AS (${outbox})
       INSERT INTO incident_events (incident_id, school_id, type, actor_id, visibility, data)
       VALUES (${incidentParam}, ${school}, 'after_hours_critical', NULL, 'internal',
               ${params.add(JSON.stringify({ onCallContacts: addresses, opensAt }))})`,
      params.values,
    );
  }
}
