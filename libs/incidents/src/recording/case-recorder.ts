import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { OutboxService } from '@app/notifications';
import { EntityManager } from 'typeorm';
import { IncidentEvent, type EventVisibility } from '../entities/incident-event.entity';
import { NoticeRecipients, type RecipientRule } from './notice-recipients';

export interface CaseChange {
  incident: { id: string; schoolId: string };
  /** Null for the anonymous reporter and for the system. */
  actorId: string | null;
  /** The timeline entry. */
  event?: { type: string; visibility: EventVisibility; data?: Record<string, unknown> };
  /** The audit entry, e.g. `incident.triaged`. */
  audit?: { action: string; details?: Record<string, unknown> };
  /** The notice for the worker to deliver, e.g. `incident.resolved`, and who it is for. */
  notice?: {
    type: string;
    to: RecipientRule[];
    payload?: Record<string, unknown>;
    /** Who must not be told, when it is not the actor (a system event caused by someone). */
    exceptUserId?: string | null;
  };
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
    private readonly recipients: NoticeRecipients,
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
    if (change.notice) await this.notify(manager, incident, actorId, change.notice);
  }

  /**
   * Queues a notice with its recipients and the facts it will tell, resolved
   * now: the outbox row is the record of who was to be told, and when.
   */
  async notify(
    manager: EntityManager,
    incident: { id: string; schoolId: string },
    actorId: string | null,
    notice: NonNullable<CaseChange['notice']>,
  ): Promise<void> {
    const recipients = await this.recipients.resolve(
      manager,
      incident,
      notice.to,
      notice.exceptUserId ?? actorId,
    );
    if (recipients.length === 0) return;
    await this.outbox.enqueue(manager, {
      type: notice.type,
      schoolId: incident.schoolId,
      incidentId: incident.id,
      payload: {
        actorId,
        ...notice.payload,
        facts: { ...(await this.recipients.facts(manager, incident.id)), ...notice.payload },
        recipients,
      },
    });
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
