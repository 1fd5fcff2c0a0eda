import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { parseEnvironment } from '@app/common';
import type { User } from '@app/identity';
import { OutboxDispatcher } from '@app/notifications';
import { startWorker } from '@app/worker';
import type { ApiClient, TimelineEntry } from './support/api-driver';
import type { Factory } from './support/factory';
import { TestApp } from './support/test-app';

jest.setTimeout(120_000);

type World = Awaited<ReturnType<Factory['world']>>;
interface TermBody {
  id: string;
  districtId: string;
  language: string;
  category: string;
  phrase: string;
  createdBy: { id: string; displayName: string } | null;
  createdAt: string;
}
interface NotificationBody {
  type: string;
  incidentId: string | null;
}

const ORDINARY = 'At lunch two older kids took my tray and laughed when I asked for it back.';

/**
 * Danger is caught wherever it is written: in the report, and in every
 * message of the signed-in, family and anonymous threads, with the district's
 * own terms on top of the built-in ones (docs/safety.md).
 */
describe('danger detection', () => {
  let t: TestApp;
  let world: World;
  let api: Record<keyof World['users'], ApiClient>;
  let counselor2: User;
  let target: User;
  let targetParent: User;
  let extra: Record<'counselor2' | 'targetParent', ApiClient>;
  let worker: INestApplicationContext;
  let dataDir: string;

  const occurredAt = () => new Date(Date.now() - 2 * 60 * 60_000).toISOString();
  const file = async (who: ApiClient, fields: Record<string, unknown> = {}) =>
    who.file(world.school.id, { description: ORDINARY, ...fields }).expectStatus(201);
  const view = (id: string) => api.counselor.incident(id).expectStatus(200);
  const escalations = (timeline: TimelineEntry[]) =>
    timeline.filter((entry) => entry.type === 'escalated');
  const alertsOf = async (who: ApiClient) =>
    (await who.get('/alerts').expect(200)).body.items as { incidentId: string }[];
  const noticesOf = async (who: ApiClient, incidentId: string) =>
    ((await who.get('/notifications').expect(200)).body.items as NotificationBody[])
      .filter((notice) => notice.incidentId === incidentId)
      .map((notice) => notice.type);
  const deliver = async () => {
    for (let round = 0; round < 50; round += 1) {
      if ((await worker.get(OutboxDispatcher).dispatchBatch()) === 0) return;
    }
  };
  const outboxCount = async (incidentId: string, type: string) =>
    (
      await t.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM outbox WHERE incident_id = $1 AND type = $2',
        [incidentId, type],
      )
    )[0].n;
  const anonymously = {
    report: (description: string) =>
      t.http.post('/api/v1/public/reports').set('X-Forwarded-For', '203.0.113.77').send({
        schoolCode: world.school.code,
        category: 'verbal',
        location: 'hallway',
        occurredAt: occurredAt(),
        description,
      }),
    message: (trackingCode: string, body: string) =>
      t.http
        .post('/api/v1/public/reports/messages')
        .set('X-Forwarded-For', '203.0.113.77')
        .send({ trackingCode, body }),
  };
  const terms = (districtId = world.district.id) => `/districts/${districtId}/danger-terms`;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'safe-schools-danger-'));
    t = await TestApp.start({ DATA_DIR: dataDir });
    world = await t.factory.world();
    const inSchool = { district: world.district, schools: [world.school] };
    counselor2 = await t.factory.user('counselor', inSchool);
    target = await t.factory.user('student', inSchool);
    targetParent = await t.factory.user('parent', inSchool, { locale: 'es' });
    await t.factory.guardianship(targetParent, target);
    api = await t.signInAll(world.users);
    extra = await t.signInAll({ counselor2, targetParent });
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
    await worker?.close();
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('at filing', () => {
    it('makes "I just want to end it all" critical, for self-harm', async () => {
      const filed = await file(api.student, { description: 'I just want to end it all' });
      const incident = await view(filed.id);

      expect(incident.severity).toBe('critical');
      expect(incident).toMatchObject({ escalationReasons: ['self_harm'] });
      expect(escalations(incident.timeline)).toEqual([
        expect.objectContaining({ data: { reasons: ['self_harm'], severity: 'critical' } }),
      ]);
      expect((await alertsOf(api.counselor)).map((a) => a.incidentId)).toContain(filed.id);
    });

    it('leaves an ordinary report as it is', async () => {
      const filed = await file(api.student);
      expect((await view(filed.id)).severity).toBeNull();
    });
  });

  describe('in a message', () => {
    it("escalates a signed-in reporter's follow-up: critical, the reason on the timeline, the alert", async () => {
      const filed = await file(api.student);
      const before = await view(filed.id);
      expect(before.severity).toBeNull();

      const message = await api.student
        .message(filed.id, { body: 'she wants to kill herself, she has a knife' })
        .expectStatus(201);

      const after = await view(filed.id);
      expect(after.severity).toBe('critical');
      expect(after).toMatchObject({
        escalationReasons: ['self_harm', 'weapon'],
      });
      const queue = await api.counselor.queue({ limit: 100 }).expectStatus(200);
      expect(queue.items.find((row) => row.id === filed.id)).toMatchObject({
        critical: true,
        criticalReasons: ['self_harm', 'weapon'],
      });
      expect(after.version).toBeGreaterThan(before.version);
      expect(escalations(after.timeline)).toEqual([
        expect.objectContaining({
          visibility: 'internal',
          actor: expect.objectContaining({ id: world.users.student.id }),
          data: {
            reasons: ['self_harm', 'weapon'],
            severity: 'critical',
            previousSeverity: null,
            source: 'message',
            messageId: message.id,
            authorKind: 'reporter',
            threadStudentId: null,
          },
        }),
      ]);
      // Every caseworker of the school sees the alert; the family does not see the entry.
      for (const who of [api.counselor, extra.counselor2, api.schoolAdmin]) {
        expect((await alertsOf(who)).map((a) => a.incidentId)).toContain(filed.id);
      }
      expect((await alertsOf(api.sisterAdmin)).map((a) => a.incidentId)).not.toContain(filed.id);
      const own = await api.student.incident(filed.id).expectStatus(200);
      expect(own.timeline.map((entry) => entry.type)).not.toContain('escalated');
      // A decision taken on the view from before the message is refused.
      await api.counselor
        .triage(filed.id, { version: before.version, severity: 'low', category: 'verbal' })
        .expectStatus(409);
    });

    it('alerts every counselor and administrator of the school from an ANONYMOUS thread, with their notices', async () => {
      const filed = await anonymously.report(ORDINARY).expect(201);
      const trackingCode = filed.body.trackingCode as string;
      const [{ id }] = await t.dataSource.query<{ id: string }[]>(
        'SELECT id FROM incidents WHERE reference = $1',
        [filed.body.reference],
      );

      await anonymously.message(trackingCode, 'Ya no quiero vivir, me quiero matar').expect(201);

      const incident = await view(id);
      expect(incident.severity).toBe('critical');
      expect(escalations(incident.timeline)).toEqual([
        expect.objectContaining({
          actor: null,
          data: expect.objectContaining({
            reasons: ['self_harm', 'threat'],
            source: 'message',
            authorKind: 'anonymous',
          }),
        }),
      ]);
      await deliver();
      for (const who of [api.counselor, extra.counselor2, api.schoolAdmin]) {
        expect((await alertsOf(who)).map((a) => a.incidentId)).toContain(id);
        expect(await noticesOf(who, id)).toContain('escalated');
      }
      // Staff who do not work cases, and other schools, are not told.
      expect(await noticesOf(api.staff, id)).not.toContain('escalated');
      expect(await noticesOf(api.sisterAdmin, id)).toEqual([]);
    });

    it("escalates a family thread's message, naming the thread", async () => {
      const filed = await file(api.staff, {
        parties: [{ role: 'target', studentId: target.id }],
      });
      await extra.targetParent
        .message(filed.id, { body: 'Mi hijo dice que ya no quiere vivir por lo que le hacen' })
        .expectStatus(201);

      const incident = await view(filed.id);
      expect(incident.severity).toBe('critical');
      expect(escalations(incident.timeline)).toEqual([
        expect.objectContaining({
          data: expect.objectContaining({
            reasons: ['self_harm'],
            source: 'message',
            authorKind: 'family',
            threadStudentId: target.id,
          }),
        }),
      ]);
      await deliver();
      expect(await noticesOf(api.counselor, filed.id)).toContain('escalated');
    });

    it('records danger on a case critical already, without a second notice or alert', async () => {
      const filed = await file(api.student, { description: 'He has a gun in his backpack' });
      expect(await outboxCount(filed.id, 'escalated')).toBe(1);

      await api.student
        .message(filed.id, { body: 'and he said he will kill me at lunch' })
        .expectStatus(201);

      const incident = await view(filed.id);
      expect(incident).toMatchObject({ escalationReasons: ['weapon', 'threat'] });
      expect(escalations(incident.timeline).map((entry) => entry.data)).toEqual([
        { reasons: ['weapon'], severity: 'critical' },
        expect.objectContaining({ reasons: ['threat'], previousSeverity: 'critical' }),
      ]);
      expect(await outboxCount(filed.id, 'escalated')).toBe(1);
      expect((await alertsOf(api.counselor)).filter((a) => a.incidentId === filed.id)).toHaveLength(
        1,
      );
    });

    it('raises the alert again on a critical case whose alert was acknowledged', async () => {
      const filed = await file(api.student, { description: 'I want to hurt myself' });
      await api.counselor.post(`/incidents/${filed.id}/alert/acknowledge`).expect(200);
      expect((await alertsOf(api.counselor)).map((a) => a.incidentId)).not.toContain(filed.id);

      await api.student.message(filed.id, { body: 'I have a knife now' }).expectStatus(201);

      expect((await alertsOf(api.counselor)).map((a) => a.incidentId)).toContain(filed.id);
      expect(await outboxCount(filed.id, 'escalated')).toBe(1);
    });

    it('takes two dangerous messages arriving together, one after the other', async () => {
      const filed = await file(api.student);
      const answers = await Promise.all([
        api.student.message(filed.id, { body: 'he has a gun' }),
        api.parent.message(filed.id, { body: 'my son wants to kill himself' }),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([201, 201]);

      const incident = await view(filed.id);
      expect(incident.severity).toBe('critical');
      expect([...(incident.escalationReasons as string[])].sort()).toEqual(['self_harm', 'weapon']);
      expect(escalations(incident.timeline).map((entry) => entry.data.previousSeverity)).toEqual([
        null,
        'critical',
      ]);
      expect(await outboxCount(filed.id, 'escalated')).toBe(1);
    });

    it('does not scan staff messages, and ignores idioms', async () => {
      const filed = await file(api.student);
      await api.counselor
        .message(filed.id, {
          body: 'Did he say he has a knife? Are you thinking of hurting yourself?',
        })
        .expectStatus(201);
      await api.student
        .message(filed.id, { body: 'No! We killed it at the game and I was dying of laughter.' })
        .expectStatus(201);

      const incident = await view(filed.id);
      expect(incident.severity).toBeNull();
      expect(escalations(incident.timeline)).toEqual([]);
    });
  });

  describe("a district's own terms", () => {
    let termId: string;

    it('are added by the district administrator, stored as the matcher reads them, and audited per school', async () => {
      const added = await api.districtAdmin
        .post(terms(), { language: 'en', category: 'threat', phrase: '  Operation RED-Sunrise! ' })
        .expect(201);
      const body = added.body as TermBody;
      termId = body.id;

      expect(body).toEqual({
        id: expect.any(String),
        districtId: world.district.id,
        language: 'en',
        category: 'threat',
        phrase: 'operation red sunrise',
        createdBy: {
          id: world.users.districtAdmin.id,
          displayName: world.users.districtAdmin.displayName,
        },
        createdAt: expect.any(String),
      });
      const audited = await t.dataSource.query<{ school_id: string }[]>(
        `SELECT school_id FROM audit_log WHERE action = 'danger_term.added' AND details->>'termId' = $1`,
        [termId],
      );
      expect(audited.map((row) => row.school_id).sort()).toEqual(
        [world.school.id, world.sisterSchool.id].sort(),
      );
      const list = await api.districtAdmin.get(terms()).expect(200);
      expect(list.body).toEqual({ districtId: world.district.id, items: [body] });
    });

    it('refuse the same phrase twice in one language (409) and bad input, naming every field (400)', async () => {
      await api.districtAdmin
        .post(terms(), { language: 'en', category: 'weapon', phrase: 'operation red sunrise' })
        .expect(409);
      const bad = await api.districtAdmin
        .post(terms(), { language: 'fr', category: 'gossip', phrase: 'x' })
        .expect(400);
      const text = JSON.stringify(bad.body);
      for (const field of ['language', 'category', 'phrase']) expect(text).toContain(field);
      await api.districtAdmin
        .post(terms(), { language: 'en', category: 'threat', phrase: '!! ?? 12' })
        .expect(422);
    });

    it('make a report or a message of the district critical', async () => {
      const filed = await file(api.student, {
        description: 'They talk about operation red sunrise',
      });
      expect((await view(filed.id)).severity).toBe('critical');

      const ordinary = await file(api.student);
      await api.student
        .message(ordinary.id, { body: 'the operation  red-sunrise is on friday' })
        .expectStatus(201);
      expect(await view(ordinary.id)).toMatchObject({
        severity: 'critical',
        escalationReasons: ['threat'],
      });
    });

    it("do not reach another district's reports", async () => {
      const foreignStudent = await t.factory.user('student', {
        district: world.otherDistrict,
        schools: [world.foreignSchool],
      });
      const client = await t.signIn(foreignStudent);
      const filed = await client
        .file(world.foreignSchool.id, { description: 'They talk about operation red sunrise' })
        .expectStatus(201);
      const [{ severity }] = await t.dataSource.query<{ severity: string | null }[]>(
        'SELECT severity FROM incidents WHERE id = $1',
        [filed.id],
      );
      expect(severity).toBeNull();
    });

    it.each([
      ['student', 403],
      ['parent', 403],
      ['staff', 403],
      ['counselor', 403],
      ['foreignDistrictAdmin', 404],
      ['foreignAdmin', 404],
    ] as const)('are not read by the %s (%i)', async (who, status) => {
      await api[who].get(terms()).expect(status);
    });

    it('are read by the school administrators of the district', async () => {
      for (const who of [api.schoolAdmin, api.sisterAdmin]) {
        const list = await who.get(terms()).expect(200);
        expect((list.body.items as TermBody[]).map((term) => term.id)).toContain(termId);
      }
    });

    it.each([
      ['student', 403],
      ['parent', 403],
      ['staff', 403],
      ['counselor', 403],
      ['schoolAdmin', 403],
      ['foreignDistrictAdmin', 404],
    ] as const)('are not added or removed by the %s (%i)', async (who, status) => {
      await api[who]
        .post(terms(), { language: 'es', category: 'weapon', phrase: 'fierro' })
        .expect(status);
      await api[who].delete(`${terms()}/${termId}`).expect(status);
    });

    it('reach only their own district, also by term id', async () => {
      await api.districtAdmin.get(terms(world.otherDistrict.id)).expect(404);
      await api.foreignDistrictAdmin
        .delete(`${terms(world.otherDistrict.id)}/${termId}`)
        .expect(404);
      await api.districtAdmin.delete(`${terms()}/00000000-0000-4000-8000-000000000000`).expect(404);
      await api.districtAdmin.get('/districts/not-a-uuid/danger-terms').expect(400);
    });

    it('are removed by the district administrator, audited, and stop escalating', async () => {
      const removed = await api.districtAdmin.delete(`${terms()}/${termId}`).expect(200);
      expect(removed.body).toMatchObject({ id: termId, phrase: 'operation red sunrise' });
      expect((await api.districtAdmin.get(terms()).expect(200)).body.items).toEqual([]);
      const [{ n }] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'danger_term.removed' AND details->>'termId' = $1`,
        [termId],
      );
      expect(n).toBe(2);

      const filed = await file(api.student, {
        description: 'They talk about operation red sunrise',
      });
      expect((await view(filed.id)).severity).toBeNull();
    });
  });
});
