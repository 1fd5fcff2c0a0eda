import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { DeadlineScanner } from '@app/casework';
import { parseEnvironment } from '@app/common';
import type { School, User } from '@app/identity';
import { EmailSender, OutboxDispatcher } from '@app/notifications';
import { startWorker } from '@app/worker';
import { MailSink, parseMail, type ParsedMail } from './support/mail-sink';
import { TestApp } from './support/test-app';

// jest.config.js sets testTimeout inside the e2e project, where jest ignores it.
jest.setTimeout(60_000);

const NOTIFICATIONS = '/api/v1/notifications';
const MAIL_FROM = 'Safe Schools <no-reply@safe-schools.local>';
/** Where the web app runs, as set (with a trailing slash the setting drops). */
const PUBLIC_URL = 'https://reports.example-district.org';
const DESCRIPTION = 'Two older kids pushed me against the lockers and called me names again.';

type Who =
  | 'districtAdmin'
  | 'foreignDistrictAdmin'
  | 'schoolAdmin'
  | 'counselor'
  | 'counselor2'
  | 'staff'
  | 'student'
  | 'parent'
  | 'targetStudent'
  | 'targetParent'
  | 'otherStudent'
  | 'otherParent'
  | 'behalfStudent'
  | 'behalfParent'
  | 'sisterAdmin'
  | 'sisterCounselor'
  | 'sisterStudent'
  | 'foreignAdmin'
  | 'foreignStudent';

interface OutboxRow {
  id: string;
  type: string;
  status: string;
  attempts: number;
  payload: { recipients?: { userId: string; family: boolean }[]; actorId?: string | null };
  xmin: string;
  processed_at: Date | null;
}

interface TimelineEntry {
  id?: string;
  type: string;
  visibility?: string;
  actor?: unknown;
  data: Record<string, unknown>;
}

