import { MigrationInterface, QueryRunner } from 'typeorm';

/** Old dotted notice type, new name: the timeline event the notice announces. */
const RENAMED: [string, string][] = [
  ['incident.filed', 'filed'],
  ['incident.escalated', 'escalated'],
  ['incident.assigned', 'assigned'],
  ['incident.status_changed', 'status_changed'],
  ['incident.note_shared', 'shared_note'],
  ['incident.resolved', 'resolved'],
  ['message.posted', 'message_posted'],
  ['deadline.due_soon', 'deadline_reminder'],
  ['deadline.overdue', 'overdue_escalated'],
];

/**
 * Notice types are spelled like timeline event types (snake_case, named after
 * the event they announce). Renames them in the outbox (pending events are
 * rendered by type), the in-app notices and the family notice records.
 */
export class NoticeTypesNamedLikeTimelineEvents1796167655985 implements MigrationInterface {
  name = 'NoticeTypesNamedLikeTimelineEvents1796167655985';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await rename(queryRunner, RENAMED);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await rename(
      queryRunner,
      RENAMED.map(([before, after]) => [after, before]),
    );
  }
}

async function rename(queryRunner: QueryRunner, pairs: [string, string][]): Promise<void> {
  const parameters = [pairs.map(([before]) => before), pairs.map(([, after]) => after)];
  const renamed = (value: string) =>
    `(SELECT m.after FROM unnest($1::text[], $2::text[]) AS m(before, after) WHERE m.before = ${value})`;
  for (const table of ['outbox', 'notifications']) {
    await queryRunner.query(
      `UPDATE "${table}" SET type = ${renamed('type')} WHERE type = ANY($1)`,
      parameters,
    );
  }
  await queryRunner.query(
    `UPDATE incident_events SET data = jsonb_set(data, '{notice}', to_jsonb(${renamed("data->>'notice'")}))
      WHERE type = 'family_notified' AND data->>'notice' = ANY($1)`,
    parameters,
  );
}
