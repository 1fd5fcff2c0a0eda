import { DateTime } from 'luxon';
import type { User } from '@app/identity';
import type { Factory } from './support/factory';
import type { ApiClient } from './support/api-driver';
import { TestApp } from './support/test-app';

jest.setTimeout(60_000);

type World = Awaited<ReturnType<Factory['world']>>;
type Cast = keyof World['users'];

const inTwoWeeks = () => DateTime.now().setZone('America/New_York').plus({ days: 14 }).toISODate()!;

describe('moving a leaving caseworker’s open cases', () => {
  let t: TestApp;
  let world: World;
  let api: Record<Cast, ApiClient>;
  /** A second counselor of the school, who takes the cases over. */
  let successor: User;

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(sql, params);
    return rows[0].n;
  };
  const written = async () => ({
    events: await count('SELECT count(*)::int AS n FROM incident_events'),
    audit: await count('SELECT count(*)::int AS n FROM audit_log'),
    outbox: await count('SELECT count(*)::int AS n FROM outbox'),
    assigned: await count('SELECT count(*)::int AS n FROM incidents WHERE assignee_id = $1', [
      successor.id,
    ]),
  });
  const reassign = (who: Cast, fromId: string, body: Record<string, unknown>) =>
    api[who].post(`/users/${fromId}/reassign-cases`, {
      toUserId: successor.id,
      reason: 'Ms. Rivera left the school in December.',
      ...body,
    });
  /** A counselor of the school with open, resolved and closed cases, and a planned follow-up. */
  const leaver = async () => {
    const counselor = await t.factory.user('counselor', {
      district: world.district,
      schools: [world.school],
    });
    const open = [
      await t.factory.incident(world.school, { status: 'submitted', assigneeId: counselor.id }),
      await t.factory.incident(world.school, { status: 'triaged', assigneeId: counselor.id }),
      await t.factory.incident(world.school, { status: 'investigating', assigneeId: counselor.id }),
    ];
    const finished = [
      await t.factory.incident(world.school, { status: 'resolved', assigneeId: counselor.id }),
      await t.factory.incident(world.school, { status: 'closed', assigneeId: counselor.id }),
      await t.factory.incident(world.school, { status: 'dismissed', assigneeId: counselor.id }),
    ];
    const client = await t.signIn(counselor);
    const followUp = await client
      .post(`/incidents/${open[1].id}/actions`, {
        type: 'counseling_session',
        description: 'Check in after the holidays.',
        scheduledFor: inTwoWeeks(),
      })
      .expect(201);
    return { counselor, open, finished, followUpId: followUp.body.id as string };
  };

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    successor = await t.factory.user('counselor', {
      district: world.district,
      schools: [world.school],
    });
    api = await t.signInAll(world.users);
  });
  afterAll(() => t.close());

  it('moves every open case, not the finished ones, each with its own timeline event, audit row and notice', async () => {
    const { counselor, open, finished, followUpId } = await leaver();
    const response = await reassign('schoolAdmin', counselor.id, {}).expect(200);
    expect(response.body).toEqual({
      moved: 3,
      schoolId: world.school.id,
      cases: open.map((incident) => ({ id: incident.id, reference: incident.reference })),
      followUpsMoved: 1,
    });

    const assignees = await t.dataSource.query<
      { id: string; assignee_id: string; version: number }[]
    >('SELECT id, assignee_id, version FROM incidents WHERE id = ANY($1)', [
      [...open, ...finished].map((incident) => incident.id),
    ]);
    for (const row of assignees) {
      const wasOpen = open.some((incident) => incident.id === row.id);
      expect(row.assignee_id).toBe(wasOpen ? successor.id : counselor.id);
    }
    for (const incident of open) {
      const events = await t.dataSource.query<{ actor_id: string; data: object }[]>(
        `SELECT actor_id, data FROM incident_events WHERE incident_id = $1 AND type = 'assigned'`,
        [incident.id],
      );
      expect(events).toEqual([
        {
          actor_id: world.users.schoolAdmin.id,
          data: {
            assigneeId: successor.id,
            fromUserId: counselor.id,
            reason: 'Ms. Rivera left the school in December.',
            bulk: true,
          },
        },
      ]);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_log WHERE incident_id = $1 AND action = 'incident.assigned'`,
          [incident.id],
        ),
      ).toBe(1);
      const outbox = await t.dataSource.query<{ payload: { recipients: { userId: string }[] } }[]>(
        `SELECT payload FROM outbox WHERE incident_id = $1 AND type = 'assigned'`,
        [incident.id],
      );
      expect(outbox.map((row) => row.payload.recipients.map((r) => r.userId))).toEqual([
        [successor.id],
      ]);
    }
    for (const incident of finished) {
      expect(
        await count(
          `SELECT count(*)::int AS n FROM incident_events WHERE incident_id = $1 AND type = 'assigned'`,
          [incident.id],
        ),
      ).toBe(0);
    }
    const [followUp] = await t.dataSource.query<{ owner_id: string }[]>(
      'SELECT owner_id FROM incident_actions WHERE id = $1',
      [followUpId],
    );
    expect(followUp.owner_id).toBe(successor.id);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM incident_events WHERE type = 'follow_up_reassigned' AND data->>'actionId' = $1`,
        [followUpId],
      ),
    ).toBe(1);

    // Nothing left to move: a second request moves nothing.
    const again = await reassign('schoolAdmin', counselor.id, {}).expect(200);
    expect(again.body).toMatchObject({ moved: 0, cases: [], followUpsMoved: 0 });
  });

  it('lets a district admin move the cases of a school of their district', async () => {
    const { counselor } = await leaver();
    const response = await reassign('districtAdmin', counselor.id, {
      schoolId: world.school.id,
    }).expect(200);
    expect(response.body).toMatchObject({ moved: 3, followUpsMoved: 1 });
  });

  it('asks for the school when the leaver works at several, and moves only that school’s cases', async () => {
    const counselor = await t.factory.user('counselor', {
      district: world.district,
      schools: [world.school, world.sisterSchool],
    });
    const here = await t.factory.incident(world.school, {
      status: 'triaged',
      assigneeId: counselor.id,
    });
    const there = await t.factory.incident(world.sisterSchool, {
      status: 'triaged',
      assigneeId: counselor.id,
    });
    await reassign('districtAdmin', counselor.id, {}).expect(422);
    const response = await reassign('districtAdmin', counselor.id, {
      schoolId: world.school.id,
    }).expect(200);
    expect(response.body.cases).toEqual([{ id: here.id, reference: here.reference }]);
    const [row] = await t.dataSource.query<{ assignee_id: string }[]>(
      'SELECT assignee_id FROM incidents WHERE id = $1',
      [there.id],
    );
    expect(row.assignee_id).toBe(counselor.id);
  });

  it('refuses a new caseworker who is not a counselor or administrator of that school (422), moving nothing', async () => {
    const { counselor } = await leaver();
    const before = await written();
    for (const target of [
      world.users.staff,
      world.users.student,
      world.users.sisterAdmin,
      world.users.foreignAdmin,
      counselor,
    ]) {
      await reassign('schoolAdmin', counselor.id, { toUserId: target.id }).expect(422);
    }
    const disabled = await t.factory.user(
      'counselor',
      { district: world.district, schools: [world.school] },
      { disabled: true },
    );
    await reassign('schoolAdmin', counselor.id, { toUserId: disabled.id }).expect(422);
    await reassign('schoolAdmin', counselor.id, { reason: '' }).expect(400);
    await reassign('schoolAdmin', counselor.id, { toUserId: 'nope' }).expect(400);
    expect(await written()).toEqual(before);
  });

  it('answers 403 to counselors, staff, students and parents, and 404 out of reach, moving nothing', async () => {
    const { counselor } = await leaver();
    const before = await written();
    for (const who of ['counselor', 'staff', 'student', 'parent'] as const) {
      await reassign(who, counselor.id, {}).expect(403);
    }
    // Another school's admin, another district's admin, a school out of reach, an unknown person.
    await reassign('sisterAdmin', counselor.id, {}).expect(404);
    await reassign('foreignAdmin', counselor.id, {}).expect(404);
    await reassign('foreignDistrictAdmin', counselor.id, {}).expect(404);
    await reassign('schoolAdmin', counselor.id, { schoolId: world.sisterSchool.id }).expect(404);
    await reassign('schoolAdmin', '00000000-0000-4000-8000-000000000000', {}).expect(404);
    await t
      .anonymous()
      .post(`/users/${counselor.id}/reassign-cases`, { toUserId: successor.id, reason: 'x' })
      .expect(401);
    expect(await written()).toEqual(before);
  });
});
