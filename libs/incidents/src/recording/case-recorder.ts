import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { activeRecipientsSql } from '@app/identity';
import { EntityManager } from 'typeorm';
import type { NoticeType } from '@app/notifications';
import type { EventVisibility, TimelineEventType } from '../entities/incident-event.entity';
import { recipientCandidatesSql, type RecipientRule } from './notice-recipients';
import { SqlParams } from './sql-params';

export interface CaseChange {
  incident: { id: string; schoolId: string };
  /** Null for the anonymous reporter and for the system. */
  actorId: string | null;
  /** The timeline entry. */
  event?: { type: TimelineEventType; visibility: EventVisibility; data?: Record<string, unknown> };
  /** The audit entry, e.g. `incident.triaged`. */
  audit?: { action: string; details?: Record<string, unknown> };
  /** The notice for the worker to deliver, e.g. `resolved`, and who it is for. */
  notice?: {
    type: NoticeType;
    to: RecipientRule[];
    payload?: Record<string, unknown>;
    /** Who must not be told, when it is not the actor (a system event caused by someone). */
    exceptUserId?: string | null;
  };
}

/**
 * Writes everything that records a change to a case (timeline event, audit
 * entry, outbox notice) with the caller's transaction manager, so that the
 * change and its records commit together or not at all. It is one statement:
 * the notice's recipients and the facts it will tell are resolved inside
 * PostgreSQL, at that moment, and stored with the outbox row as the record of
 * who was to be told.
 */
@Injectable()
export class CaseRecorder {
  constructor(private readonly audit: AuditService) {}

  async record(manager: EntityManager, change: CaseChange): Promise<void> {
    const params = new SqlParams();
    const incident = params.add(change.incident.id);
    const school = params.add(change.incident.schoolId);
    const actor = `${params.add(change.actorId)}::uuid`;
    const writes: string[] = [];
    if (change.event) {
      writes.push(
        `INSERT INTO incident_events (incident_id, school_id, type, actor_id, visibility, data)
         VALUES (${incident}, ${school}, ${params.add(change.event.type)}, ${actor},
                 ${params.add(change.event.visibility)}, ${params.add(JSON.stringify(change.event.data ?? {}))})`,
      );
    }
    if (change.audit) {
      writes.push(
        `INSERT INTO audit_log (school_id, incident_id, actor_id, action, request_id, details)
         VALUES (${school}, ${incident}, ${actor}, ${params.add(change.audit.action)},
                 ${params.add(this.audit.currentRequestId())}, ${params.add(JSON.stringify(change.audit.details ?? {}))})`,
      );
    }
    const notice = change.notice;
    if (notice) writes.push(this.outboxInsert(notice, change.actorId, params, incident, school));
    if (writes.length === 0) return;
    const last = writes.pop()!;
    const ctes = writes.map((sql, i) => `w${i} AS (${sql})`);
    await manager.query(ctes.length ? `WITH ${ctes.join(',\n')}\n${last}` : last, params.values);
  }

  /** A staff member looked at a case or its evidence. */
  async read(
    manager: EntityManager,
    incident: { id: string; schoolId: string },
    actorId: string,
    action: string,
    details?: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(manager, {
      schoolId: incident.schoolId,
      incidentId: incident.id,
      actorId,
      action,
      details,
    });
  }

  private outboxInsert(
    notice: NonNullable<CaseChange['notice']>,
    actorId: string | null,
    params: SqlParams,
    incident: string,
    school: string,
  ): string {
    const candidates = recipientCandidatesSql(notice.to, params, incident, school);
    const except = `${params.add(notice.exceptUserId ?? actorId)}::uuid`;
    const payload = params.add(JSON.stringify({ actorId, ...notice.payload }));
    const factsExtra = params.add(JSON.stringify(notice.payload ?? {}));
    return `INSERT INTO outbox (type, school_id, incident_id, payload)
      SELECT ${params.add(notice.type)}, ${school}, ${incident},
             ${payload}::jsonb || jsonb_build_object(
               'facts', (SELECT jsonb_build_object('reference', i.reference, 'schoolName', s.name,
                                                   'category', i.category, 'location', i.location, 'status', i.status)
                           FROM incidents i JOIN schools s ON s.id = i.school_id WHERE i.id = ${incident})
                        || ${factsExtra}::jsonb,
               'recipients', recipients.list)
        FROM (${activeRecipientsSql(candidates, except)}) AS recipients
       WHERE recipients.list IS NOT NULL`;
  }
}
