import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `family_notified` timeline entries were written once per recipient and
 * channel; now there is one entry per notice, listing its recipients and
 * their channels. Merges the old entries, keeping the earliest time.
 */
export class OneFamilyNoticeEntryPerNotice1796166900000 implements MigrationInterface {
  name = 'OneFamilyNoticeEntryPerNotice1796166900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `WITH old AS (
         DELETE FROM incident_events WHERE type = 'family_notified' AND data ? 'recipientId'
         RETURNING incident_id, school_id, created_at, data),
       per_recipient AS (
         SELECT incident_id, school_id, data->>'outboxId' AS outbox_id, data->>'notice' AS notice,
                data->>'recipientId' AS recipient_id, min(data->>'recipientName') AS recipient_name,
                jsonb_agg(DISTINCT data->>'channel' ORDER BY data->>'channel' DESC) AS channels,
                min(created_at) AS created_at
           FROM old
          GROUP BY incident_id, school_id, data->>'outboxId', data->>'notice', data->>'recipientId')
       INSERT INTO incident_events (incident_id, school_id, type, actor_id, visibility, data, created_at)
       SELECT incident_id, school_id, 'family_notified', NULL, 'internal',
              jsonb_build_object('notice', notice, 'outboxId', outbox_id, 'recipients',
                jsonb_agg(jsonb_build_object('recipientId', recipient_id, 'recipientName', recipient_name,
                                             'channels', channels)
                          ORDER BY recipient_name, recipient_id)),
              min(created_at)
         FROM per_recipient
        GROUP BY incident_id, school_id, outbox_id, notice`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `WITH merged AS (
         DELETE FROM incident_events WHERE type = 'family_notified' AND data ? 'recipients'
         RETURNING incident_id, school_id, created_at, data)
       INSERT INTO incident_events (incident_id, school_id, type, actor_id, visibility, data, created_at)
       SELECT incident_id, school_id, 'family_notified', NULL, 'internal',
              jsonb_build_object('recipientId', r->>'recipientId', 'recipientName', r->>'recipientName',
                                 'channel', channel, 'notice', data->>'notice', 'outboxId', data->>'outboxId'),
              created_at
         FROM merged, jsonb_array_elements(data->'recipients') AS r,
              jsonb_array_elements_text(r->'channels') AS channel`,
    );
  }
}
