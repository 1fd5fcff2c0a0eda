import { randomUUID } from 'node:crypto';
import { OneFamilyNoticeEntryPerNotice1796166900000 as Migration } from '../migrations/1796166900000-OneFamilyNoticeEntryPerNotice';
import { NoticeTypesNamedLikeTimelineEvents1796167655985 as Renaming } from '../migrations/1796167655985-NoticeTypesNamedLikeTimelineEvents';
import { TestApp } from './support/test-app';

jest.setTimeout(60_000);

describe('data migrations of notices', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ WORKER_IN_PROCESS: 'false' });
  });
  afterAll(() => t.close());

  const run = async (
    direction: 'up' | 'down',
    migration: Migration | Renaming = new Migration(),
  ) => {
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration[direction](runner);
    } finally {
      await runner.release();
    }
  };
  const entries = (incidentId: string) =>
    t.dataSource.query<{ data: Record<string, unknown>; created_at: Date }[]>(
      `SELECT data, created_at FROM incident_events
        WHERE incident_id = $1 AND type = 'family_notified' ORDER BY created_at, data::text`,
      [incidentId],
    );

  it('merges the entries written per recipient and channel, and splits them back', async () => {
    const { school, users } = await t.factory.world();
    const [incident] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO incidents (school_id, district_id, reference, reporter_id, reporter_kind, category,
                              location, occurred_at, description, status, triage_due_at, resolve_due_at)
       SELECT id, district_id, 'MIG-' || id, $2, 'student', 'verbal', 'bus', now(),
              'A report written before the merge.', 'triaged', now(), now() FROM schools WHERE id = $1
       RETURNING id`,
      [school.id, users.student.id],
    );
    const [first, second] = [randomUUID(), randomUUID()];
    const old = (
      outboxId: string,
      notice: string,
      who: 'student' | 'parent',
      channel: string,
      minute: number,
    ) => [
      incident.id,
      school.id,
      JSON.stringify({
        recipientId: users[who].id,
        recipientName: users[who].displayName,
        channel,
        notice,
        outboxId,
      }),
      new Date(Date.UTC(2026, 10, 2, 9, minute)),
    ];
    for (const row of [
      old(first, 'incident.status_changed', 'student', 'in_app', 0),
      old(first, 'incident.status_changed', 'parent', 'in_app', 0),
      old(first, 'incident.status_changed', 'parent', 'email', 1),
      old(second, 'incident.resolved', 'parent', 'in_app', 5),
    ]) {
      await t.dataSource.query(
        `INSERT INTO incident_events (incident_id, school_id, type, actor_id, visibility, data, created_at)
         VALUES ($1, $2, 'family_notified', NULL, 'internal', $3, $4)`,
        row,
      );
    }
    const before = await entries(incident.id);

    await run('up');

    const recipient = (who: 'student' | 'parent', channels: string[]) => ({
      recipientId: users[who].id,
      recipientName: users[who].displayName,
      channels,
    });
    const byName = <T extends { recipientName: string }>(list: T[]) =>
      [...list].sort((a, b) => a.recipientName.localeCompare(b.recipientName));
    const merged = await entries(incident.id);
    expect(merged).toEqual([
      {
        created_at: new Date(Date.UTC(2026, 10, 2, 9, 0)),
        data: {
          notice: 'incident.status_changed',
          outboxId: first,
          recipients: byName([
            recipient('student', ['in_app']),
            recipient('parent', ['in_app', 'email']),
          ]),
        },
      },
      {
        created_at: new Date(Date.UTC(2026, 10, 2, 9, 5)),
        data: {
          notice: 'incident.resolved',
          outboxId: second,
          recipients: [recipient('parent', ['in_app'])],
        },
      },
    ]);

    await run('down');
    expect(
      (await entries(incident.id))
        .map((entry) => entry.data)
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual(
      before
        .map((entry) => entry.data)
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
  });

  it('renames dotted notice types in the outbox, the in-app notices and the family records, and back', async () => {
    const { school, users } = await t.factory.world();
    const [outbox] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO outbox (type, school_id, payload) VALUES ('incident.note_shared', $1, '{}') RETURNING id`,
      [school.id],
    );
    await t.dataSource.query(
      `INSERT INTO notifications (user_id, outbox_id, type, title, body)
       VALUES ($1, $2, 'deadline.overdue', 'Overdue', 'Report is overdue')`,
      [users.schoolAdmin.id, outbox.id],
    );
    const [incident] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO incidents (school_id, district_id, reference, reporter_id, reporter_kind, category,
                              location, occurred_at, description, status, triage_due_at, resolve_due_at)
       SELECT id, district_id, 'REN-' || id, $2, 'student', 'verbal', 'bus', now(),
              'A report written before the renaming.', 'triaged', now(), now() FROM schools WHERE id = $1
       RETURNING id`,
      [school.id, users.student.id],
    );
    await t.dataSource.query(
      `INSERT INTO incident_events (incident_id, school_id, type, visibility, data)
       VALUES ($1, $2, 'family_notified', 'internal', $3)`,
      [
        incident.id,
        school.id,
        JSON.stringify({ notice: 'message.posted', outboxId: outbox.id, recipients: [] }),
      ],
    );
    const stored = async () => ({
      outbox: (
        await t.dataSource.query<{ type: string }[]>('SELECT type FROM outbox WHERE id = $1', [
          outbox.id,
        ])
      )[0].type,
      notification: (
        await t.dataSource.query<{ type: string }[]>(
          'SELECT type FROM notifications WHERE outbox_id = $1',
          [outbox.id],
        )
      )[0].type,
      record: (
        await t.dataSource.query<{ notice: string }[]>(
          `SELECT data->>'notice' AS notice FROM incident_events WHERE incident_id = $1`,
          [incident.id],
        )
      )[0].notice,
    });

    await run('up', new Renaming());
    await expect(stored()).resolves.toEqual({
      outbox: 'shared_note',
      notification: 'overdue_escalated',
      record: 'message_posted',
    });

    await run('down', new Renaming());
    await expect(stored()).resolves.toEqual({
      outbox: 'incident.note_shared',
      notification: 'deadline.overdue',
      record: 'message.posted',
    });
  });
});