describe('notifications: outbox, worker delivery, channels and who hears what', () => {
  let t: TestApp;
  let dataDir: string;
  let databaseUrl: string;
  let worker: INestApplicationContext;
  let school: School;
  const people = {} as Record<Who, User>;
  const nameOf = new Map<string, Who>();
  const workerConfig = (extra: Record<string, string> = {}) =>
    parseEnvironment({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      WORKER_POLL_MS: '60000',
      DEADLINE_SCAN_SECONDS: '3600',
      PUBLIC_URL: `${PUBLIC_URL}/`,
      ...extra,
    });

  const as = async (who: Who) => (await t.signIn(people[who])).headers;
  const names = (ids: string[]) => ids.map((id) => nameOf.get(id) ?? id).sort();
  const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    t.dataSource.query<T[]>(sql, params);
  const count = async (sql: string, params: unknown[] = []) =>
    (await query<{ n: number }>(sql, params))[0].n;

  /** Runs the worker's two delivery steps until nothing is left to do. */
  const deliverAll = async (context = worker) => {
    for (let round = 0; round < 100; round += 1) {
      const events = await context.get(OutboxDispatcher).dispatchBatch();
      const emails = await context.get(EmailSender).sendBatch();
      if (events + emails === 0) return;
    }
    throw new Error('the worker never ran out of work');
  };

  const report = (overrides: Record<string, unknown> = {}) => ({
    schoolId: school.id,
    category: 'physical',
    location: 'hallway',
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    description: DESCRIPTION,
    ...overrides,
  });
  const file = async (who: Who, overrides: Record<string, unknown> = {}) =>
    (await (await t.signIn(people[who])).post('/incidents').send(report(overrides)).expect(201))
      .body as {
      id: string;
      reference: string;
      severity: string | null;
    };
  const view = async (id: string, who: Who = 'counselor') =>
    (await (await t.signIn(people[who])).get(`/incidents/${id}`).expect(200)).body as {
      version: number;
      reference: string;
      timeline: TimelineEntry[];
      parties?: { id: string; role: string }[];
    };
  const act = async (
    who: Who,
    id: string,
    step: 'triage' | 'assign' | 'transitions' | 'resolve',
    body: Record<string, unknown>,
    status = 200,
  ) =>
    (
      await (
        await t.signIn(people[who])
      )
        .post(`/incidents/${id}/${step}`)
        .send({ version: (await view(id)).version, ...body })
        .expect(status)
    ).body as { version: number };
  const note = async (who: Who, id: string, visibility: 'shared' | 'internal') =>
    (
      await (
        await t.signIn(people[who])
      )
        .post(`/incidents/${id}/notes`)
        .send({ body: `A ${visibility} note about the lockers.`, visibility })
        .expect(201)
    ).body as { id: string };
  const message = async (who: Who, id: string, familyOfStudentId?: string) =>
    (
      await (
        await t.signIn(people[who])
      )
        .post(`/incidents/${id}/messages`)
        .send({ body: 'Could we talk about this tomorrow?', familyOfStudentId })
        .expect(201)
    ).body as { id: string };

  const outboxOf = (incidentId: string) =>
    query<OutboxRow>(
      `SELECT id, type, status, attempts, payload, xmin::text AS xmin, processed_at
         FROM outbox WHERE incident_id = $1 ORDER BY created_at, id`,
      [incidentId],
    );
  const xminOf = async (table: 'incidents' | 'incident_notes' | 'messages', id: string) =>
    (
      await query<{ xmin: string }>(`SELECT xmin::text AS xmin FROM ${table} WHERE id = $1`, [id])
    )[0].xmin;
  /** Who got an in-app notice about this incident (one entry per notice). */
  const heard = async (incidentId: string, type: string) =>
    names(
      (
        await query<{ user_id: string }>(
          'SELECT user_id FROM notifications WHERE incident_id = $1 AND type = $2',
          [incidentId, type],
        )
      ).map((row) => row.user_id),
    );
  /** Who got an in-app notice of the newest event of this type of the incident. */
  const heardLatest = async (incidentId: string, type: string) => {
    const [event] = await query<{ id: string }>(
      `SELECT id FROM outbox WHERE incident_id = $1 AND type = $2 ORDER BY created_at DESC LIMIT 1`,
      [incidentId, type],
    );
    if (!event) return [];
    return names(
      (
        await query<{ user_id: string }>('SELECT user_id FROM notifications WHERE outbox_id = $1', [
          event.id,
        ])
      ).map((row) => row.user_id),
    );
  };
  const typesQueued = async (incidentId: string) => (await outboxOf(incidentId)).map((r) => r.type);
  const mailDir = () => join(dataDir, 'mail');
  const mailFiles = (): (ParsedMail & { file: string })[] =>
    existsSync(mailDir())
      ? readdirSync(mailDir())
          .filter((file) => file.endsWith('.eml'))
          .map((file) => ({ file, ...parseMail(readFileSync(join(mailDir(), file), 'utf8')) }))
      : [];
  const waitUntil = async (done: () => Promise<boolean>, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error('timed out waiting');
      await sleep(50);
    }
  };
  const familyNotified = (timeline: TimelineEntry[]) =>
    timeline.filter((entry) => entry.type === 'family_notified');

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'safe-schools-notifications-'));
    chmodSync(dataDir, 0o755);
    t = await TestApp.start({ DATA_DIR: dataDir });
    databaseUrl = (t.dataSource.options as { url: string }).url;
    const world = await t.factory.world();
    const { district, sisterSchool } = world;
    school = world.school;
    Object.assign(people, world.users);
    const at = (role: Parameters<typeof t.factory.user>[0], s: School, extra = {}) =>
      t.factory.user(role, { district, schools: [s] }, extra);
    people.counselor2 = await at('counselor', school);
    people.sisterCounselor = await at('counselor', sisterSchool);
    people.targetStudent = await at('student', school);
    people.targetParent = await at('parent', school, { locale: 'es' });
    people.otherStudent = await at('student', school);
    people.otherParent = await at('parent', school);
    people.behalfStudent = await at('student', school);
    people.behalfParent = await at('parent', school);
    await t.factory.guardianship(people.targetParent, people.targetStudent);
    await t.factory.guardianship(people.otherParent, people.otherStudent);
    await t.factory.guardianship(people.behalfParent, people.behalfStudent);
    for (const [who, user] of Object.entries(people)) nameOf.set(user.id, who as Who);
    // Everyone has an address except counselor2 and staff (in-app only).
    const withEmail = Object.entries(people)
      .filter(([who]) => who !== 'counselor2' && who !== 'staff')
      .map(([, user]) => user.id);
    await query(`UPDATE users SET email = username || '@mail.test' WHERE id = ANY($1)`, [
      withEmail,
    ]);
    for (const user of Object.values(people)) {
      user.email = withEmail.includes(user.id) ? `${user.username}@mail.test` : null;
    }
    worker = await startWorker(workerConfig(), databaseUrl);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  describe('the outbox', () => {
    it('queues a filed report in the filing transaction and sends nothing until the worker runs', async () => {
      const mailsBefore = mailFiles().length;
      const { id } = await file('student');

      const queued = await outboxOf(id);
      expect(queued).toHaveLength(1);
      expect(queued[0]).toMatchObject({ type: 'filed', status: 'pending', attempts: 0 });
      expect(queued[0].xmin).toBe(await xminOf('incidents', id));
      expect(names(queued[0].payload.recipients!.map((r) => r.userId))).toEqual([
        'counselor',
        'counselor2',
      ]);
      expect(queued[0].payload.recipients!.every((r) => r.family === false)).toBe(true);
      expect(
        await count('SELECT count(*)::int AS n FROM notifications WHERE incident_id = $1', [id]),
      ).toBe(0);
      expect(
        await count('SELECT count(*)::int AS n FROM email_deliveries WHERE incident_id = $1', [id]),
      ).toBe(0);
      expect(mailFiles()).toHaveLength(mailsBefore);

      await deliverAll();

      expect(await heard(id, 'filed')).toEqual(['counselor', 'counselor2']);
      const [delivered] = await outboxOf(id);
      expect(delivered.status).toBe('delivered');
      expect(delivered.processed_at).not.toBeNull();
      expect(mailFiles()).toHaveLength(mailsBefore + 1); // counselor2 has no address
    });

    it('writes each change and its notice in one transaction, and delivers none of them from the request', async () => {
      let id = '';
      const step = async (
        types: string[],
        change: () => Promise<{ table: 'incidents' | 'incident_notes' | 'messages'; id: string }>,
      ) => {
        const before = id ? new Set((await outboxOf(id)).map((row) => row.id)) : new Set();
        const changed = await change();
        const fresh = (await outboxOf(id)).filter((row) => !before.has(row.id));
        expect(fresh.map((row) => row.type).sort()).toEqual([...types].sort());
        const xmin = await xminOf(changed.table, changed.id);
        for (const row of fresh) {
          expect(row).toMatchObject({ status: 'pending', xmin });
        }
        const freshIds = fresh.map((row) => row.id);
        expect(
          await count('SELECT count(*)::int AS n FROM notifications WHERE outbox_id = ANY($1)', [
            freshIds,
          ]),
        ).toBe(0);
        expect(
          await count('SELECT count(*)::int AS n FROM email_deliveries WHERE outbox_id = ANY($1)', [
            freshIds,
          ]),
        ).toBe(0);
      };

      // Filing an urgent report: the escalation, in the filing transaction.
      await step(['escalated'], async () => {
        id = (await file('student', { urgent: true })).id;
        return { table: 'incidents', id };
      });
      // Triage with an assignee: the status change and the assignment.
      await step(['status_changed', 'assigned'], async () => {
        await act('counselor', id, 'triage', {
          severity: 'high',
          assigneeId: people.counselor2.id,
        });
        return { table: 'incidents', id };
      });
      await step(['assigned'], async () => {
        await act('schoolAdmin', id, 'assign', { assigneeId: people.counselor.id });
        return { table: 'incidents', id };
      });
      await step(['shared_note'], async () => ({
        table: 'incident_notes',
        id: (await note('counselor', id, 'shared')).id,
      }));
      await step(['message_posted'], async () => ({
        table: 'messages',
        id: (await message('counselor', id)).id,
      }));
      await step(['message_posted'], async () => ({
        table: 'messages',
        id: (await message('student', id)).id,
      }));
      await step(['status_changed'], async () => {
        await act('counselor', id, 'transitions', { action: 'start' });
        return { table: 'incidents', id };
      });
      await step(['resolved'], async () => {
        await act('counselor', id, 'resolve', {
          outcome: 'substantiated',
          summary: 'We met both students and their families.',
        });
        return { table: 'incidents', id };
      });

      // A refused change queues nothing.
      const queuedBefore = (await outboxOf(id)).length;
      await (
        await t.signIn(people['counselor'])
      )
        .post(`/incidents/${id}/transitions`)
        .send({ version: 1, action: 'close' })
        .expect(409);
      expect(await outboxOf(id)).toHaveLength(queuedBefore);

      await deliverAll();
      expect((await outboxOf(id)).every((row) => row.status === 'delivered')).toBe(true);
    });
  });

  describe('who hears what', () => {
    it('tells a new report to the counselors of its school only', async () => {
      const { id } = await file('parent', { onBehalfOfStudentId: people.student.id });
      await deliverAll();

      expect(await typesQueued(id)).toEqual(['filed']);
      expect(await heard(id, 'filed')).toEqual(['counselor', 'counselor2']);
      expect(
        await count('SELECT count(*)::int AS n FROM notifications WHERE incident_id = $1', [id]),
      ).toBe(2);
    });

    it('alerts every counselor and administrator of the school about a critical report, once each, instead of the new-report notice', async () => {
      const flagged = await file('student', { urgent: true });
      const worded = await file('staff', {
        description: 'A student showed a knife to others behind the gym at lunch.',
      });
      await deliverAll();

      for (const { id, severity } of [flagged, worded]) {
        expect(severity).toBe('critical');
        expect(await typesQueued(id)).toEqual(['escalated']);
        expect(await heard(id, 'escalated')).toEqual(['counselor', 'counselor2', 'schoolAdmin']);
        expect(await heard(id, 'filed')).toEqual([]);
      }
    });

    it('does not alert the counselor who filed a critical report about their own report', async () => {
      const { id } = await file('counselor', {
        urgent: true,
        onBehalfOfStudentId: people.behalfStudent.id,
      });
      await deliverAll();

      expect(await heard(id, 'escalated')).toEqual(['counselor2', 'schoolAdmin']);
    });

    it('tells an assignment to the assignee only, and a self-assignment to nobody', async () => {
      const { id } = await file('student');
      await act('counselor', id, 'triage', { severity: 'low', assigneeId: people.counselor2.id });
      await deliverAll();
      expect(await heardLatest(id, 'assigned')).toEqual(['counselor2']);

      await act('schoolAdmin', id, 'assign', { assigneeId: people.counselor.id });
      await deliverAll();
      expect(await heardLatest(id, 'assigned')).toEqual(['counselor']);

      const assignedBefore = (await typesQueued(id)).filter((type) => type === 'assigned');
      await act('counselor2', id, 'assign', { assigneeId: people.counselor2.id });
      await deliverAll();
      const assignedAfter = (await typesQueued(id)).filter((type) => type === 'assigned');
      expect(assignedAfter).toHaveLength(assignedBefore.length);
      expect(await heard(id, 'assigned')).toEqual(['counselor', 'counselor2']);
    });

    it('tells status changes, shared notes and the resolution to the reporter and the guardians of the children concerned, and no one else', async () => {
      const { id } = await file('student', {
        parties: [{ role: 'target', name: 'My friend from class' }],
      });
      const party = (await view(id)).parties!.find((p) => p.role === 'target')!;
      const family = ['parent', 'student', 'targetParent'];

      await act('counselor', id, 'triage', {
        severity: 'medium',
        partyLinks: [{ partyId: party.id, studentId: people.targetStudent.id }],
      });
      await deliverAll();
      expect(await heardLatest(id, 'status_changed')).toEqual(family);

      await note('counselor2', id, 'shared');
      await deliverAll();
      expect(await heardLatest(id, 'shared_note')).toEqual(family);

      await act('counselor', id, 'transitions', { action: 'start' });
      await deliverAll();
      expect(await heardLatest(id, 'status_changed')).toEqual(family);

      await act('schoolAdmin', id, 'resolve', {
        outcome: 'inconclusive',
        summary: 'We could not confirm what happened but will watch the hallway.',
      });
      await deliverAll();
      expect(await heardLatest(id, 'resolved')).toEqual(family);

      // Never staff of the school or of other schools, never uninvolved families.
      const everyone = await query<{ user_id: string; type: string }>(
        `SELECT user_id, type FROM notifications WHERE incident_id = $1 AND type <> 'filed'`,
        [id],
      );
      expect([...new Set(names(everyone.map((row) => row.user_id)))]).toEqual(family);
    });

    it('tells the reporter with an account and the guardians of the child filed for', async () => {
      const byCounselor = await file('counselor', { onBehalfOfStudentId: people.behalfStudent.id });
      await deliverAll();
      expect(await heard(byCounselor.id, 'filed')).toEqual(['counselor2']);
      await act('counselor2', byCounselor.id, 'triage', { severity: 'low' });
      await deliverAll();
      expect(await heardLatest(byCounselor.id, 'status_changed')).toEqual([
        'behalfParent',
        'counselor',
      ]);
      const [event] = (await outboxOf(byCounselor.id)).filter(
        (row) => row.type === 'status_changed',
      );
      const recipients = Object.fromEntries(
        event.payload.recipients!.map((r) => [nameOf.get(r.userId), r.family]),
      );
      expect(recipients).toEqual({ behalfParent: true, counselor: false });

      const byParent = await file('parent', { onBehalfOfStudentId: people.student.id });
      await act('counselor', byParent.id, 'triage', { severity: 'low' });
      await deliverAll();
      expect(await heardLatest(byParent.id, 'status_changed')).toEqual(['parent']);
    });

    it("tells a staff message to that thread's family, and a family's message to the assignee or, unassigned, the counselors", async () => {
      const { id } = await file('student', { parties: [{ role: 'target', name: 'Kim' }] });
      const party = (await view(id)).parties!.find((p) => p.role === 'target')!;
      await act('counselor', id, 'triage', {
        severity: 'medium',
        partyLinks: [{ partyId: party.id, studentId: people.targetStudent.id }],
      });

      await message('student', id);
      await deliverAll();
      expect(await heardLatest(id, 'message_posted')).toEqual(['counselor', 'counselor2']);

      await message('counselor', id);
      await deliverAll();
      expect(await heardLatest(id, 'message_posted')).toEqual(['parent', 'student']);

      await message('counselor', id, people.targetStudent.id);
      await deliverAll();
      expect(await heardLatest(id, 'message_posted')).toEqual(['targetParent']);

      await message('targetParent', id);
      await deliverAll();
      expect(await heardLatest(id, 'message_posted')).toEqual(['counselor', 'counselor2']);

      await act('counselor', id, 'assign', { assigneeId: people.counselor2.id });
      await message('parent', id);
      await deliverAll();
      expect(await heardLatest(id, 'message_posted')).toEqual(['counselor2']);

      await message('counselor2', id);
      await deliverAll();
      expect(await heardLatest(id, 'message_posted')).toEqual(['parent', 'student']);
    });

    it('notifies nobody of internal notes and recorded interventions', async () => {
      const { id } = await file('student');
      await deliverAll();
      const before = await count(
        'SELECT count(*)::int AS n FROM notifications WHERE incident_id = $1',
        [id],
      );

      await note('counselor', id, 'internal');
      await (
        await t.signIn(people['counselor'])
      )
        .post(`/incidents/${id}/actions`)
        .send({
          type: 'counseling_session',
          description: 'Talked with the student.',
          takenAt: new Date(Date.now() - 60_000).toISOString(),
        })
        .expect(201);
      await deliverAll();

      expect(await typesQueued(id)).toEqual(['filed']);
      expect(
        await count('SELECT count(*)::int AS n FROM notifications WHERE incident_id = $1', [id]),
      ).toBe(before);
    });

    it('never e-mails or notifies the family side of an anonymous report', async () => {
      const filed = await t.http
        .post('/api/v1/public/reports')
        .send({
          schoolCode: school.code,
          category: 'verbal',
          location: 'bus',
          occurredAt: new Date(Date.now() - 7_200_000).toISOString(),
          description: 'Someone on bus 12 keeps shouting slurs at a sixth grader.',
        })
        .expect(201);
      const [{ id }] = await query<{ id: string }>(
        'SELECT id FROM incidents WHERE reference = $1',
        [filed.body.reference],
      );
      await act('counselor', id, 'triage', { severity: 'medium' });
      // The anonymous reporter writes: the counselors hear of it (nobody is assigned).
      await t.http
        .post('/api/v1/public/reports/messages')
        .send({ trackingCode: filed.body.trackingCode, body: 'It happened again this morning.' })
        .expect(201);
      await message('counselor', id);
      await note('counselor', id, 'shared');
      await act('counselor', id, 'transitions', { action: 'start' });
      await act('counselor', id, 'resolve', {
        outcome: 'substantiated',
        summary: 'The driver moved the students apart.',
      });
      await deliverAll();

      const notices = await query<{ user_id: string; type: string }>(
        'SELECT user_id, type FROM notifications WHERE incident_id = $1',
        [id],
      );
      expect(notices.map((n) => `${nameOf.get(n.user_id)} ${n.type}`).sort()).toEqual([
        'counselor filed',
        'counselor message_posted',
        'counselor2 filed',
        'counselor2 message_posted',
      ]);
      const emails = await query<{ user_id: string; family: boolean }>(
        'SELECT user_id, family FROM email_deliveries WHERE incident_id = $1',
        [id],
      );
      expect(emails.map((e) => `${nameOf.get(e.user_id)} ${e.family}`)).toEqual([
        'counselor false',
        'counselor false',
      ]);
      expect(familyNotified((await view(id)).timeline)).toEqual([]);
    });
  });

  describe('channels', () => {
    it('lists, pages and marks read the in-app notices of the caller only', async () => {
      const { id, reference } = await file('student');
      await act('counselor', id, 'triage', { severity: 'low' });
      await deliverAll();

      const unread = await (
        await t.signIn(people['student'])
      )
        .get(`${NOTIFICATIONS}?unread=true`)
        .expect(200);
      expect(Object.keys(unread.body).sort()).toEqual(['items', 'nextCursor']);
      const notice = (unread.body.items as Record<string, unknown>[]).find(
        (item) => item.incidentId === id,
      )!;
      expect(notice).toEqual({
        id: expect.any(String),
        type: 'status_changed',
        incidentId: id,
        title: `Update on report ${reference}`,
        body: expect.stringContaining(reference),
        createdAt: expect.any(String),
        readAt: null,
      });
      expect(Number.isNaN(Date.parse(notice.createdAt as string))).toBe(false);

      // Someone else's notice is not found; nor is an unknown one.
      await (
        await t.signIn(people['parent'])
      )
        .post(`${NOTIFICATIONS}/${notice.id as string}/read`)
        .expect(404);
      await (
        await t.signIn(people['student'])
      )
        .post(`${NOTIFICATIONS}/00000000-0000-4000-8000-000000000000/read`)
        .expect(404);
      await (
        await t.signIn(people['student'])
      )
        .post(`${NOTIFICATIONS}/not-a-uuid/read`)
        .expect(400);
      const parentList = await (await t.signIn(people['parent'])).get(NOTIFICATIONS).expect(200);
      expect(
        (parentList.body.items as { id: string }[]).some((item) => item.id === notice.id),
      ).toBe(false);

      await (
        await t.signIn(people['student'])
      )
        .post(`${NOTIFICATIONS}/${notice.id as string}/read`)
        .expect(204);
      await (
        await t.signIn(people['student'])
      )
        .post(`${NOTIFICATIONS}/${notice.id as string}/read`)
        .expect(204);
      const unreadAfter = await (
        await t.signIn(people['student'])
      )
        .get(`${NOTIFICATIONS}?unread=true`)
        .expect(200);
      expect((unreadAfter.body.items as { id: string }[]).map((item) => item.id)).not.toContain(
        notice.id,
      );
      const all = await (await t.signIn(people['student'])).get(NOTIFICATIONS).expect(200);
      const read = (all.body.items as { id: string; readAt: string | null }[]).find(
        (item) => item.id === notice.id,
      )!;
      expect(Number.isNaN(Date.parse(read.readAt!))).toBe(false);

      await (await t.signIn(people['student'])).get(`${NOTIFICATIONS}?unread=maybe`).expect(400);
      await t.http.get(NOTIFICATIONS).expect(401);
      await t.http.post(`${NOTIFICATIONS}/${notice.id as string}/read`).expect(401);
    });

    it('pages newest first with a cursor', async () => {
      const total = await count('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1', [
        people.counselor.id,
      ]);
      expect(total).toBeGreaterThan(3);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await t.http
          .get(NOTIFICATIONS)
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set(await as('counselor'))
          .expect(200);
        const items = page.body.items as { id: string; createdAt: string }[];
        expect(items.length).toBeLessThanOrEqual(2);
        seen.push(...items.map((item) => item.id));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    });

    it('lets every role read its inbox', async () => {
      for (const who of [
        'districtAdmin',
        'schoolAdmin',
        'counselor',
        'staff',
        'student',
        'parent',
      ] as const) {
        const response = await (await t.signIn(people[who])).get(`${NOTIFICATIONS}?unread=true`);
        expect({ who, status: response.status }).toEqual({ who, status: 200 });
        expect(Array.isArray(response.body.items)).toBe(true);
      }
    });

    it('writes e-mails as .eml files under DATA_DIR/mail without SMTP, one per recipient with an address', async () => {
      const { id, reference } = await file('student');
      await act('counselor', id, 'triage', { severity: 'low' });
      await deliverAll();

      const deliveries = await query<{
        id: string;
        user_id: string;
        status: string;
        sent_at: Date | null;
        title: string;
        body: string;
      }>(
        `SELECT d.id, d.user_id, d.status, d.sent_at, n.title, n.body
           FROM email_deliveries d
           JOIN notifications n ON n.outbox_id = d.outbox_id AND n.user_id = d.user_id
          WHERE d.incident_id = $1`,
        [id],
      );
      // counselor2 has no address: in-app only.
      expect(names(deliveries.map((d) => d.user_id))).toEqual(['counselor', 'parent', 'student']);
      expect(await heard(id, 'filed')).toEqual(['counselor', 'counselor2']);
      const files = mailFiles();
      for (const delivery of deliveries) {
        expect(delivery.status).toBe('sent');
        expect(delivery.sent_at).not.toBeNull();
        const user = people[nameOf.get(delivery.user_id)!];
        const written = files.filter((mail) => mail.messageId === `<${delivery.id}@safe-schools>`);
        expect(written).toHaveLength(1);
        const [mail] = written;
        expect(mail.headers.to).toBe(user.email);
        expect(mail.headers.from).toBe(MAIL_FROM);
        // The e-mail says what the in-app notice says, and ends with the link to the case.
        expect(mail.headers.subject).toBe(delivery.title);
        expect(mail.headers.subject).toContain(reference);
        const news = delivery.body.replace(/ Sign in to Safe Schools to see the details\.$/, '');
        expect(mail.text.trim()).toBe(
          `${news}\n\nSign in to Safe Schools to see the details:\n${PUBLIC_URL}/cases/${id}`,
        );
        // A notice never carries the report's words.
        expect(mail.text).not.toContain(DESCRIPTION);
        expect(mail.text).not.toContain(people.student.displayName);
      }
    });

    it('sends e-mail through SMTP when SMTP_URL is set, with the delivery id as Message-ID', async () => {
      await deliverAll();
      const sink = await MailSink.start();
      const smtpWorker = await startWorker(workerConfig({ SMTP_URL: sink.url }), databaseUrl);
      try {
        const mailsBefore = mailFiles().length;
        const { id, reference } = await file('student');
        await deliverAll(smtpWorker);
        // Its start-up round may be the one sending it.
        await waitUntil(
          async () =>
            (await count(
              `SELECT count(*)::int AS n FROM email_deliveries d JOIN outbox o ON o.id = d.outbox_id
                WHERE d.incident_id = $1 AND o.type = 'filed' AND d.status = 'sent'`,
              [id],
            )) === 1,
        );

        const [delivery] = await query<{ id: string; status: string; attempts: number }>(
          `SELECT d.id, d.status, d.attempts FROM email_deliveries d JOIN outbox o ON o.id = d.outbox_id
            WHERE d.incident_id = $1 AND o.type = 'filed'`,
          [id],
        );
        expect(delivery).toMatchObject({ status: 'sent', attempts: 1 });
        const received = sink.accepted.filter(
          (mail) => mail.messageId === `<${delivery.id}@safe-schools>`,
        );
        expect(received).toHaveLength(1);
        expect(received[0].headers.to).toBe(people.counselor.email);
        expect(received[0].headers.subject).toBe(`New report ${reference}`);
        expect(received[0].text.trimEnd()).toMatch(
          new RegExp(`Sign in to Safe Schools to see the details:\\n${PUBLIC_URL}/cases/${id}$`),
        );
        expect(mailFiles()).toHaveLength(mailsBefore);
      } finally {
        await smtpWorker.close();
        await sink.close();
      }
    });

    it("writes each notice in the recipient's language, in the app and in the e-mail", async () => {
      const { id, reference } = await file('student', {
        parties: [{ role: 'target', name: 'Ana' }],
      });
      const party = (await view(id)).parties!.find((p) => p.role === 'target')!;
      await act('counselor', id, 'triage', {
        severity: 'medium',
        partyLinks: [{ partyId: party.id, studentId: people.targetStudent.id }],
      });
      await deliverAll();

      const notices = await query<{ user_id: string; title: string; body: string }>(
        `SELECT user_id, title, body FROM notifications WHERE incident_id = $1 AND type = 'status_changed'`,
        [id],
      );
      const byName = Object.fromEntries(notices.map((n) => [nameOf.get(n.user_id), n]));
      expect(byName.targetParent.title).toBe(`Novedades sobre el reporte ${reference}`);
      expect(byName.targetParent.body).toContain('ahora está revisado por la escuela');
      expect(byName.parent.title).toBe(`Update on report ${reference}`);
      expect(byName.parent.body).toContain('is now reviewed by the school');

      const spanishMail = mailFiles().find(
        (mail) =>
          mail.headers.to === people.targetParent.email &&
          mail.headers.subject === `Novedades sobre el reporte ${reference}`,
      );
      expect(spanishMail?.text).toContain('ahora está revisado por la escuela');
      expect(spanishMail?.text.trimEnd()).toMatch(
        new RegExp(
          `\\n\\nInicie sesión en Safe Schools para ver los detalles:\\n${PUBLIC_URL}/cases/${id}$`,
        ),
      );
      const englishMail = mailFiles().find(
        (mail) =>
          mail.headers.to === people.parent.email &&
          mail.headers.subject === `Update on report ${reference}`,
      );
      expect(englishMail?.text.trimEnd()).toMatch(
        new RegExp(
          `\\n\\nSign in to Safe Schools to see the details:\\n${PUBLIC_URL}/cases/${id}$`,
        ),
      );
      // The in-app notice keeps its sentence; the app links the case by its incidentId.
      expect(byName.parent.body).toMatch(/Sign in to Safe Schools to see the details\.$/);
    });

    it('links every e-mail about a case to that case page', async () => {
      const { id } = await file('student');
      await act('counselor', id, 'triage', { severity: 'low', assigneeId: people.counselor2.id });
      await deliverAll();

      const sent = await query<{ id: string; body: string }>(
        'SELECT id, body FROM email_deliveries WHERE incident_id = $1',
        [id],
      );
      expect(sent.length).toBeGreaterThanOrEqual(3);
      for (const mail of sent) expect(mail.body.endsWith(`\n${PUBLIC_URL}/cases/${id}`)).toBe(true);
    });
  });

  describe('deadlines', () => {
    it('reminds the assignee (or the counselors) of a deadline due soon and tells the admins of an overdue one, once per case and deadline, even from concurrent scans', async () => {
      const unassigned = await file('student');
      const assigned = await file('student');
      await act('counselor', assigned.id, 'triage', {
        severity: 'medium',
        assigneeId: people.counselor2.id,
      });
      const overdue = await file('student');
      const finished = await file('student');
      await act('counselor', finished.id, 'triage', { severity: 'low' });
      await act('counselor', finished.id, 'transitions', {
        action: 'dismiss',
        reason: 'Duplicate',
      });
      const later = await file('student');
      const ids = [unassigned, assigned, overdue, finished, later].map((i) => i.id);
      // Far from due first, whatever the school calendar said.
      await query(
        `UPDATE incidents SET triage_due_at = now() + interval '3 days', resolve_due_at = now() + interval '20 days'
          WHERE id = ANY($1)`,
        [ids],
      );
      await deliverAll();
      const scanner = worker.get(DeadlineScanner);
      const deadlineEvents = () =>
        query<{ incident_id: string; type: string }>(
          `SELECT incident_id, type FROM outbox WHERE incident_id = ANY($1) AND type IN ('deadline_reminder', 'overdue_escalated')`,
          [ids],
        );
      const eventsBefore = (await deadlineEvents()).length;

      await query(`UPDATE incidents SET triage_due_at = now() + interval '2 hours' WHERE id = $1`, [
        unassigned.id,
      ]);
      await query(
        `UPDATE incidents SET resolve_due_at = now() + interval '3 hours' WHERE id = $1`,
        [assigned.id],
      );
      await query(`UPDATE incidents SET triage_due_at = now() - interval '1 hour' WHERE id = $1`, [
        overdue.id,
      ]);
      await query(
        `UPDATE incidents SET triage_due_at = now() - interval '1 hour', resolve_due_at = now() - interval '1 hour' WHERE id = $1`,
        [finished.id],
      );

      // Three scans at once (as from three workers) still queue each notice once.
      const queued = await Promise.all([scanner.scan(), scanner.scan(), scanner.scan()]);
      expect(queued.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(3);
      await deliverAll();

      expect(await heard(unassigned.id, 'deadline_reminder')).toEqual(['counselor', 'counselor2']);
      expect(await heard(assigned.id, 'deadline_reminder')).toEqual(['counselor2']);
      expect(await heard(overdue.id, 'overdue_escalated')).toEqual(['schoolAdmin']);
      expect(await heard(overdue.id, 'deadline_reminder')).toEqual([]);
      expect(await heard(unassigned.id, 'overdue_escalated')).toEqual([]);
      expect(await heard(finished.id, 'overdue_escalated')).toEqual([]);
      expect(await heard(later.id, 'deadline_reminder')).toEqual([]);
      const [reminder] = await query<{ body: string }>(
        `SELECT body FROM notifications WHERE incident_id = $1 AND type = 'deadline_reminder' LIMIT 1`,
        [unassigned.id],
      );
      expect(reminder.body).toMatch(
        new RegExp(`${unassigned.reference} is \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}`),
      );
      const notices = await query<{ incident_id: string; deadline: string; kind: string }>(
        'SELECT incident_id, deadline, kind FROM deadline_notices WHERE incident_id = ANY($1)',
        [ids],
      );
      expect(
        notices.map((n) => `${ids.indexOf(n.incident_id)}:${n.deadline}:${n.kind}`).sort(),
      ).toEqual(['0:triage:reminder', '1:resolve:reminder', '2:triage:overdue']);
      const timeline = (await view(overdue.id)).timeline.map((entry) => entry.type);
      expect(timeline).toContain('overdue_escalated');

      // A second scan, even after the deadline moved within the window, queues nothing new.
      const eventsAfterFirst = (await deadlineEvents()).length;
      expect(eventsAfterFirst - eventsBefore).toBe(3);
      await query(`UPDATE incidents SET triage_due_at = now() + interval '5 hours' WHERE id = $1`, [
        unassigned.id,
      ]);
      expect(await scanner.scan()).toBe(0);
      await deliverAll();
      expect(await deadlineEvents()).toHaveLength(eventsAfterFirst);
      expect(await heard(unassigned.id, 'deadline_reminder')).toEqual(['counselor', 'counselor2']);
    });
  });

  describe('the record of notices to families', () => {
    it('puts each notice that reached families on the staff timeline once, with its recipients and their channels', async () => {
      const { id } = await file('student', {
        parties: [{ role: 'target', name: 'My friend from class' }],
      });
      const party = (await view(id)).parties!.find((p) => p.role === 'target')!;
      await act('counselor', id, 'triage', {
        severity: 'low',
        partyLinks: [{ partyId: party.id, studentId: people.targetStudent.id }],
      });
      const family = (['parent', 'student', 'targetParent'] as const).map((who) => people[who]);
      const listed = (channels: string[]) =>
        [...family]
          .sort((x, y) => x.displayName.localeCompare(y.displayName) || x.id.localeCompare(y.id))
          .map((user) => ({ recipientId: user.id, recipientName: user.displayName, channels }));

      // In the app first: one entry for the notice, listing all three.
      await worker.get(OutboxDispatcher).dispatchBatch();
      const [triaged] = (await outboxOf(id)).filter((row) => row.type === 'status_changed');
      // Linking the target also told the target's family that the report concerns their child.
      const [named] = (await outboxOf(id)).filter((row) => row.type === 'child_named_target');
      const targetFamily = (channels: string[]) => [
        {
          recipientId: people.targetParent.id,
          recipientName: people.targetParent.displayName,
          channels,
        },
      ];
      const firstEntries = familyNotified((await view(id)).timeline).map((entry) => entry.data);
      expect(firstEntries).toHaveLength(2);
      expect(firstEntries).toEqual(
        expect.arrayContaining([
          { notice: 'status_changed', outboxId: triaged.id, recipients: listed(['in_app']) },
          {
            notice: 'child_named_target',
            outboxId: named.id,
            recipients: targetFamily(['in_app']),
          },
        ]),
      );

      // Then by e-mail: the same entry gains the channel as each e-mail goes out.
      await deliverAll();
      await act('counselor', id, 'transitions', { action: 'start' });
      await note('counselor', id, 'shared');
      await act('counselor', id, 'resolve', { outcome: 'inconclusive', summary: 'We talked.' });
      await deliverAll();

      const toFamilies = (await outboxOf(id)).filter((row) =>
        row.payload.recipients!.some((recipient) => recipient.family),
      );
      expect(toFamilies.map((row) => row.type).sort()).toEqual([
        'child_named_target',
        'resolved',
        'shared_note',
        'status_changed',
        'status_changed',
      ]);
      const recorded = familyNotified((await view(id)).timeline);
      expect(recorded).toHaveLength(toFamilies.length);
      expect(recorded.map((entry) => entry.data)).toEqual(
        expect.arrayContaining(
          toFamilies.map((row) => ({
            notice: row.type,
            outboxId: row.id,
            recipients:
              row.type === 'child_named_target'
                ? targetFamily(['in_app', 'email'])
                : listed(['in_app', 'email']),
          })),
        ),
      );
      for (const entry of recorded) {
        expect(entry).toMatchObject({ visibility: 'internal', actor: null });
      }
      // The new-report notice went to staff only: not recorded.
      expect(recorded.some((entry) => entry.data.notice === 'filed')).toBe(false);

      // No family sees the record, nor the names of the other family.
      const names = (whos: readonly Who[]) => whos.map((who) => people[who].displayName);
      for (const [who, others] of [
        ['student', names(['targetStudent', 'targetParent'])],
        ['parent', names(['targetStudent', 'targetParent'])],
        ['targetParent', names(['student', 'parent'])],
      ] as const) {
        const own = JSON.stringify(await view(id, who));
        expect(own).not.toContain('family_notified');
        for (const name of others) expect(own).not.toContain(name);
      }
    });
  });

  describe('reliability', () => {
    it('ignores a redelivered event: no second notice, e-mail or family record', async () => {
      const { id } = await file('student');
      await act('counselor', id, 'triage', { severity: 'low' });
      await deliverAll();
      const snapshot = async () => ({
        notices: await count(
          'SELECT count(*)::int AS n FROM notifications WHERE incident_id = $1',
          [id],
        ),
        emails: await count(
          'SELECT count(*)::int AS n FROM email_deliveries WHERE incident_id = $1',
          [id],
        ),
        files: mailFiles().length,
        familyRecords: familyNotified((await view(id)).timeline).map((entry) => entry.data),
      });
      const before = await snapshot();
      expect(before).toMatchObject({ notices: 4, emails: 3 });
      expect(before.familyRecords).toHaveLength(1);

      const reset = await query<{ id: string }>(
        `UPDATE outbox SET status = 'pending', processed_at = NULL WHERE incident_id = $1 RETURNING id`,
        [id],
      );
      expect(reset).toHaveLength(2);
      await deliverAll();

      expect(await snapshot()).toEqual(before);
      expect((await outboxOf(id)).map((row) => row.status)).toEqual(['delivered', 'delivered']);
      const duplicates = await query(
        `SELECT outbox_id, user_id FROM notifications WHERE incident_id = $1
          GROUP BY outbox_id, user_id HAVING count(*) > 1`,
        [id],
      );
      expect(duplicates).toEqual([]);
    });

    describe('with a mail server that refuses everything and OUTBOX_MAX_ATTEMPTS=2', () => {
      let refusing: MailSink;
      let fragile: INestApplicationContext;

      beforeAll(async () => {
        await deliverAll();
        refusing = await MailSink.start({ rejectWith: 451 });
        fragile = await startWorker(
          workerConfig({ SMTP_URL: refusing.url, OUTBOX_MAX_ATTEMPTS: '2' }),
          databaseUrl,
        );
        await sleep(300); // its start-up round finds nothing to do
      });

      afterAll(async () => {
        await fragile?.close();
        await refusing?.close();
      });

      const secondsUntilDue = async (table: 'outbox' | 'email_deliveries', id: string) =>
        (
          await query<{ s: number }>(
            `SELECT extract(epoch FROM available_at - now())::float AS s FROM ${table} WHERE id = $1`,
            [id],
          )
        )[0].s;

      it('retries a failed e-mail after a backoff, then gives it up as dead, while the in-app notice stands', async () => {
        const { id, reference } = await file('student');
        await fragile.get(OutboxDispatcher).dispatchBatch();
        expect(await heard(id, 'filed')).toEqual(['counselor', 'counselor2']);
        const [delivery] = await query<{ id: string }>(
          'SELECT id FROM email_deliveries WHERE incident_id = $1',
          [id],
        );
        const row = async () =>
          (
            await query<{ status: string; attempts: number; last_error: string | null }>(
              'SELECT status, attempts, last_error FROM email_deliveries WHERE id = $1',
              [delivery.id],
            )
          )[0];

        await fragile.get(EmailSender).sendBatch();
        expect(await row()).toMatchObject({ status: 'pending', attempts: 1 });
        expect((await row()).last_error).toEqual(expect.any(String));
        const wait = await secondsUntilDue('email_deliveries', delivery.id);
        expect(wait).toBeGreaterThan(3);
        expect(wait).toBeLessThanOrEqual(5.5);

        // Not retried before its time.
        expect(await fragile.get(EmailSender).sendBatch()).toBe(0);
        expect((await row()).attempts).toBe(1);

        await query('UPDATE email_deliveries SET available_at = now() WHERE id = $1', [
          delivery.id,
        ]);
        await fragile.get(EmailSender).sendBatch();
        expect(await row()).toMatchObject({ status: 'dead', attempts: 2 });

        // A dead e-mail is never sent again, by any worker.
        await query('UPDATE email_deliveries SET available_at = now() WHERE id = $1', [
          delivery.id,
        ]);
        expect(await fragile.get(EmailSender).sendBatch()).toBe(0);
        await deliverAll();
        expect(await row()).toMatchObject({ status: 'dead', attempts: 2 });
        expect(mailFiles().some((mail) => mail.messageId === `<${delivery.id}@safe-schools>`)).toBe(
          false,
        );
        const tries = refusing.received.filter(
          (mail) => mail.messageId === `<${delivery.id}@safe-schools>`,
        );
        expect(tries).toHaveLength(2);
        expect(tries[0].headers.subject).toBe(`New report ${reference}`);
        expect(refusing.accepted).toEqual([]);
      });

      it('rolls back a failing event, retries it with a doubling backoff, then gives it up as dead', async () => {
        const insert = async () =>
          (
            await query<{ id: string }>(
              `INSERT INTO outbox (type, school_id, payload) VALUES ('test.no_such_notice', $1, $2) RETURNING id`,
              [
                school.id,
                JSON.stringify({
                  recipients: [{ userId: people.counselor.id, family: false }],
                  facts: { reference: 'X-1', schoolName: 'X' },
                }),
              ],
            )
          )[0].id;
        const row = async (id: string) =>
          (
            await query<{ status: string; attempts: number; last_error: string | null }>(
              'SELECT status, attempts, last_error FROM outbox WHERE id = $1',
              [id],
            )
          )[0];
        const noticesOf = (id: string) =>
          count('SELECT count(*)::int AS n FROM notifications WHERE outbox_id = $1', [id]);

        // The ordinary worker (8 attempts): 5 s, then 10 s.
        const poison = await insert();
        await worker.get(OutboxDispatcher).dispatchBatch();
        expect(await row(poison)).toMatchObject({ status: 'pending', attempts: 1 });
        expect((await row(poison)).last_error).toContain('test.no_such_notice');
        expect(await noticesOf(poison)).toBe(0);
        let wait = await secondsUntilDue('outbox', poison);
        expect(wait).toBeGreaterThan(3);
        expect(wait).toBeLessThanOrEqual(5.5);
        expect(await worker.get(OutboxDispatcher).dispatchBatch()).toBe(0);
        await query('UPDATE outbox SET available_at = now() WHERE id = $1', [poison]);
        await worker.get(OutboxDispatcher).dispatchBatch();
        expect(await row(poison)).toMatchObject({ status: 'pending', attempts: 2 });
        wait = await secondsUntilDue('outbox', poison);
        expect(wait).toBeGreaterThan(8);
        expect(wait).toBeLessThanOrEqual(10.5);

        // The worker allowed two attempts: dead after the second failure.
        const second = await insert();
        await fragile.get(OutboxDispatcher).dispatchBatch();
        expect(await row(second)).toMatchObject({ status: 'pending', attempts: 1 });
        await query('UPDATE outbox SET available_at = now() WHERE id = $1', [second]);
        await fragile.get(OutboxDispatcher).dispatchBatch();
        expect(await row(second)).toMatchObject({ status: 'dead', attempts: 2 });
        await query('UPDATE outbox SET available_at = now() WHERE id = $1', [second]);
        expect(await fragile.get(OutboxDispatcher).dispatchBatch()).toBe(0);
        expect(await worker.get(OutboxDispatcher).dispatchBatch()).toBe(0);
        expect(await noticesOf(second)).toBe(0);

        await query('DELETE FROM outbox WHERE id = ANY($1)', [[poison, second]]);
      });
    });

    it('never delivers twice when several workers drain the same events at once', async () => {
      await deliverAll();
      const filed = [];
      for (let i = 0; i < 10; i += 1) filed.push(await file('student'));
      for (const { id } of filed) {
        await act('counselor', id, 'triage', { severity: 'low', assigneeId: people.counselor2.id });
      }
      const ids = filed.map((i) => i.id);
      const events = await query<{ id: string }>(
        'SELECT id FROM outbox WHERE incident_id = ANY($1)',
        [ids],
      );
      expect(events).toHaveLength(30);

      const sink = await MailSink.start({ delayMs: 5 });
      const workers = await Promise.all(
        [1, 2, 3].map(() => startWorker(workerConfig({ SMTP_URL: sink.url }), databaseUrl)),
      );
      try {
        const drain = async (context: INestApplicationContext) => {
          for (let round = 0; round < 200; round += 1) {
            const done =
              (await context.get(OutboxDispatcher).dispatchBatch(3)) +
              (await context.get(EmailSender).sendBatch(3));
            if (done === 0) return;
          }
        };
        await Promise.all(workers.flatMap((context) => [drain(context), drain(context)]));
        // The workers' own start-up rounds may still hold the last rows.
        await waitUntil(
          async () =>
            (await count(
              `SELECT ((SELECT count(*) FROM outbox WHERE id = ANY($1) AND status = 'pending')
                    + (SELECT count(*) FROM email_deliveries WHERE outbox_id = ANY($1) AND status = 'pending'))::int
                      AS n`,
              [events.map((event) => event.id)],
            )) === 0,
        );

        const eventIds = events.map((event) => event.id);
        const outbox = await query<{ status: string; attempts: number; last_error: string | null }>(
          'SELECT status, attempts, last_error FROM outbox WHERE id = ANY($1)',
          [eventIds],
        );
        expect(outbox).toHaveLength(30);
        expect(outbox.every((row) => row.status === 'delivered' && row.attempts === 0)).toBe(true);
        const perPair = await query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notifications WHERE outbox_id = ANY($1)
            GROUP BY outbox_id, user_id`,
          [eventIds],
        );
        expect(perPair).toHaveLength(50);
        expect(perPair.every((row) => row.n === 1)).toBe(true);

        const emails = await query<{ id: string; status: string; attempts: number }>(
          'SELECT id, status, attempts, last_error FROM email_deliveries WHERE outbox_id = ANY($1)',
          [eventIds],
        );
        expect(emails).toHaveLength(30);
        expect(emails.filter((row) => !(row.status === 'sent' && row.attempts === 1))).toEqual([]);
        const messageIds = new Set(emails.map((email) => `<${email.id}@safe-schools>`));
        const counts = sink.acceptedCounts();
        for (const messageId of messageIds) expect(counts.get(messageId)).toBe(1);
        expect(sink.received.filter((mail) => messageIds.has(mail.messageId))).toHaveLength(30);

        // One record per status change; its two family recipients each told once per channel.
        const records = await query<{ recipients: { channels: string[] }[] }>(
          `SELECT data->'recipients' AS recipients FROM incident_events
            WHERE type = 'family_notified' AND data->>'outboxId' = ANY($1)`,
          [eventIds],
        );
        expect(records).toHaveLength(10);
        expect(
          records.flatMap((row) => row.recipients.map((recipient) => recipient.channels.join())),
        ).toEqual(Array<string>(20).fill('in_app,email'));
      } finally {
        await Promise.all(workers.map((context) => context.close()));
        await sink.close();
      }
    });
  });
});
