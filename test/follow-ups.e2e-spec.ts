import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import { FollowUpReminders } from '@app/casework';
import { Clock, parseEnvironment } from '@app/common';
import { EmailSender, OutboxDispatcher } from '@app/notifications';
import { startWorker } from '@app/worker';
import type { Factory } from './support/factory';
import type { ApiClient } from './support/api-driver';
import { TestApp } from './support/test-app';

jest.setTimeout(60_000);

type World = Awaited<ReturnType<Factory['world']>>;
type Cast = keyof World['users'];

interface FollowUpBody {
  id: string;
  type: string;
  description: string;
  status: 'planned' | 'done' | 'cancelled';
  scheduledFor: string;
  owner: { id: string; displayName: string };
  takenAt: string | null;
  remindedAt: string | null;
  cancelReason: string | null;
}

const ZONE = 'America/New_York'; // the factory's schools
/** The school's calendar day `days` from now. */
const day = (days: number) => DateTime.now().setZone(ZONE).plus({ days }).toISODate()!;
/** `hh:mm` of a school day, as an instant. */
const at = (isoDay: string, time: string) =>
  DateTime.fromISO(`${isoDay}T${time}`, { zone: ZONE }).toJSDate();

describe('planned follow-ups', () => {
  let t: TestApp;
  let world: World;
  let api: Record<Cast, ApiClient>;
  /** The real worker, its loops idle (long intervals): tests run its jobs with a fixed clock. */
  let worker: INestApplicationContext;
  let dataDir: string;

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(sql, params);
    return rows[0].n;
  };
  /** Rows a refused request must not add. */
  const written = async () => ({
    actions: await count('SELECT count(*)::int AS n FROM incident_actions'),
    events: await count('SELECT count(*)::int AS n FROM incident_events'),
    audit: await count('SELECT count(*)::int AS n FROM audit_log'),
  });
  const newCase = async () => (await t.factory.incident(world.school, { status: 'triaged' })).id;
  const plan = (who: Cast, incidentId: string, body: Record<string, unknown>) =>
    api[who].post(`/incidents/${incidentId}/actions`, {
      type: 'counseling_session',
      description: 'Check in with the student about recess.',
      ...body,
    });
  const planned = async (incidentId: string, body: Record<string, unknown> = {}) =>
    (await plan('counselor', incidentId, { scheduledFor: day(14), ...body }).expect(201))
      .body as FollowUpBody;
  const events = (incidentId: string, type: string) =>
    t.dataSource.query<{ actor_id: string | null; data: Record<string, unknown> }[]>(
      'SELECT actor_id, data FROM incident_events WHERE incident_id = $1 AND type = $2',
      [incidentId, type],
    );
  const audits = (incidentId: string, action: string) =>
    t.dataSource.query<{ actor_id: string; details: Record<string, unknown> }[]>(
      'SELECT actor_id, details FROM audit_log WHERE incident_id = $1 AND action = $2',
      [incidentId, action],
    );

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    await t.dataSource.query(`UPDATE users SET email = username || '@mail.test'`);
    api = await t.signInAll(world.users);
    dataDir = mkdtempSync(join(tmpdir(), 'follow-ups-'));
    worker = await startWorker(
      parseEnvironment({
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        WORKER_POLL_MS: '60000',
        DEADLINE_SCAN_SECONDS: '3600',
      }),
      (t.dataSource.options as { url: string }).url,
    );
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('POST /api/v1/incidents/:id/actions with scheduledFor', () => {
    it('plans a follow-up owned by the caller, on the timeline and in the audit', async () => {
      const incidentId = await newCase();
      const followUp = await planned(incidentId);
      expect(followUp).toMatchObject({
        type: 'counseling_session',
        status: 'planned',
        scheduledFor: day(14),
        owner: { id: world.users.counselor.id },
        takenAt: null,
        remindedAt: null,
      });
      expect(await events(incidentId, 'follow_up_scheduled')).toEqual([
        {
          actor_id: world.users.counselor.id,
          data: expect.objectContaining({
            actionId: followUp.id,
            scheduledFor: day(14),
            ownerId: world.users.counselor.id,
          }) as unknown,
        },
      ]);
      expect(await audits(incidentId, 'follow_up.scheduled')).toHaveLength(1);

      const list = await api.counselor.get(`/incidents/${incidentId}/follow-ups`).expect(200);
      expect(list.body).toEqual([followUp]);
    });

    it('plans one for today, and for another caseworker of the school', async () => {
      const incidentId = await newCase();
      const followUp = await planned(incidentId, {
        scheduledFor: day(0),
        ownerId: world.users.schoolAdmin.id,
      });
      expect(followUp.owner.id).toBe(world.users.schoolAdmin.id);
    });

    it('still records an intervention done, as before', async () => {
      const incidentId = await newCase();
      const takenAt = new Date(Date.now() - 60_000).toISOString();
      const response = await plan('counselor', incidentId, { takenAt }).expect(201);
      expect(response.body).toMatchObject({ takenAt });
      expect(await events(incidentId, 'action_recorded')).toHaveLength(1);
      const list = await api.counselor.get(`/incidents/${incidentId}/follow-ups`).expect(200);
      expect(list.body).toEqual([]);
    });

    it('refuses a day in the past, an owner who is not a caseworker of the school, and bad input, writing nothing', async () => {
      const incidentId = await newCase();
      const before = await written();
      await plan('counselor', incidentId, { scheduledFor: day(-1) }).expect(422);
      for (const owner of [world.users.staff, world.users.sisterAdmin, world.users.student]) {
        await plan('counselor', incidentId, { scheduledFor: day(3), ownerId: owner.id }).expect(
          422,
        );
      }
      const both = await plan('counselor', incidentId, {
        scheduledFor: day(3),
        takenAt: new Date().toISOString(),
      }).expect(400);
      expect(JSON.stringify(both.body)).toContain('scheduledFor');
      await plan('counselor', incidentId, {}).expect(400);
      await plan('counselor', incidentId, { scheduledFor: '2026-02-30' }).expect(400);
      await plan('counselor', incidentId, { scheduledFor: day(3), ownerId: 'nope' }).expect(400);
      expect(await written()).toEqual(before);
    });

    it('refuses a closed case', async () => {
      const closed = await t.factory.incident(world.school, { status: 'closed' });
      await plan('counselor', closed.id, { scheduledFor: day(3) }).expect(422);
    });
  });

  describe('the reminder job', () => {
    it('reminds the owner once, on the planned morning, in the app and by e-mail', async () => {
      const incidentId = await newCase();
      const followUp = await planned(incidentId, {
        scheduledFor: day(3),
        ownerId: world.users.schoolAdmin.id,
      });
      const reminders = worker.get(FollowUpReminders);
      const clock = worker.get(Clock);
      const reminded = async () => events(incidentId, 'follow_up_due');
      try {
        jest.spyOn(clock, 'now').mockReturnValue(at(day(2), '23:00'));
        await reminders.scan();
        jest.spyOn(clock, 'now').mockReturnValue(at(day(3), '06:59'));
        await reminders.scan();
        expect(await reminded()).toEqual([]);

        jest.spyOn(clock, 'now').mockReturnValue(at(day(3), '07:00'));
        await reminders.scan();
        expect(await reminded()).toEqual([
          {
            actor_id: null,
            data: expect.objectContaining({
              actionId: followUp.id,
              scheduledFor: day(3),
            }) as unknown,
          },
        ]);
        // Again later, and from two workers at once: still one reminder.
        jest.spyOn(clock, 'now').mockReturnValue(at(day(4), '09:00'));
        await Promise.all([reminders.scan(), reminders.scan()]);
        expect(await reminded()).toHaveLength(1);
      } finally {
        jest.restoreAllMocks();
      }

      const outbox = await t.dataSource.query<
        { payload: { recipients: { userId: string }[]; dueAt: string } }[]
      >(`SELECT payload FROM outbox WHERE incident_id = $1 AND type = 'follow_up_due'`, [
        incidentId,
      ]);
      expect(outbox).toHaveLength(1);
      expect(outbox[0].payload.recipients.map((r) => r.userId)).toEqual([
        world.users.schoolAdmin.id,
      ]);
      expect(outbox[0].payload.dueAt).toBe(day(3));
      while ((await worker.get(OutboxDispatcher).dispatchBatch(50)) > 0);
      const notices = await t.dataSource.query<{ user_id: string; title: string }[]>(
        `SELECT user_id, title FROM notifications WHERE incident_id = $1 AND type = 'follow_up_due'`,
        [incidentId],
      );
      expect(notices).toEqual([
        { user_id: world.users.schoolAdmin.id, title: expect.stringContaining('Follow-up due') },
      ]);
      expect(
        await count(
          'SELECT count(*)::int AS n FROM email_deliveries WHERE incident_id = $1 AND user_id = $2',
          [incidentId, world.users.schoolAdmin.id],
        ),
      ).toBe(1);
      await worker.get(EmailSender).sendBatch(50);

      const list = await api.counselor.get(`/incidents/${incidentId}/follow-ups`).expect(200);
      expect((list.body as FollowUpBody[])[0].remindedAt).not.toBeNull();
    });

    it('does not remind a follow-up done or cancelled', async () => {
      const incidentId = await newCase();
      const done = await planned(incidentId, { scheduledFor: day(1) });
      const cancelled = await planned(incidentId, { scheduledFor: day(1) });
      await api.counselor
        .post(`/incidents/${incidentId}/actions/${done.id}/complete`, {
          takenAt: new Date().toISOString(),
        })
        .expect(200);
      await api.counselor
        .post(`/incidents/${incidentId}/actions/${cancelled.id}/cancel`, { reason: 'Moved away' })
        .expect(200);
      const clock = worker.get(Clock);
      try {
        jest.spyOn(clock, 'now').mockReturnValue(at(day(5), '08:00'));
        await worker.get(FollowUpReminders).scan();
      } finally {
        jest.restoreAllMocks();
      }
      expect(await events(incidentId, 'follow_up_due')).toEqual([]);
    });
  });

  describe('POST /api/v1/incidents/:id/actions/:actionId/complete and /cancel', () => {
    it('marks a follow-up done with what was done, once', async () => {
      const incidentId = await newCase();
      const followUp = await planned(incidentId);
      const takenAt = new Date(Date.now() - 5 * 60_000).toISOString();
      const done = await api.schoolAdmin
        .post(`/incidents/${incidentId}/actions/${followUp.id}/complete`, {
          takenAt,
          description: 'Talked with her; recess is calmer now.',
        })
        .expect(200);
      expect(done.body).toMatchObject({
        id: followUp.id,
        status: 'done',
        takenAt,
        description: 'Talked with her; recess is calmer now.',
      });
      expect(await events(incidentId, 'follow_up_completed')).toEqual([
        {
          actor_id: world.users.schoolAdmin.id,
          data: expect.objectContaining({ actionId: followUp.id, takenAt }) as unknown,
        },
      ]);
      expect(await audits(incidentId, 'follow_up.completed')).toHaveLength(1);
      await api.counselor
        .post(`/incidents/${incidentId}/actions/${followUp.id}/complete`, { takenAt })
        .expect(409);
      await api.counselor
        .post(`/incidents/${incidentId}/actions/${followUp.id}/cancel`, { reason: 'x' })
        .expect(409);
    });

    it('cancels a follow-up with a reason', async () => {
      const incidentId = await newCase();
      const followUp = await planned(incidentId);
      await api.counselor
        .post(`/incidents/${incidentId}/actions/${followUp.id}/cancel`, {})
        .expect(400);
      const cancelled = await api.counselor
        .post(`/incidents/${incidentId}/actions/${followUp.id}/cancel`, {
          reason: 'The family moved to another district.',
        })
        .expect(200);
      expect(cancelled.body).toMatchObject({
        status: 'cancelled',
        cancelReason: 'The family moved to another district.',
        takenAt: null,
      });
      expect(await events(incidentId, 'follow_up_cancelled')).toHaveLength(1);
      expect(await audits(incidentId, 'follow_up.cancelled')).toHaveLength(1);
    });

    it('refuses a future takenAt and an intervention recorded done (not a follow-up)', async () => {
      const incidentId = await newCase();
      const followUp = await planned(incidentId);
      await api.counselor
        .post(`/incidents/${incidentId}/actions/${followUp.id}/complete`, {
          takenAt: new Date(Date.now() + 86_400_000).toISOString(),
        })
        .expect(400);
      const recorded = await plan('counselor', incidentId, {
        takenAt: new Date().toISOString(),
      }).expect(201);
      await api.counselor
        .post(`/incidents/${incidentId}/actions/${recorded.body.id}/cancel`, { reason: 'x' })
        .expect(404);
    });
  });

  describe('who may', () => {
    it('answers 403 to staff, students, parents and district admins, writing nothing', async () => {
      const incidentId = await newCase();
      const followUp = await planned(incidentId);
      const before = await written();
      for (const who of ['staff', 'student', 'parent', 'districtAdmin'] as const) {
        await plan(who, incidentId, { scheduledFor: day(3) }).expect(403);
        await api[who].get(`/incidents/${incidentId}/follow-ups`).expect(403);
        await api[who]
          .post(`/incidents/${incidentId}/actions/${followUp.id}/complete`, {
            takenAt: new Date().toISOString(),
          })
          .expect(403);
        await api[who]
          .post(`/incidents/${incidentId}/actions/${followUp.id}/cancel`, { reason: 'x' })
          .expect(403);
      }
      expect(await written()).toEqual(before);
    });

    it('answers 404 to caseworkers of other schools and for a follow-up of another case', async () => {
      const incidentId = await newCase();
      const otherCase = await newCase();
      const followUp = await planned(incidentId);
      const before = await written();
      for (const who of ['sisterAdmin', 'foreignAdmin'] as const) {
        await plan(who, incidentId, { scheduledFor: day(3) }).expect(404);
        await api[who].get(`/incidents/${incidentId}/follow-ups`).expect(404);
        await api[who]
          .post(`/incidents/${incidentId}/actions/${followUp.id}/cancel`, { reason: 'x' })
          .expect(404);
      }
      await api.counselor
        .post(`/incidents/${otherCase}/actions/${followUp.id}/cancel`, { reason: 'x' })
        .expect(404);
      expect(await written()).toEqual(before);
    });

    it('answers 401 without a token', async () => {
      const incidentId = await newCase();
      await t.anonymous().get(`/incidents/${incidentId}/follow-ups`).expect(401);
    });
  });
});
