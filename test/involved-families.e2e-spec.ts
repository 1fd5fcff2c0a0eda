import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { parseEnvironment } from '@app/common';
import type { User } from '@app/identity';
import { OutboxDispatcher } from '@app/notifications';
import { startWorker } from '@app/worker';
import { Factory } from './support/factory';
import type { ApiClient, IncidentView } from './support/api-driver';
import { TestApp } from './support/test-app';

// Starting the app and a worker can take longer than jest's default 5 s on a busy machine.
jest.setTimeout(60_000);

type World = Awaited<ReturnType<Factory['world']>>;

interface InvolvedFamily {
  student: { id: string; displayName: string };
  roles: string[];
  guardians: { id: string; displayName: string; locale: string }[];
  notice: { id: string; summary: string; sentAt: string; sentBy: { id: string } | null } | null;
  noticesSent: number;
}

const DESCRIPTION =
  'In the cafeteria Archie Aggressor pushed Toby Target off the bench; Wendy Witness saw it all.';
const SUMMARY_FOR_REPORTER = 'We looked into it, spoke with everyone and took measures.';
const NOTICE = {
  aggressor:
    'Archie met the counselor twice and will take part in a restorative session; lunch supervision changes.',
  witness: 'Thank you: Wendy’s account helped. No action concerns her.',
  target: 'Toby has a safety plan and a trusted adult to go to at lunch.',
};

