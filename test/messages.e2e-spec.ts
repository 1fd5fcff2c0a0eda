import { randomUUID } from 'node:crypto';
import type { User } from '@app/identity';
import { Factory } from './support/factory';
import type { ApiClient } from './support/api-driver';
import { TestApp } from './support/test-app';

// Starting the app, and some uploads, can take longer than jest's default 5 s on a busy machine.
jest.setTimeout(60_000);

type World = Awaited<ReturnType<Factory['world']>>;
type Cast = keyof World['users'];
type Headers = Record<string, string>;

interface MessageBody {
  id: string;
  authorKind: string;
  authorName: string;
  mine: boolean;
  threadStudentId?: string | null;
  body: string;
  createdAt: string;
}

describe('case messages', () => {
  let t: TestApp;
  let world: World;
  let api: Record<Cast, ApiClient>;
  /** A second child of the school, linked by staff as a target, and that child's parent. */
  let target: User;
  let targetParent: User;
  /** A child linked only as a witness, and a parent of the school with no part in any case. */
  let witness: User;
  let strangerParent: User;
  let extraToken: Record<'target' | 'targetParent' | 'strangerParent', string>;

  const as = (accessToken: string): Headers => ({ Authorization: `Bearer ${accessToken}` });

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(sql, params);
    return rows[0].n;
  };
  const messageCount = () => count('SELECT count(*)::int AS n FROM messages');
  const stored = async () => ({
    messages: await messageCount(),
    events: await count(
      "SELECT count(*)::int AS n FROM incident_events WHERE type = 'message_posted'",
    ),
  });

  const occurredAt = () => new Date(Date.now() - 3 * 60 * 60 * 1000).toISOString();
  const fileIncident = async (headers: Headers, extra: Record<string, unknown> = {}) => {
    const response = await t.http
      .post('/api/v1/incidents')
      .set(headers)
      .send({
        schoolId: world.school.id,
        category: 'social',
        location: 'playground',
        occurredAt: occurredAt(),
        description: 'A group keeps leaving one child out and laughing at them at recess.',
        ...extra,
      })
      .expect(201);
    return response.body.id as string;
  };
  const post = (incidentId: string, headers: Headers, body: Record<string, unknown>) =>
    t.http.post(`/api/v1/incidents/${incidentId}/messages`).set(headers).send(body);
  /** The whole thread, in one page of up to 100. */
  const list = async (incidentId: string, headers: Headers): Promise<MessageBody[]> => {
    const response = await t.http
      .get(`/api/v1/incidents/${incidentId}/messages?limit=100`)
      .set(headers)
      .expect(200);
    expect(response.body.nextCursor).toBeNull();
    return response.body.items as MessageBody[];
  };
  const ids = (messages: MessageBody[]) => messages.map((message) => message.id);

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    const inSchool = { district: world.district, schools: [world.school] };
    target = await t.factory.user('student', inSchool, { displayName: 'Toby Target' });
    targetParent = await t.factory.user('parent', inSchool, { displayName: 'Tara Target' });
    await t.factory.guardianship(targetParent, target);
    witness = await t.factory.user('student', inSchool, { displayName: 'Wendy Witness' });
    strangerParent = await t.factory.user('parent', inSchool);
    await t.factory.guardianship(strangerParent, await t.factory.user('student', inSchool));
    api = await t.signInAll(world.users);
    extraToken = {
      target: await t.login(target.username),
      targetParent: await t.login(targetParent.username),
      strangerParent: await t.login(strangerParent.username),
    };
  });

  afterAll(() => t.close());

  describe("the reporter's thread", () => {
    it('is shared by a student reporter, their parent and the school staff', async () => {
      const incidentId = await fileIncident(api.student.headers);

      const fromStudent = await post(incidentId, api.student.headers, {
        body: '  They did it again today.  ',
      }).expect(201);
      const fromParent = await post(incidentId, api.parent.headers, {
        body: 'My child is afraid to go outside at recess.',
      }).expect(201);
      const fromCounselor = await post(incidentId, api.counselor.headers, {
        body: 'Thank you both. I will meet your child tomorrow.',
      }).expect(201);

      expect(fromStudent.body).toEqual({
        id: expect.any(String),
        authorKind: 'reporter',
        authorName: world.users.student.displayName,
        mine: true,
        body: 'They did it again today.',
        createdAt: expect.any(String),
      });
      expect(fromParent.body).toEqual({
        id: expect.any(String),
        authorKind: 'family',
        authorName: world.users.parent.displayName,
        mine: true,
        body: 'My child is afraid to go outside at recess.',
        createdAt: expect.any(String),
      });
      expect(fromCounselor.body).toMatchObject({
        authorKind: 'staff',
        authorName: world.users.counselor.displayName,
        mine: true,
        threadStudentId: null,
      });
      const all = [fromStudent.body.id, fromParent.body.id, fromCounselor.body.id];

      const studentSees = await list(incidentId, api.student.headers);
      expect(ids(studentSees)).toEqual(all);
      expect(studentSees.map((m) => m.mine)).toEqual([true, false, false]);
      expect(studentSees.every((m) => !('threadStudentId' in m))).toBe(true);
      const parentSees = await list(incidentId, api.parent.headers);
      expect(ids(parentSees)).toEqual(all);
      expect(parentSees.map((m) => m.mine)).toEqual([false, true, false]);
      const counselorSees = await list(incidentId, api.counselor.headers);
      expect(ids(counselorSees)).toEqual(all);
      expect(counselorSees.map((m) => m.threadStudentId)).toEqual([null, null, null]);
      expect(ids(await list(incidentId, api.schoolAdmin.headers))).toEqual(all);

      const rows: { thread_student_id: string | null; author_id: string; author_kind: string }[] =
        await t.dataSource.query(
          'SELECT thread_student_id, author_id, author_kind FROM messages WHERE incident_id = $1 ORDER BY created_at, id',
          [incidentId],
        );
      expect(rows).toEqual([
        { thread_student_id: null, author_id: world.users.student.id, author_kind: 'reporter' },
        { thread_student_id: null, author_id: world.users.parent.id, author_kind: 'family' },
        { thread_student_id: null, author_id: world.users.counselor.id, author_kind: 'staff' },
      ]);
    });

    it("is shared by a parent filing for their child and the child's other parent", async () => {
      const otherGuardian = await t.factory.user('parent', {
        district: world.district,
        schools: [world.school],
      });
      await t.factory.guardianship(otherGuardian, world.users.student);
      const otherGuardianToken = await t.login(otherGuardian.username);
      const incidentId = await fileIncident(api.parent.headers, {
        onBehalfOfStudentId: world.users.student.id,
      });

      const fromFiler = await post(incidentId, api.parent.headers, {
        body: 'I filed this.',
      }).expect(201);
      const fromOther = await post(incidentId, as(otherGuardianToken), {
        body: 'I am the other parent.',
      }).expect(201);
      const fromCounselor = await post(incidentId, api.counselor.headers, {
        body: 'Hello both.',
      }).expect(201);

      expect(fromFiler.body.authorKind).toBe('reporter');
      expect(fromOther.body.authorKind).toBe('family');
      expect(fromCounselor.body.threadStudentId).toBeNull();
      const all = [fromFiler.body.id, fromOther.body.id, fromCounselor.body.id];
      expect(ids(await list(incidentId, api.parent.headers))).toEqual(all);
      expect(ids(await list(incidentId, as(otherGuardianToken)))).toEqual(all);
      // The child is not the reporter and has no account access to a case their parent filed.
      await api.student.get(`/incidents/${incidentId}/messages`).expect(404);
    });

    it('records each message as an internal event the reporter does not see', async () => {
      const incidentId = await fileIncident(api.student.headers);
      await post(incidentId, api.student.headers, { body: 'Hello?' }).expect(201);

      const staffView = await api.counselor.get(`/incidents/${incidentId}`).expect(200);
      expect(staffView.body.timeline).toContainEqual(
        expect.objectContaining({ type: 'message_posted', visibility: 'internal' }),
      );
      expect(JSON.stringify(staffView.body.timeline)).not.toContain('Hello?');
      const reporterView = await api.student.get(`/incidents/${incidentId}`).expect(200);
      expect((reporterView.body.timeline as { type: string }[]).map((e) => e.type)).toEqual([
        'filed',
      ]);
    });
  });

  describe('family threads of linked targets', () => {
    /** A teacher's report linking `target` as the target and `witness` as a witness. */
    let incidentId: string;
    let reporterMessage: string;
    let staffToReporter: string;
    let staffToFamily: string;
    let familyMessage: string;

    beforeAll(async () => {
      incidentId = await fileIncident(api.staff.headers, {
        parties: [
          { role: 'target', studentId: target.id },
          { role: 'witness', studentId: witness.id },
          { role: 'aggressor', name: 'Two boys from 6C' },
        ],
      });
      reporterMessage = (
        await post(incidentId, api.staff.headers, {
          body: 'I am the teacher who saw it; I can tell you more.',
        }).expect(201)
      ).body.id;
      staffToReporter = (
        await post(incidentId, api.counselor.headers, {
          body: 'Thanks, can we talk at noon?',
        }).expect(201)
      ).body.id;
      const toFamily = await post(incidentId, api.counselor.headers, {
        body: 'We are looking into what happened to your child at recess.',
        familyOfStudentId: target.id,
      }).expect(201);
      expect(toFamily.body).toMatchObject({ authorKind: 'staff', threadStudentId: target.id });
      staffToFamily = toFamily.body.id;
      const fromFamily = await post(incidentId, as(extraToken.targetParent), {
        body: 'Thank you, please keep us informed.',
      }).expect(201);
      expect(fromFamily.body).toEqual({
        id: expect.any(String),
        authorKind: 'family',
        authorName: 'Tara Target',
        mine: true,
        body: 'Thank you, please keep us informed.',
        createdAt: expect.any(String),
      });
      familyMessage = fromFamily.body.id;
    });

    it("gives the target's parent their own thread, without the reporter's messages", async () => {
      const seen = await list(incidentId, as(extraToken.targetParent));

      expect(ids(seen)).toEqual([staffToFamily, familyMessage]);
      expect(seen.map((m) => m.mine)).toEqual([false, true]);
    });

    it('keeps the family thread from the reporter', async () => {
      const seen = await list(incidentId, api.staff.headers);

      expect(ids(seen)).toEqual([reporterMessage, staffToReporter]);
    });

    it('shows the staff every thread, each marked with its family', async () => {
      const seen = await list(incidentId, api.counselor.headers);

      expect(seen.map((m) => [m.id, m.threadStudentId])).toEqual([
        [reporterMessage, null],
        [staffToReporter, null],
        [staffToFamily, target.id],
        [familyMessage, target.id],
      ]);
      const rows: { id: string; thread_student_id: string | null }[] = await t.dataSource.query(
        'SELECT id, thread_student_id FROM messages WHERE incident_id = $1',
        [incidentId],
      );
      expect(new Map(rows.map((row) => [row.id, row.thread_student_id]))).toEqual(
        new Map([
          [reporterMessage, null],
          [staffToReporter, null],
          [staffToFamily, target.id],
          [familyMessage, target.id],
        ]),
      );
    });

    it("never tells the target's family who reported, in the view or in the messages", async () => {
      const view = await t.http
        .get(`/api/v1/incidents/${incidentId}`)
        .set(as(extraToken.targetParent))
        .expect(200);
      const messages = await t.http
        .get(`/api/v1/incidents/${incidentId}/messages`)
        .set(as(extraToken.targetParent))
        .expect(200);
      const incidents = await t.http
        .get('/api/v1/incidents?limit=100')
        .set(as(extraToken.targetParent))
        .expect(200);

      expect(view.body).toMatchObject({
        view: 'family',
        id: incidentId,
        child: { id: target.id, displayName: 'Toby Target' },
      });
      expect(view.body).not.toHaveProperty('reporter');
      expect(view.body).not.toHaveProperty('parties');
      expect(view.body).not.toHaveProperty('description');
      const everything = JSON.stringify([view.body, messages.body, incidents.body]);
      for (const secret of [
        world.users.staff.displayName,
        world.users.staff.username,
        world.users.staff.id,
        'Wendy Witness',
        witness.id,
        'Two boys from 6C',
      ]) {
        expect(everything).not.toContain(secret);
      }
    });

    it("lets the target's family write only to their own thread, whatever they send", async () => {
      const before = await stored();

      await post(incidentId, as(extraToken.targetParent), {
        body: 'Let me into the other thread',
        familyOfStudentId: target.id,
      }).expect(422);

      await expect(stored()).resolves.toEqual(before);
    });

    it('keeps the case from the target child and from unrelated parents', async () => {
      for (const accessToken of [extraToken.target, extraToken.strangerParent]) {
        await t.http
          .get(`/api/v1/incidents/${incidentId}/messages`)
          .set(as(accessToken))
          .expect(404);
        await post(incidentId, as(accessToken), { body: 'hello' }).expect(404);
      }
    });

    it('lets a school admin write to the family thread too', async () => {
      const response = await post(incidentId, api.schoolAdmin.headers, {
        body: 'The principal here: we have a safety plan for recess.',
        familyOfStudentId: target.id,
      }).expect(201);

      expect(response.body.threadStudentId).toBe(target.id);
      expect(ids(await list(incidentId, as(extraToken.targetParent)))).toContain(response.body.id);
      expect(ids(await list(incidentId, api.staff.headers))).not.toContain(response.body.id);
    });
  });

  describe('two families on one case', () => {
    /** A counselor files for `users.student` (the reporter's family) with `target` as target. */
    let incidentId: string;

    beforeAll(async () => {
      incidentId = await fileIncident(api.counselor.headers, {
        onBehalfOfStudentId: world.users.student.id,
        parties: [{ role: 'target', studentId: target.id }],
      });
    });

    it("keeps each family's messages from the other, both ways", async () => {
      const toReporterFamily = await post(incidentId, api.counselor.headers, {
        body: 'To the family of the child who told us.',
      }).expect(201);
      const fromReporterFamily = await post(incidentId, api.parent.headers, {
        body: 'Our child saw everything and is upset.',
      }).expect(201);
      const toTargetFamily = await post(incidentId, api.counselor.headers, {
        body: 'To the family of the child this happened to.',
        familyOfStudentId: target.id,
      }).expect(201);
      const fromTargetFamily = await post(incidentId, as(extraToken.targetParent), {
        body: 'Who told you about this?',
      }).expect(201);

      expect(ids(await list(incidentId, api.parent.headers))).toEqual([
        toReporterFamily.body.id,
        fromReporterFamily.body.id,
      ]);
      expect(ids(await list(incidentId, as(extraToken.targetParent)))).toEqual([
        toTargetFamily.body.id,
        fromTargetFamily.body.id,
      ]);
      expect(ids(await list(incidentId, api.counselor.headers))).toEqual([
        toReporterFamily.body.id,
        fromReporterFamily.body.id,
        toTargetFamily.body.id,
        fromTargetFamily.body.id,
      ]);
    });

    it('never shows one family the names of the other', async () => {
      const targetSide = JSON.stringify([
        (
          await t.http
            .get(`/api/v1/incidents/${incidentId}`)
            .set(as(extraToken.targetParent))
            .expect(200)
        ).body,
        await list(incidentId, as(extraToken.targetParent)),
      ]);
      const reporterSide = JSON.stringify([
        (await api.parent.get(`/incidents/${incidentId}`).expect(200)).body,
        await list(incidentId, api.parent.headers),
      ]);

      for (const secret of [
        world.users.student.displayName,
        world.users.student.id,
        world.users.parent.displayName,
        world.users.parent.id,
      ]) {
        expect(targetSide).not.toContain(secret);
      }
      for (const secret of ['Toby Target', target.id, 'Tara Target', targetParent.id]) {
        expect(reporterSide).not.toContain(secret);
      }
    });
  });

  describe('familyOfStudentId', () => {
    let incidentId: string;

    beforeAll(async () => {
      incidentId = await fileIncident(api.staff.headers, {
        parties: [
          { role: 'target', studentId: target.id },
          { role: 'witness', studentId: witness.id },
        ],
      });
    });

    it.each([
      ['a student not linked to the case', () => world.users.student.id],
      ['an id that is no one', () => randomUUID()],
      ['a student of another school', () => world.users.sisterStudent.id],
    ])('refuses %s with 422 and stores nothing', async (_what, studentId) => {
      const before = await stored();

      const response = await post(incidentId, api.counselor.headers, {
        body: 'Hello family',
        familyOfStudentId: studentId(),
      }).expect(422);

      expect(response.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity' });
      await expect(stored()).resolves.toEqual(before);
    });

    it('takes the family thread of a student linked as a witness (every linked student’s family has one)', async () => {
      await post(incidentId, api.counselor.headers, {
        body: 'Hello Wendy’s family',
        familyOfStudentId: witness.id,
      }).expect(201);
    });

    it('refuses it from anyone but staff with 422 and stores nothing', async () => {
      const studentCase = await fileIncident(api.student.headers);
      const before = await stored();

      await post(incidentId, api.staff.headers, { body: 'x', familyOfStudentId: target.id }).expect(
        422,
      );
      await post(studentCase, api.student.headers, {
        body: 'x',
        familyOfStudentId: world.users.student.id,
      }).expect(422);
      await post(studentCase, api.parent.headers, {
        body: 'x',
        familyOfStudentId: world.users.student.id,
      }).expect(422);

      await expect(stored()).resolves.toEqual(before);
    });

    it('refuses a malformed id with 400', async () => {
      const before = await stored();

      await post(incidentId, api.counselor.headers, {
        body: 'x',
        familyOfStudentId: 'nope',
      }).expect(400);
      await post(incidentId, api.counselor.headers, { body: 'x', familyOfStudentId: null }).expect(
        400,
      );

      await expect(stored()).resolves.toEqual(before);
    });
  });

  describe('pages', () => {
    const page = (incidentId: string, headers: Headers, query: string) =>
      t.http.get(`/api/v1/incidents/${incidentId}/messages${query}`).set(headers);

    it('come oldest first, 20 by default, with an opaque cursor to the newer ones', async () => {
      const incidentId = await fileIncident(api.student.headers);
      const written: string[] = [];
      for (let i = 0; i < 23; i += 1) {
        const who = i % 2 === 0 ? api.student.headers : api.counselor.headers;
        written.push((await post(incidentId, who, { body: `Message ${i}` }).expect(201)).body.id);
      }

      const first = await page(incidentId, api.parent.headers, '').expect(200);
      expect(Object.keys(first.body).sort()).toEqual(['items', 'nextCursor']);
      expect(ids(first.body.items)).toEqual(written.slice(0, 20));
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await page(
        incidentId,
        api.parent.headers,
        `?cursor=${encodeURIComponent(first.body.nextCursor)}`,
      ).expect(200);
      expect(ids(second.body.items)).toEqual(written.slice(20));
      expect(second.body.nextCursor).toBeNull();

      const staffPages: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const { body } = (await page(
          incidentId,
          api.counselor.headers,
          `?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        ).expect(200)) as {
          body: { items: MessageBody[]; nextCursor: string | null };
        };
        expect(body.items.length).toBeLessThanOrEqual(7);
        staffPages.push(...ids(body.items));
        cursor = body.nextCursor;
      }
      expect(staffPages).toEqual(written);
    });

    it('refuse a bad limit or cursor with 400', async () => {
      const incidentId = await fileIncident(api.student.headers);
      for (const query of ['?limit=0', '?limit=101', '?limit=ten', '?cursor=not-a-cursor']) {
        await page(incidentId, api.student.headers, query).expect(400);
      }
    });
  });

  describe('a closed case', () => {
    /** Triage, start, resolve and close, as the school's counselor. */
    const close = async (incidentId: string) => {
      const act = async (path: string, body: Record<string, unknown>, version: number) =>
        (
          await api.counselor
            .post(`/incidents/${incidentId}/${path}`)
            .send({ ...body, version })
            .expect(200)
        ).body.version as number;
      let version = await act('triage', { severity: 'low' }, 1);
      version = await act('transitions', { action: 'start' }, version);
      version = await act(
        'resolve',
        { outcome: 'inconclusive', summary: 'We spoke to everyone.' },
        version,
      );
      await act('transitions', { action: 'close' }, version);
    };

    it('refuses a family message with 409 that says how to raise a new concern, and stores nothing', async () => {
      const incidentId = await fileIncident(api.student.headers);
      await post(incidentId, api.parent.headers, { body: 'Thank you for looking into it.' }).expect(
        201,
      );
      await close(incidentId);
      const before = await stored();
      const outboxBefore = await count('SELECT count(*)::int AS n FROM outbox');

      for (const who of ['student', 'parent'] as const) {
        const response = await post(incidentId, api[who].headers, {
          body: 'It started again.',
        }).expect(409);
        expect(response.body).toEqual({
          statusCode: 409,
          error: 'Conflict',
          message: expect.stringContaining('file a new report (POST /api/v1/incidents)'),
        });
      }

      await expect(stored()).resolves.toEqual(before);
      await expect(count('SELECT count(*)::int AS n FROM outbox')).resolves.toBe(outboxBefore);
      // The thread stays readable.
      await expect(list(incidentId, api.parent.headers)).resolves.toHaveLength(1);
    });

    it('refuses staff messages too', async () => {
      const incidentId = await fileIncident(api.student.headers);
      await close(incidentId);
      const before = await stored();

      const response = await post(incidentId, api.counselor.headers, {
        body: 'One more thing.',
      }).expect(409);

      expect(response.body.message).toContain('This case is closed');
      await expect(stored()).resolves.toEqual(before);
    });

    it('still takes family messages on a dismissed case, which staff can reopen', async () => {
      const incidentId = await fileIncident(api.student.headers);
      const triaged = await api.counselor
        .post(`/incidents/${incidentId}/triage`)
        .send({ version: 1, severity: 'low' })
        .expect(200);
      await api.counselor
        .post(`/incidents/${incidentId}/transitions`)
        .send({ version: triaged.body.version, action: 'dismiss', reason: 'Not bullying.' })
        .expect(200);

      await post(incidentId, api.parent.headers, { body: 'We disagree with this.' }).expect(201);
    });
  });

  describe('message bodies', () => {
    let incidentId: string;

    beforeAll(async () => {
      incidentId = await fileIncident(api.student.headers);
    });

    it.each([
      ['an empty body', { body: '' }],
      ['a blank body', { body: ' \n\t ' }],
      ['a body over 5000 characters', { body: 'x'.repeat(5001) }],
      ['a missing body', {}],
      ['a number', { body: 42 }],
      ['an unknown field', { body: 'hi', subject: 'hello' }],
    ])('refuses %s with 400 and stores nothing', async (_what, body) => {
      const before = await stored();

      const response = await post(incidentId, api.student.headers, body).expect(400);

      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      await expect(stored()).resolves.toEqual(before);
    });

    it('accepts 5000 characters, counted after trimming', async () => {
      const body = `   ${'y'.repeat(5000)}   `;

      const response = await post(incidentId, api.student.headers, { body }).expect(201);

      expect(response.body.body).toBe('y'.repeat(5000));
    });
  });

  describe('who may use the messages', () => {
    let incidentId: string;

    beforeAll(async () => {
      incidentId = await fileIncident(api.student.headers);
      await post(incidentId, api.student.headers, { body: 'A private word.' }).expect(201);
    });

    it.each(['staff', 'sisterAdmin', 'sisterStudent', 'foreignAdmin', 'foreignStudent'] as const)(
      'answers 404 to %s and stores nothing',
      async (who) => {
        const before = await stored();

        const read = await api[who].get(`/incidents/${incidentId}/messages`).expect(404);
        await post(incidentId, api[who].headers, { body: 'let me in' }).expect(404);

        expect(JSON.stringify(read.body)).not.toContain('A private word.');
        await expect(stored()).resolves.toEqual(before);
      },
    );

    it('answers 404 to an unrelated parent and for an incident that does not exist', async () => {
      await t.http
        .get(`/api/v1/incidents/${incidentId}/messages`)
        .set(as(extraToken.strangerParent))
        .expect(404);
      await api.counselor.get(`/incidents/${randomUUID()}/messages`).expect(404);
      await post(randomUUID(), api.counselor.headers, { body: 'hello' }).expect(404);
    });

    it('answers 403 to a district admin, 401 without a token and 400 for a bad id', async () => {
      const before = await stored();

      await api.districtAdmin.get(`/incidents/${incidentId}/messages`).expect(403);
      await post(incidentId, api.districtAdmin.headers, { body: 'hello' }).expect(403);
      await t.http.get(`/api/v1/incidents/${incidentId}/messages`).expect(401);
      await t.http
        .post(`/api/v1/incidents/${incidentId}/messages`)
        .send({ body: 'hi' })
        .expect(401);
      await api.counselor.get('/incidents/not-a-uuid/messages').expect(400);

      await expect(stored()).resolves.toEqual(before);
    });
  });
});
