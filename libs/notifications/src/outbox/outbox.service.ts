import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

export interface OutboxEntry {
  type: string;
  schoolId: string;
  incidentId?: string | null;
  payload?: Record<string, unknown>;
}

@Injectable()
export class OutboxService {
  /** Queues a notice inside the caller's transaction: it exists only if the change commits. */
  async enqueue(manager: EntityManager, entry: OutboxEntry): Promise<void> {
    const outbox = manager.getRepository(OutboxMessage);
    await outbox.save(
      outbox.create({
        type: entry.type,
        schoolId: entry.schoolId,
        incidentId: entry.incidentId ?? null,
        payload: entry.payload ?? {},
      }),
    );
  }
}
