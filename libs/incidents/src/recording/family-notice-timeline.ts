import { Injectable } from '@nestjs/common';
import { FamilyNoticeRecorder, type FamilyNotice } from '@app/notifications';
import type { EntityManager } from 'typeorm';

/**
 * The law asks schools to show when parents were informed: every notice that
 * reaches a family is written on the case timeline (for staff) as one
 * `family_notified` entry listing its recipients and their channels.
 * Delivery reports through the `FamilyNoticeRecorder` token this binds.
 */
@Injectable()
export class FamilyNoticeTimeline implements FamilyNoticeRecorder {
  async delivered(manager: EntityManager, notice: FamilyNotice): Promise<void> {
    await manager.query(
      `INSERT INTO incident_events (incident_id, school_id, type, actor_id, visibility, data)
       VALUES ($1, $2, 'family_notified', NULL, 'internal', $3)`,
      [
        notice.incidentId,
        notice.schoolId,
        JSON.stringify({
          notice: notice.type,
          outboxId: notice.outboxId,
          recipients: notice.recipients,
        }),
      ],
    );
  }

  /** Adds the e-mail channel for one recipient to the notice's entry (the one change ever made to a timeline entry). */
  async emailed(
    manager: EntityManager,
    delivery: { incidentId: string; outboxId: string; userId: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE incident_events
          SET data = jsonb_set(data, '{recipients}', (
                SELECT jsonb_agg(CASE WHEN r ->> 'recipientId' = $3 AND NOT (r -> 'channels') ? 'email'
                                      THEN jsonb_set(r, '{channels}', (r -> 'channels') || '"email"'::jsonb)
                                      ELSE r END ORDER BY n)
                  FROM jsonb_array_elements(data -> 'recipients') WITH ORDINALITY AS x(r, n)))
        WHERE incident_id = $1 AND type = 'family_notified' AND data ->> 'outboxId' = $2`,
      [delivery.incidentId, delivery.outboxId, delivery.userId],
    );
  }
}