describe('every family involved: aggressors’ and witnesses’ parents, and the outcome notice per family', () => {
  let t: TestApp;
  let world: World;
  let dataDir: string;
  let worker: INestApplicationContext;
  let counselor: ApiClient;
  let people: Record<
    'target' | 'targetParent' | 'aggressor' | 'aggressorParent' | 'witness' | 'witnessParent',
    User
  > &
    Record<'orphan' | 'strangerParent', User>;
  let as: Record<
    'targetParent' | 'aggressorParent' | 'witnessParent' | 'aggressor' | 'strangerParent',
    ApiClient
  >;
  let incidentId: string;

  const deliverAll = async () => {
    while ((await worker.get(OutboxDispatcher).dispatchBatch()) > 0);
  };
  const query = <T>(sql: string, params: unknown[] = []) => t.dataSource.query<T[]>(sql, params);
  const staffView = () => counselor.incident(incidentId).expectStatus(200);
  const families = () =>
    counselor.get(`/incidents/${incidentId}/outcome-notices`).expect(200) as Promise<{
      body: InvolvedFamily[];
    }>;
  const thread = async (client: ApiClient) =>
    (await client.messages(incidentId, { limit: 100 }).expectStatus(200)).items.map(
      (message) => message.body,
    );

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'involved-families-'));
    t = await TestApp.start({ DATA_DIR: dataDir });
    world = await t.factory.world();
    const inSchool = { district: world.district, schools: [world.school] };
    const student = (displayName: string) => t.factory.user('student', inSchool, { displayName });
    const parent = (displayName: string, locale: 'en' | 'es') =>
      t.factory.user('parent', inSchool, {
        displayName,
        locale,
        email: `${displayName.replace(/\W/g, '').toLowerCase()}@families.test`,
      });
    people = {
      target: await student('Toby Target'),
      targetParent: await parent('Tara Target', 'en'),
      aggressor: await student('Archie Aggressor'),
      aggressorParent: await parent('Alma Aggressor', 'es'),
      witness: await student('Wendy Witness'),
      witnessParent: await parent('Walt Witness', 'en'),
      orphan: await student('Olive Nobody'),
      strangerParent: await parent('Stan Stranger', 'en'),
    };
    await t.factory.guardianship(people.targetParent, people.target);
    await t.factory.guardianship(people.aggressorParent, people.aggressor);
    await t.factory.guardianship(people.witnessParent, people.witness);
    await t.factory.guardianship(people.strangerParent, await student('Sid Stranger'));
    counselor = await t.signIn(world.users.counselor);
    as = {
      targetParent: await t.signIn(people.targetParent),
      aggressorParent: await t.signIn(people.aggressorParent),
      witnessParent: await t.signIn(people.witnessParent),
      aggressor: await t.signIn(people.aggressor),
      strangerParent: await t.signIn(people.strangerParent),
    };
    const staff = await t.signIn(world.users.staff);
    incidentId = (
      await staff
        .file(world.school.id, {
          description: DESCRIPTION,
          parties: [
            { role: 'target', studentId: people.target.id },
            { role: 'aggressor', studentId: people.aggressor.id },
            { role: 'witness', studentId: people.witness.id },
            { role: 'witness', studentId: people.orphan.id },
          ],
        })
        .expectStatus(201)
    ).id;
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
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  describe('the parents of an aggressor and of a witness', () => {
    it.each([
      ['aggressorParent', 'aggressor'],
      ['witnessParent', 'witness'],
    ] as const)(
      '%s sees only their child’s part: no report text, no other child, no reporter',
      async (who, role) => {
        const view = await as[who].incident(incidentId).expectStatus(200);

        const child = people[role];
        expect(view).toEqual({
          view: 'involved_family',
          id: incidentId,
          reference: expect.any(String),
          schoolName: world.school.name,
          child: { id: child.id, displayName: child.displayName },
          childRole: role,
          status: 'submitted',
          resolvedAt: null,
          outcomeNotice: null,
          timeline: [],
          version: expect.any(Number),
          createdAt: expect.any(String),
        });
        const text = JSON.stringify(view);
        for (const secret of [
          'cafeteria',
          'pushed',
          'Toby',
          'Olive',
          world.users.staff.displayName,
          ...(role === 'aggressor' ? ['Wendy'] : ['Archie']),
        ])
          expect(text).not.toContain(secret);
      },
    );

    it('find the case in their list as their child’s, without what it was about', async () => {
      const page = await as.aggressorParent.queue().expectStatus(200);

      expect(page.items).toEqual([
        {
          view: 'involved_family',
          id: incidentId,
          reference: expect.any(String),
          status: 'submitted',
          child: { id: people.aggressor.id, displayName: people.aggressor.displayName },
          childRole: 'aggressor',
          resolvedAt: null,
          createdAt: expect.any(String),
        },
      ]);
    });

    it('cannot add files or download any, and the children themselves see nothing', async () => {
      await t.http
        .post(`/api/v1/incidents/${incidentId}/attachments`)
        .set(as.aggressorParent.headers)
        .attach('file', Buffer.from('our side of the story\n', 'utf8'), 'note.txt')
        .expect(404);

      await as.aggressor.incident(incidentId).expectStatus(404);
      await as.aggressor.messages(incidentId).expectStatus(404);
      expect((await as.aggressor.queue().expectStatus(200)).items).toEqual([]);
      await as.aggressor.message(incidentId, { body: 'Hi' }).expectStatus(404);
    });

    it('a guardian of a student with no part in the case gets 404 everywhere', async () => {
      await as.strangerParent.incident(incidentId).expectStatus(404);
      await as.strangerParent.messages(incidentId).expectStatus(404);
      await as.strangerParent.message(incidentId, { body: 'Hello?' }).expectStatus(404);
      expect((await as.strangerParent.queue().expectStatus(200)).items).toEqual([]);
    });
  });

  describe('threads', () => {
    it('staff write to each family; each family reads and answers only its own thread', async () => {
      for (const [role, body] of [
        ['target', 'To Toby’s family: can we meet?'],
        ['aggressor', 'To Archie’s family: can we meet?'],
        ['witness', 'To Wendy’s family: can we talk?'],
      ] as const) {
        await counselor
          .message(incidentId, { body, familyOfStudentId: people[role].id })
          .expectStatus(201);
      }
      const answer = await as.aggressorParent
        .message(incidentId, { body: 'Sí, el martes.' })
        .expectStatus(201);
      expect(answer).toMatchObject({ authorKind: 'family', mine: true });

      expect(await thread(as.aggressorParent)).toEqual([
        'To Archie’s family: can we meet?',
        'Sí, el martes.',
      ]);
      expect(await thread(as.witnessParent)).toEqual(['To Wendy’s family: can we talk?']);
      expect(await thread(as.targetParent)).toEqual(['To Toby’s family: can we meet?']);
      const staffMessages = await counselor.messages(incidentId, { limit: 100 }).expectStatus(200);
      expect(
        staffMessages.items
          .filter((message) => message.threadStudentId === people.aggressor.id)
          .map((message) => message.body),
      ).toEqual(['To Archie’s family: can we meet?', 'Sí, el martes.']);
    });

    it('a family cannot pick another family’s thread', async () => {
      const response = await as.aggressorParent
        .message(incidentId, { body: 'x', familyOfStudentId: people.target.id })
        .expectStatus(422);
      expect(response).toMatchObject({ statusCode: 422 });
    });

    it('staff may write to the family of any linked student, and of no one else', async () => {
      await counselor
        .message(incidentId, { body: 'x', familyOfStudentId: world.users.student.id })
        .expectStatus(422);
    });
  });

  describe('outcome notices', () => {
    const send = (client: ApiClient, body: unknown) =>
      client.post(`/incidents/${incidentId}/outcome-notices`, body);

    it('wait for the case to be resolved', async () => {
      const response = await send(counselor, {
        notices: [{ studentId: people.aggressor.id, summary: NOTICE.aggressor }],
      }).expect(409);
      expect(response.body.message).toMatch(/once the case is resolved/);
    });

    it('lists every involved family, none told yet', async () => {
      await counselor.walk(incidentId, 'investigating');
      const view = await staffView();
      await counselor
        .resolve(incidentId, {
          version: view.version,
          outcome: 'substantiated',
          summary: SUMMARY_FOR_REPORTER,
        })
        .expectStatus(200);

      const { body } = await families();
      expect(
        body.map((family) => [family.student.displayName, family.roles, family.notice]),
      ).toEqual([
        ['Toby Target', ['target'], null],
        ['Archie Aggressor', ['aggressor'], null],
        ['Olive Nobody', ['witness'], null],
        ['Wendy Witness', ['witness'], null],
      ]);
      expect(body.find((family) => family.student.id === people.aggressor.id)!.guardians).toEqual([
        { id: people.aggressorParent.id, displayName: 'Alma Aggressor', locale: 'es' },
      ]);
      expect(body.find((family) => family.student.id === people.orphan.id)!.guardians).toEqual([]);
    });

    it('refuses, naming each, notices for an unlinked student, twice the same, or a family nobody can be told', async () => {
      const response = await send(counselor, {
        notices: [
          { studentId: world.users.student.id, summary: 'x' },
          { studentId: people.orphan.id, summary: 'x' },
          { studentId: people.witness.id, summary: 'x' },
          { studentId: people.witness.id, summary: 'y' },
        ],
      }).expect(422);

      expect(response.body.message).toContain('notices[0].studentId must be a student linked');
      expect(response.body.message).toContain('notices[1].studentId: no active parent account');
      expect(response.body.message).toContain('notices[3].studentId names the same student twice');
      expect(response.body.message).not.toContain('notices[2]');
      expect(
        await query('SELECT id FROM outcome_notices WHERE incident_id = $1', [incidentId]),
      ).toEqual([]);
    });

    it('refuses a malformed request with 400 listing every bad field', async () => {
      const response = await send(counselor, {
        version: 0,
        notices: [{ studentId: 'nope', summary: '' }],
        extra: true,
      }).expect(400);
      const message = JSON.stringify(response.body.message);
      for (const field of ['version', 'studentId', 'summary', 'extra'])
        expect(message).toContain(field);
      await send(counselor, { notices: [] }).expect(400);
    });

    it('refuses a stale version with 409', async () => {
      const view = await staffView();
      await send(counselor, {
        version: view.version - 1,
        notices: [{ studentId: people.aggressor.id, summary: NOTICE.aggressor }],
      }).expect(409);
    });

    it.each([
      ['a student', () => world.users.student],
      ['a parent', () => people.aggressorParent],
      ['a teacher (staff)', () => world.users.staff],
      ['a district admin', () => world.users.districtAdmin],
    ])('is never for %s: 403', async (_who, user) => {
      const client = await t.signIn(user());
      await send(client, {
        notices: [{ studentId: people.aggressor.id, summary: 'x' }],
      }).expect(403);
      await client.get(`/incidents/${incidentId}/outcome-notices`).expect(403);
    });

    it('is out of reach of another school’s administrator: 404', async () => {
      const client = await t.signIn(world.users.sisterAdmin);
      await send(client, {
        notices: [{ studentId: people.aggressor.id, summary: 'x' }],
      }).expect(404);
      await client.get(`/incidents/${incidentId}/outcome-notices`).expect(404);
    });

    it('go to each family in its language, on the timeline, and show in that family’s view only', async () => {
      const view = await staffView();
      const sent = await send(counselor, {
        version: view.version,
        notices: [
          { studentId: people.aggressor.id, summary: NOTICE.aggressor },
          { studentId: people.witness.id, summary: `  ${NOTICE.witness}  ` },
          { studentId: people.target.id, summary: NOTICE.target },
        ],
      }).expect(201);
      expect(
        (sent.body as InvolvedFamily[]).map((family) => [
          family.student.displayName,
          family.notice?.summary ?? null,
          family.noticesSent,
        ]),
      ).toEqual([
        ['Toby Target', NOTICE.target, 1],
        ['Archie Aggressor', NOTICE.aggressor, 1],
        ['Olive Nobody', null, 0],
        ['Wendy Witness', NOTICE.witness, 1],
      ]);
      await deliverAll();

      // In the app and by e-mail, in each guardian's language.
      const notices = await query<{ user_id: string; title: string; body: string }>(
        "SELECT user_id, title, body FROM notifications WHERE incident_id = $1 AND type = 'outcome_notice'",
        [incidentId],
      );
      const inApp = new Map(notices.map((notice) => [notice.user_id, notice]));
      expect([...inApp.keys()].sort()).toEqual(
        [people.aggressorParent.id, people.witnessParent.id, people.targetParent.id].sort(),
      );
      expect(inApp.get(people.aggressorParent.id)!.title).toMatch(/^El resultado del reporte/);
      expect(inApp.get(people.aggressorParent.id)!.body).toContain('su hijo o hija');
      expect(inApp.get(people.witnessParent.id)!.title).toMatch(/^The outcome of report/);
      const emails = await query<{ user_id: string; subject: string; body: string }>(
        `SELECT d.user_id, d.subject, d.body FROM email_deliveries d JOIN outbox o ON o.id = d.outbox_id
          WHERE d.incident_id = $1 AND o.type = 'outcome_notice'`,
        [incidentId],
      );
      const mail = new Map(emails.map((email) => [email.user_id, email]));
      expect(mail.get(people.aggressorParent.id)!.subject).toMatch(/^El resultado del reporte/);
      expect(mail.get(people.witnessParent.id)!.subject).toMatch(/^The outcome of report/);
      for (const email of emails) {
        // The summary itself stays behind the sign-in, like every case detail.
        for (const summary of Object.values(NOTICE)) expect(email.body).not.toContain(summary);
        expect(email.body).not.toContain('Toby');
      }

      // On the timeline: one internal entry per family, with who was told, and the deliveries.
      const timeline = (await staffView()).timeline;
      const entries = timeline.filter((entry) => entry.type === 'outcome_notice');
      expect(entries.map((entry) => [entry.visibility, entry.data.studentId])).toEqual([
        ['internal', people.aggressor.id],
        ['internal', people.witness.id],
        ['internal', people.target.id],
      ]);
      expect(entries[0].data).toMatchObject({
        student: 'Archie Aggressor',
        roles: ['aggressor'],
        guardians: [{ id: people.aggressorParent.id, displayName: 'Alma Aggressor' }],
        correction: false,
      });
      expect(entries[0].actor).toEqual({
        id: world.users.counselor.id,
        displayName: world.users.counselor.displayName,
      });
      const delivered = timeline.filter(
        (entry) => entry.type === 'family_notified' && entry.data.notice === 'outcome_notice',
      );
      expect(delivered).toHaveLength(3);

      // Each family sees its own notice, never another's nor the reporter's summary.
      const aggressorView = await as.aggressorParent.incident(incidentId).expectStatus(200);
      expect(aggressorView).toMatchObject({
        view: 'involved_family',
        status: 'resolved',
        resolvedAt: expect.any(String),
        outcomeNotice: { summary: NOTICE.aggressor, sentAt: expect.any(String) },
      });
      expect(aggressorView.timeline.map((entry) => entry.type)).toEqual([
        'status_changed',
        'status_changed',
        'resolved',
        'outcome_notice',
      ]);
      expect(aggressorView.timeline.slice(-2).map((entry) => entry.data)).toEqual([{}, {}]);
      const aggressorText = JSON.stringify(aggressorView);
      for (const other of [NOTICE.witness, NOTICE.target, SUMMARY_FOR_REPORTER])
        expect(aggressorText).not.toContain(other);

      const witnessView = await as.witnessParent.incident(incidentId).expectStatus(200);
      expect(witnessView.outcomeNotice).toEqual({
        summary: NOTICE.witness,
        sentAt: expect.any(String),
      });
      expect(JSON.stringify(witnessView)).not.toContain(NOTICE.aggressor);

      // The target's family keeps the general summary and gets its own notice on top.
      const targetView: IncidentView = await as.targetParent.incident(incidentId).expectStatus(200);
      expect(targetView).toMatchObject({
        view: 'family',
        resolutionSummary: SUMMARY_FOR_REPORTER,
        outcomeNotice: { summary: NOTICE.target },
      });
      expect(targetView.timeline.filter((entry) => entry.type === 'outcome_notice')).toEqual([
        { type: 'outcome_notice', at: expect.any(String), data: {} },
      ]);
      expect(JSON.stringify(targetView)).not.toContain(NOTICE.aggressor);

      // The audit log has each one.
      const audit = await query<{ action: string }>(
        "SELECT action FROM audit_log WHERE incident_id = $1 AND action = 'outcome_notice.sent'",
        [incidentId],
      );
      expect(audit).toHaveLength(3);
    });

    it('a second notice to a family is a correction: they see the latest, staff see how many', async () => {
      await send(counselor, {
        notices: [{ studentId: people.aggressor.id, summary: `${NOTICE.aggressor} (corrected)` }],
      }).expect(201);

      const aggressor = (await families()).body.find(
        (family) => family.student.id === people.aggressor.id,
      )!;
      expect(aggressor).toMatchObject({
        noticesSent: 2,
        notice: { summary: `${NOTICE.aggressor} (corrected)` },
      });
      const view = await as.aggressorParent.incident(incidentId).expectStatus(200);
      expect(view.outcomeNotice).toMatchObject({ summary: `${NOTICE.aggressor} (corrected)` });
      const last = (await staffView()).timeline.filter((e) => e.type === 'outcome_notice').at(-1)!;
      expect(last.data.correction).toBe(true);
    });

    it('stop once the case is closed', async () => {
      const view = await staffView();
      await counselor
        .transition(incidentId, { version: view.version, action: 'close' })
        .expectStatus(200);

      const response = await send(counselor, {
        notices: [{ studentId: people.witness.id, summary: 'Too late' }],
      }).expect(409);
      expect(response.body.message).toMatch(/closed/);
      expect((await families()).body.map((family) => family.noticesSent)).toEqual([1, 2, 0, 1]);
    });
  });
});
