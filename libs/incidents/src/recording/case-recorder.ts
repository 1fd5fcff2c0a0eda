import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { SqlParams } from '@app/database';
import {
  liveEventWrites,
  outboxInsertSql,
  raisesCriticalAlert,
  type Notice,
} from '@app/notifications';
import { EntityManager } from 'typeorm';
import type { EventVisibility, TimelineEventType } from '../entities/incident-event.entity';
import { OnCallAlerts } from '../after-hours/on-call-alerts';
import { caseFactsSql, recipientsSql, type RecipientRule } from './notice-recipients';

export interface CaseChange {
  /** With its severity before the change, when known (a case becoming critical raises an alert). */
  incident: { id: string; schoolId: string; severity?: string | null };
  /** Null for the anonymous reporter and for the system. */
  actorId: string | null;
  /** The timeline entry. */
  event?: { type: TimelineEventType; visibility: EventVisibility; data?: Record<string, unknown> };
  /** The audit entry, e.g. `incident.triaged`. */
  audit?: { action: string; details?: Record<string, unknown> };
  /** The notice for the worker to deliver, e.g. `resolved`, and who it is for. */
  notice?: Notice & {
    to: RecipientRule[];
    /** Who must not be told, when it is not the actor (a system event caused by someone). */
    exceptUserId?: string | null;
  };
}

/**
 * Writes everything that records a change to a case (timeline event, audit
 * entry, outbox notice) with the caller's transaction manager, so that the
 * change and its records commit together or not at all. It is one statement:
 * the notice's recipients (by the rules of `notice-recipients.ts`) and the
 * facts it will tell are resolved inside PostgreSQL, at that moment, and
 * stored with the outbox row (shaped by `@app/notifications`) as the record
 * of who was to be told. The timeline event is also announced to the
 * school's staff on the live stream (`live_events`, and the critical alert
 * when the case becomes critical) in the same statement.
 */
@Injectable()
export class CaseRecorder {
  constructor(
    private readonly audit: AuditService,
    private readonly onCall: OnCallAlerts,
  ) {}

  async record(manager: EntityManager, change: CaseChange): Promise<void> {
    const params = new SqlParams();
    const incident = params.add(change.incident.id);
    const school = params.add(change.incident.schoolId);
    const actor = `${params.add(change.actorId)}::uuid`;
    const writes: string[] = [];
    const live = change.event
      ? liveEventWrites({
          params,
          incident,
          school,
          type: change.event.type,
          data: change.event.data ?? {},
          previousSeverity: change.incident.severity,
        })
      : [];
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
    if (notice) {
      writes.push(
        outboxInsertSql(notice, {
          params,
          school,
          incident,
          actorId: change.actorId,
          caseFacts: caseFactsSql(incident),
          recipients: recipientsSql(notice.to, params, incident, school, {
            except: notice.exceptUserId ?? change.actorId,
          }),
        }),
      );
    }
    const named = [...writes.map((sql, i) => ({ name: `w${i}`, sql })), ...live];
    if (named.length === 0) return;
    const last = named.pop()!.sql;
    const ctes = named.map(({ name, sql }) => `${name} AS (${sql})`);
    await manager.query(ctes.length ? `WITH ${ctes.join(',\n')}\n${last}` : last, params.values);
    // The moment a case becomes critical (filed critical, a dangerous message,
    // triage): while the school is closed, its on-call contacts are e-mailed.
    if (
      change.event &&
      raisesCriticalAlert({
        type: change.event.type,
        data: change.event.data ?? {},
        previousSeverity: change.incident.severity,
      })
    ) {
      await this.onCall.caseBecameCritical(manager, change.incident);
    }
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
}
