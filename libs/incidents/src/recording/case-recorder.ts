import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { OutboxService } from '@app/notifications';
import { EntityManager } from 'typeorm';
import { IncidentEvent, type EventVisibility } from '../entities/incident-event.entity';

export interface CaseChange {
  incident: { id: string; schoolId: string };
  /** Null for the anonymous reporter and for the system. */
  actorId: string | null;
  /** The timeline entry. */
  event?: { type: string; visibility: EventVisibility; data?: Record<string, unknown> };
  /** The audit entry, e.g. `incident.triaged`. */
  audit?: { action: string; details?: Record<string, unknown> };
  /** The notice for the worker to deliver, e.g. `incident.resolved`. */
  notice?: { type: string; payload?: Record<string, unknown> };
}

/**
 * Writes everything that records a change to a case (timeline event, audit
 * entry, outbox notice) with the caller's transaction manager, so that the
 * change and its records commit together or not at all.
 */
@Injectable()
export class CaseRecorder {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async record(manager: EntityManager, change: CaseChange): Promise<void> {
    const { incident, actorId } = change;
    if (change.event) {
      const events = manager.getRepository(IncidentEvent);
      await events.save(
        events.create({
          incidentId: incident.id,
          schoolId: incident.schoolId,
          type: change.event.type,
          visibility: change.event.visibility,
          actorId,
          data: change.event.data ?? {},
        }),
      );
    }
    if (change.audit) {
      await this.audit.record(manager, {
        schoolId: incident.schoolId,
        incidentId: incident.id,
        actorId,
        action: change.audit.action,
        details: change.audit.details,
      });
    }
    if (change.notice) {
      await this.outbox.enqueue(manager, {
        type: change.notice.type,
        schoolId: incident.schoolId,
        incidentId: incident.id,
        payload: { actorId, ...change.notice.payload },
      });
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
