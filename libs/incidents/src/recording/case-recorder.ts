import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IncidentEvent, type EventVisibility } from '../entities/incident-event.entity';

export interface CaseEvent {
  incident: { id: string; schoolId: string };
  type: string;
  visibility: EventVisibility;
  actorId: string | null;
  data?: Record<string, unknown>;
}

/**
 * Writes what happened to a case, always with the caller's transaction
 * manager, so the change and its record commit together or not at all.
 */
@Injectable()
export class CaseRecorder {
  async event(manager: EntityManager, event: CaseEvent): Promise<void> {
    const events = manager.getRepository(IncidentEvent);
    await events.save(
      events.create({
        incidentId: event.incident.id,
        schoolId: event.incident.schoolId,
        type: event.type,
        visibility: event.visibility,
        actorId: event.actorId,
        data: event.data ?? {},
      }),
    );
  }
}
