import type { School, User } from '@app/identity';
import { DateTime } from 'luxon';
import { Factory } from './support/factory';
import { TestApp } from './support/test-app';

// jest.config.js sets testTimeout inside the e2e project, where jest ignores it (5 s applies).
jest.setTimeout(60_000);

type World = Awaited<ReturnType<Factory['world']>>;

type Filed = {
  id: string;
  reference: string;
  status: string;
  severity: string | null;
  triageDueAt: string;
  resolveDueAt: string;
};

const INCIDENTS = '/api/v1/incidents';
const RANDOM_UUID = '7d9f3c1e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';
const ORDINARY_TEXT = 'They called me names at lunch and took my seat again.';

type View = { timeline: { type: string; visibility: string }[]; [field: string]: unknown };

const typesOf = (timeline: { type: string }[]) => timeline.map((entry) => entry.type);
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** The end of the Nth school day (Monday to Friday, no holiday) after `at`, in `zone`. */
function expectedDeadline(at: Date, days: number, zone: string, holidays: string[] = []): string {
  const isSchoolDay = (day: DateTime) => day.weekday <= 5 && !holidays.includes(day.toISODate()!);
  let day = DateTime.fromJSDate(at, { zone }).startOf('day');
  while (!isSchoolDay(day)) day = day.plus({ days: 1 });
  for (let counted = 0; counted < days;) {
    day = day.plus({ days: 1 });
    if (isSchoolDay(day)) counted += 1;
  }
  return day.endOf('day').toUTC().toISO()!;
}

describe('filing a report: POST /api/v1/incidents', () => {
  let t: TestApp;
  let world: World;
  const as = async (user: User) => (await t.signIn(user)).headers;
  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(sql, params);
    return rows[0].n;
  };
  const incidentCount = () => count('SELECT count(*)::int AS n FROM incidents');
  const incidentRow = async (id: string) => {
    const rows: Record<string, unknown>[] = await t.dataSource.query(
      'SELECT * FROM incidents WHERE id = $1',
      [id],
    );
    return rows[0];
  };
  const eventsOf = async (id: string) =>
    t.dataSource.query<
      { type: string; visibility: string; actor_id: string | null; data: unknown }[]
    >(
      'SELECT type, visibility, actor_id, data FROM incident_events WHERE incident_id = $1 ORDER BY created_at, id',
      [id],
    );
  const partiesOf = async (id: string) =>
    t.dataSource.query<
      { role: string; student_id: string | null; name: string | null; note: string | null }[]
    >(
      'SELECT role, student_id, name, note FROM incident_parties WHERE incident_id = $1 ORDER BY role',
      [id],
    );

  const report = (overrides: Record<string, unknown> = {}) => ({
    schoolId: world.school.id,
    category: 'verbal',
    location: 'cafeteria',
    occurredAt: minutesAgo(30),
    description: ORDINARY_TEXT,
    ...overrides,
  });

  const file = async (user: User, body: Record<string, unknown>, key?: string) => {
    const request = (await t.signIn(user)).post('/incidents').send(body);
    if (key !== undefined) void request.set('Idempotency-Key', key);
    return request;
  };

  /** Files and expects 201, returning the answer. */
  const fileOk = async (user: User, body: Record<string, unknown>): Promise<Filed> => {
    const response = await file(user, body);
    if (response.status !== 201)
      throw new Error(`expected 201, got ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Filed;
  };

  const staffView = async (id: string): Promise<View> => {
    const response = await (
      await t.signIn(world.users.counselor)
    )
      .get(`/incidents/${id}`)
      .expect(200);
    return response.body as View;
  };

  /** Sends the request and expects the status, with nothing written. */
  const refused = async (
    user: User | null,
    body: Record<string, unknown>,
    status: number,
  ): Promise<{ statusCode: number; error: string; message: string | string[] }> => {
    const before = await incidentCount();
    const request = t.http.post(INCIDENTS);
    if (user) void request.set(await as(user));
    const response = await request.send(body);
    expect({ status: response.status, body: response.body }).toEqual({
      status,
      body: expect.objectContaining({ statusCode: status }),
    });
    await expect(incidentCount()).resolves.toBe(before);
    return response.body as { statusCode: number; error: string; message: string | string[] };
  };

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
  });

  afterAll(() => t.close());

  describe('who may file what', () => {
    it('files a student’s report for their own school and answers 201 with the contract’s fields', async () => {
      const { student } = world.users;
      const before = await incidentCount();
      const occurredAt = minutesAgo(45);

      const response = await file(
        student,
        report({
          occurredAt,
          locationDetail: 'Table by the windows',
          ongoing: true,
          parties: [{ role: 'aggressor', name: 'A boy in my class', note: 'He laughs at me' }],
        }),
      );

      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        reference: expect.stringMatching(new RegExp(`^${world.school.code}-\\d{4}-\\d{5}$`)),
        status: 'submitted',
        severity: null,
        triageDueAt: expect.any(String),
        resolveDueAt: expect.any(String),
        schoolTimeZone: 'America/New_York',
        help: expect.objectContaining({ nationalLines: expect.any(Array) }),
      });
      await expect(incidentCount()).resolves.toBe(before + 1);
      const row = await incidentRow(response.body.id);
      expect(row).toMatchObject({
        school_id: world.school.id,
        district_id: world.district.id,
        reporter_id: student.id,
        reporter_kind: 'student',
        on_behalf_of_student_id: null,
        category: 'verbal',
        location: 'cafeteria',
        location_detail: 'Table by the windows',
        ongoing: true,
        description: ORDINARY_TEXT,
        urgent: false,
        status: 'submitted',
        severity: null,
        reference: response.body.reference,
      });
      expect((row.occurred_at as Date).toISOString()).toBe(occurredAt);
      await expect(partiesOf(response.body.id)).resolves.toEqual([
        { role: 'aggressor', student_id: null, name: 'A boy in my class', note: 'He laughs at me' },
      ]);
      await expect(eventsOf(response.body.id)).resolves.toEqual([
        { type: 'filed', visibility: 'shared', actor_id: student.id, data: expect.any(Object) },
      ]);
    });

    it('files a teacher’s report for their school as a staff report', async () => {
      const filed = await fileOk(world.users.staff, report({ category: 'physical' }));

      await expect(incidentRow(filed.id)).resolves.toMatchObject({
        reporter_id: world.users.staff.id,
        reporter_kind: 'staff',
        on_behalf_of_student_id: null,
        category: 'physical',
      });
    });

    it.each(['counselor', 'schoolAdmin'] as const)(
      'lets a %s file on behalf of a student of their school',
      async (who) => {
        const filed = await fileOk(
          world.users[who],
          report({ onBehalfOfStudentId: world.users.student.id }),
        );

        await expect(incidentRow(filed.id)).resolves.toMatchObject({
          reporter_id: world.users[who].id,
          reporter_kind: 'staff',
          on_behalf_of_student_id: world.users.student.id,
        });
      },
    );

    it('lets a parent file on behalf of their own child, for the child’s school', async () => {
      const { parent, student } = world.users;

      const filed = await fileOk(parent, report({ onBehalfOfStudentId: student.id }));

      await expect(incidentRow(filed.id)).resolves.toMatchObject({
        school_id: world.school.id,
        reporter_id: parent.id,
        reporter_kind: 'parent',
        on_behalf_of_student_id: student.id,
      });
    });

    it('refuses a district administrator with 403 and writes nothing', async () => {
      await refused(world.users.districtAdmin, report(), 403);
    });

    it('refuses a caller without a token with 401 and writes nothing', async () => {
      await refused(null, report(), 401);
    });

    it('refuses a caller with a forged token with 401', async () => {
      const before = await incidentCount();
      await t.http
        .post(INCIDENTS)
        .set('Authorization', 'Bearer not.a.token')
        .send(report())
        .expect(401);
      await expect(incidentCount()).resolves.toBe(before);
    });

    it.each([
      ['a student', 'a sister school', 'student', 'sisterSchool'],
      ['a student', 'another district’s school', 'student', 'foreignSchool'],
      ['a teacher', 'a sister school', 'staff', 'sisterSchool'],
      ['a counselor', 'a sister school', 'counselor', 'sisterSchool'],
      ['a school admin', 'another district’s school', 'schoolAdmin', 'foreignSchool'],
    ] as const)('answers 404 to %s filing for %s', async (_who, _where, who, where) => {
      const body = await refused(world.users[who], report({ schoolId: world[where].id }), 404);
      expect(body).toEqual({ statusCode: 404, error: 'Not Found', message: 'School not found' });
    });

    it('answers 404 for a school that does not exist, like for a school not yours', async () => {
      const body = await refused(world.users.student, report({ schoolId: RANDOM_UUID }), 404);
      expect(body).toEqual({ statusCode: 404, error: 'Not Found', message: 'School not found' });
    });

    it('refuses a parent who does not say which child the report is for with 422', async () => {
      const body = await refused(world.users.parent, report(), 422);
      expect(body.message).toContain('onBehalfOfStudentId');
    });

    it.each([
      ['a teacher of the school', () => world.users.staff],
      ['a student of another school', () => world.users.sisterStudent],
      ['an id that is nobody', () => ({ id: RANDOM_UUID })],
    ])('answers 404 to a parent filing for %s', async (_case, whom) => {
      await refused(world.users.parent, report({ onBehalfOfStudentId: whom().id }), 404);
    });

    it('answers 404 to a parent filing for a classmate who is not their child', async () => {
      const classmate = await t.factory.user('student', {
        district: world.district,
        schools: [world.school],
      });
      await refused(world.users.parent, report({ onBehalfOfStudentId: classmate.id }), 404);
    });

    it('refuses a parent naming a school other than their child’s with 422', async () => {
      const body = await refused(
        world.users.parent,
        report({ schoolId: world.sisterSchool.id, onBehalfOfStudentId: world.users.student.id }),
        422,
      );
      expect(body.message).toContain('schoolId');
    });

    it.each([
      ['a student, about themselves', 'student', () => world.users.student.id],
      ['a teacher, about a student', 'staff', () => world.users.student.id],
    ] as const)('refuses onBehalfOfStudentId from %s with 422', async (_case, who, studentId) => {
      const body = await refused(
        world.users[who],
        report({ onBehalfOfStudentId: studentId() }),
        422,
      );
      expect(body.message).toContain('onBehalfOfStudentId');
    });

    it.each([
      ['a student of another school', () => world.users.sisterStudent.id],
      ['a teacher of the school', () => world.users.staff.id],
      ['an id that is nobody', () => RANDOM_UUID],
    ])('refuses a counselor filing on behalf of %s with 422', async (_case, studentId) => {
      const body = await refused(
        world.users.counselor,
        report({ onBehalfOfStudentId: studentId() }),
        422,
      );
      expect(body.message).toContain('onBehalfOfStudentId');
    });
  });

  describe('parties', () => {
    it.each(['staff', 'counselor', 'schoolAdmin'] as const)(
      'lets a %s link a party to a student of the school',
      async (who) => {
        const filed = await fileOk(
          world.users[who],
          report({
            parties: [
              { role: 'target', studentId: world.users.student.id },
              { role: 'witness', name: 'The lunch supervisor' },
            ],
          }),
        );

        await expect(partiesOf(filed.id)).resolves.toEqual([
          { role: 'target', student_id: world.users.student.id, name: null, note: null },
          { role: 'witness', student_id: null, name: 'The lunch supervisor', note: null },
        ]);
      },
    );

    it.each(['student', 'parent'] as const)(
      'refuses a %s linking a party to a student record with 422',
      async (who) => {
        const extra = who === 'parent' ? { onBehalfOfStudentId: world.users.student.id } : {};
        await refused(
          world.users[who],
          report({ ...extra, parties: [{ role: 'aggressor', studentId: world.users.student.id }] }),
          422,
        );
      },
    );

    it.each([
      ['a student of another school', () => world.users.sisterStudent.id],
      ['a teacher of the school', () => world.users.staff.id],
      ['an id that is nobody', () => RANDOM_UUID],
    ])('refuses a counselor linking %s, naming parties.N.studentId', async (_case, studentId) => {
      const body = await refused(
        world.users.counselor,
        report({
          parties: [
            { role: 'target', studentId: world.users.student.id },
            { role: 'aggressor', studentId: studentId() },
          ],
        }),
        422,
      );
      expect(body.message).toContain('parties.1.studentId');
    });

    it('refuses a party with neither a name nor a student with 400', async () => {
      const body = await refused(
        world.users.student,
        report({ parties: [{ role: 'witness', note: 'saw everything' }] }),
        400,
      );
      expect(JSON.stringify(body.message)).toContain('name');
    });

    it.each([
      ['an unknown role', [{ role: 'bystander', name: 'Kim' }]],
      ['an empty name', [{ role: 'witness', name: '   ' }]],
      ['a name of 201 characters', [{ role: 'witness', name: 'x'.repeat(201) }]],
      ['a student id that is not a uuid', [{ role: 'target', studentId: 'student-1' }]],
      ['an unknown field in a party', [{ role: 'witness', name: 'Kim', age: 12 }]],
      ['a party that is not an object', ['Kim']],
      ['parties that are not a list', { role: 'witness', name: 'Kim' }],
      ['21 parties', Array.from({ length: 21 }, (_, i) => ({ role: 'witness', name: `W${i}` }))],
    ])('refuses %s with 400', async (_case, parties) => {
      await refused(world.users.staff, report({ parties }), 400);
    });
  });

  describe('validation', () => {
    it('accepts an occurredAt with another offset and stores the same instant', async () => {
      const at = DateTime.now()
        .minus({ hours: 2 })
        .setZone('America/Los_Angeles')
        .startOf('second');
      const occurredAt = at.toISO({ suppressMilliseconds: true })!;
      expect(occurredAt).toMatch(/[+-]\d{2}:\d{2}$/);

      const filed = await fileOk(world.users.student, report({ occurredAt }));

      const row = await incidentRow(filed.id);
      expect((row.occurred_at as Date).getTime()).toBe(at.toMillis());
    });

    it('accepts an occurredAt a little ahead, within the allowed clock difference', async () => {
      await fileOk(
        world.users.student,
        report({ occurredAt: new Date(Date.now() + 2 * 60_000).toISOString() }),
      );
    });

    it.each([
      ['in the future', () => new Date(Date.now() + 60 * 60_000).toISOString()],
      ['more than five years ago', () => DateTime.now().minus({ years: 5, days: 2 }).toISO()],
      ['without an offset', () => '2025-03-10T10:00:00'],
      ['a date only', () => '2025-03-10'],
      ['a day that does not exist', () => '2025-02-30T10:00:00Z'],
      ['not a date', () => 'yesterday'],
      ['a number', () => Date.now() - 60_000],
      ['null', () => null],
    ])('refuses an occurredAt %s with 400 naming occurredAt', async (_case, occurredAt) => {
      const body = await refused(world.users.student, report({ occurredAt: occurredAt() }), 400);
      expect(body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.arrayContaining([expect.stringContaining('occurredAt')]),
      });
    });

    it('trims the description and refuses one shorter than 10 characters once trimmed', async () => {
      const body = await refused(
        world.users.student,
        report({ description: `        ${'123456789'}        ` }),
        400,
      );
      expect(JSON.stringify(body.message)).toContain('description');

      const filed = await fileOk(world.users.student, report({ description: '   1234567890   ' }));
      await expect(incidentRow(filed.id)).resolves.toMatchObject({ description: '1234567890' });
    });

    it('accepts a description of 10,000 characters and refuses 10,001', async () => {
      await fileOk(world.users.student, report({ description: 'a'.repeat(10_000) }));
      await refused(world.users.student, report({ description: 'a'.repeat(10_001) }), 400);
    });

    it.each([
      ['an unknown field', { isUrgentForReal: true }, 'property isUrgentForReal should not exist'],
      [
        'a status chosen by the reporter',
        { status: 'resolved' },
        'property status should not exist',
      ],
      [
        'a severity chosen by the reporter',
        { severity: 'low' },
        'property severity should not exist',
      ],
      ['an unknown category', { category: 'gossip' }, 'category'],
      ['an unknown location', { location: 'moon' }, 'location'],
      ['a school id that is not a uuid', { schoolId: 'maple' }, 'schoolId'],
      ['urgent as a string', { urgent: 'yes' }, 'urgent'],
      ['urgent as null', { urgent: null }, 'urgent'],
      ['ongoing as a number', { ongoing: 1 }, 'ongoing'],
      [
        'a location detail of 201 characters',
        { locationDetail: 'x'.repeat(201) },
        'locationDetail',
      ],
      ['a description that is not a string', { description: 12345678901 }, 'description'],
    ])('refuses %s with 400 naming it', async (_case, overrides, field) => {
      const body = await refused(world.users.student, report(overrides), 400);
      expect(body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.arrayContaining([expect.stringContaining(field)]),
      });
    });

    it.each([
      ['the description', { description: 'They said \u0000 things about me.' }],
      ['the location detail', { locationDetail: 'Bench \u0000 3' }],
      ['a party’s note', { parties: [{ role: 'witness', name: 'Kim', note: 'saw \u0000 it' }] }],
    ])('refuses a NUL character in %s with 400, not 500', async (_case, overrides) => {
      await refused(world.users.student, report(overrides), 400);
    });

    it('lists every bad field at once', async () => {
      const body = await refused(
        world.users.student,
        { schoolId: 'x', category: 'x', location: 'x', occurredAt: 'x', description: 'x' },
        400,
      );
      const message = JSON.stringify(body.message);
      for (const field of ['schoolId', 'category', 'location', 'occurredAt', 'description'])
        expect(message).toContain(field);
    });

    it.each([
      ['an empty object', () => ({})],
      ['a list', () => [report()]],
    ])('refuses %s as the body with 400', async (_case, body) => {
      const before = await incidentCount();
      const response = await (await t.signIn(world.users.student)).post('/incidents').send(body());
      expect(response.status).toBe(400);
      await expect(incidentCount()).resolves.toBe(before);
    });

    it('refuses a body that is not JSON with 400', async () => {
      const response = await (
        await t.signIn(world.users.student)
      )
        .post('/incidents')
        .set('Content-Type', 'application/json')
        .send('{"schoolId": ');
      expect(response.status).toBe(400);
    });
  });

  describe('escalation', () => {
    it('marks a report with the urgent flag critical, with reason urgent_flag and an internal event', async () => {
      const filed = await fileOk(world.users.student, report({ urgent: true }));

      expect(filed.severity).toBe('critical');
      const view = await staffView(filed.id);
      expect(view).toMatchObject({
        severity: 'critical',
        urgent: true,
        escalationReasons: ['urgent_flag'],
      });
      expect(view.timeline).toHaveLength(2);
      expect(view.timeline).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ type: 'filed', visibility: 'shared' }),
          expect.objectContaining({
            type: 'escalated',
            visibility: 'internal',
            actor: null,
            data: expect.objectContaining({ reasons: ['urgent_flag'], severity: 'critical' }),
          }),
        ]),
      );
      await expect(incidentRow(filed.id)).resolves.toMatchObject({
        severity: 'critical',
        escalation_reasons: ['urgent_flag'],
      });
    });

    it('lists an escalated report’s timeline in order: filed, then escalated', async () => {
      const orders: string[][] = [];
      for (let i = 0; i < 6; i += 1) {
        const filed = await fileOk(world.users.student, report({ urgent: true }));
        const view = await staffView(filed.id);
        orders.push(typesOf(view.timeline));
      }

      expect(orders).toEqual(Array(6).fill(['filed', 'escalated']));
    });

    it.each([
      [
        'a weapon in the description',
        { description: 'He showed me a knife behind the gym.' },
        ['weapon'],
      ],
      [
        'a gun, in capitals',
        { description: 'Someone said there is a GUN in his bag.' },
        ['weapon'],
      ],
      [
        'self-harm',
        { description: 'Sometimes I want to Kill Myself because of them.' },
        ['self_harm'],
      ],
      [
        'suicide',
        { description: 'My friend keeps talking about suicide after it.' },
        ['self_harm'],
      ],
      ['a Spanish threat', { description: 'Me dijo: te voy a matar, en el recreo.' }, ['threat']],
      [
        'a Spanish threat, with accents',
        { description: 'Me dijo: té vóy a mátar mañana.' },
        ['threat'],
      ],
      [
        'a weapon in the location detail',
        { locationDetail: 'Where he hid the knife', description: ORDINARY_TEXT },
        ['weapon'],
      ],
      [
        'a threat in a party’s note',
        { parties: [{ role: 'aggressor', name: 'A tall boy', note: 'Said I will kill you' }] },
        ['threat'],
      ],
      [
        'the urgent flag and a weapon',
        { urgent: true, description: 'He had a knife today at lunch.' },
        ['urgent_flag', 'weapon'],
      ],
    ])('marks a report with %s critical', async (_case, overrides, reasons) => {
      const filed = await fileOk(world.users.student, report(overrides));

      expect(filed.severity).toBe('critical');
      const view = await staffView(filed.id);
      expect(view.escalationReasons).toEqual(reasons);
      expect(typesOf(view.timeline)).toContain('escalated');
    });

    it.each([
      ['ordinary text', ORDINARY_TEXT],
      ['“skill”, which only contains “kill”', 'He mocks my skills and my skill at football.'],
      ['words that only start like a term', 'We played with the gunny sacks and knifefish toys.'],
    ])('leaves a report with %s unescalated', async (_case, description) => {
      const filed = await fileOk(world.users.student, report({ description, urgent: false }));

      expect(filed.severity).toBeNull();
      const view = await staffView(filed.id);
      expect(view).toMatchObject({ severity: null, urgent: false, escalationReasons: [] });
      await expect(eventsOf(filed.id)).resolves.toEqual([
        expect.objectContaining({ type: 'filed' }),
      ]);
    });

    it('does not show the escalation to the reporter', async () => {
      const filed = await fileOk(
        world.users.student,
        report({ description: 'He had a knife in the hallway this morning.' }),
      );

      const response = await (
        await t.signIn(world.users.student)
      )
        .get(`/incidents/${filed.id}`)
        .expect(200);
      expect(response.body.view).toBe('reporter');
      expect(response.body).not.toHaveProperty('escalationReasons');
      expect(response.body).not.toHaveProperty('severity');
      expect(typesOf(response.body.timeline)).toEqual(['filed']);
    });
  });

  describe('references', () => {
    let school: School;
    let student: User;
    const year = () => DateTime.now().setZone('America/New_York').year;

    beforeAll(async () => {
      school = await t.factory.school(world.district);
      student = await t.factory.user('student', { district: world.district, schools: [school] });
    });

    it('numbers a school’s reports in sequence within the year, from 00001', async () => {
      const references: string[] = [];
      for (let i = 0; i < 3; i += 1)
        references.push((await fileOk(student, report({ schoolId: school.id }))).reference);

      expect(references).toEqual([
        `${school.code}-${year()}-00001`,
        `${school.code}-${year()}-00002`,
        `${school.code}-${year()}-00003`,
      ]);
    });

    it('counts each school on its own', async () => {
      const other = await t.factory.school(world.district);
      const otherStudent = await t.factory.user('student', {
        district: world.district,
        schools: [other],
      });

      const filed = await fileOk(otherStudent, report({ schoolId: other.id }));

      expect(filed.reference).toBe(`${other.code}-${year()}-00001`);
    });

    it('gives concurrent reports distinct references with no gap', async () => {
      const fresh = await t.factory.school(world.district);
      const filer = await t.factory.user('student', { district: world.district, schools: [fresh] });
      const headers = await as(filer);

      const responses = await Promise.all(
        Array.from({ length: 8 }, () =>
          t.http
            .post(INCIDENTS)
            .set(headers)
            .send(report({ schoolId: fresh.id })),
        ),
      );

      expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201));
      const references = responses.map((response) => response.body.reference as string).sort();
      expect(references).toEqual(
        Array.from({ length: 8 }, (_, i) => `${fresh.code}-${year()}-0000${i + 1}`),
      );
    });
  });

  describe('deadlines', () => {
    it('sets the triage deadline before the resolution deadline, both in the future', async () => {
      const filed = await fileOk(world.users.student, report());

      const now = Date.now();
      const triage = Date.parse(filed.triageDueAt);
      const resolve = Date.parse(filed.resolveDueAt);
      expect(triage).toBeGreaterThan(now);
      expect(resolve).toBeGreaterThan(triage);
    });

    it('ends the deadlines at the end of the 1st and 10th school day in the school’s time zone', async () => {
      const before = new Date();
      const filed = await fileOk(world.users.student, report());
      const after = new Date();

      const zone = world.school.timeZone;
      expect([expectedDeadline(before, 1, zone), expectedDeadline(after, 1, zone)]).toContain(
        new Date(filed.triageDueAt).toISOString(),
      );
      expect([expectedDeadline(before, 10, zone), expectedDeadline(after, 10, zone)]).toContain(
        new Date(filed.resolveDueAt).toISOString(),
      );
    });

    it('counts in the school’s own time zone', async () => {
      const zone = 'America/Los_Angeles';
      const school = await t.factory.school(world.district, { timeZone: zone });
      const filer = await t.factory.user('student', {
        district: world.district,
        schools: [school],
      });

      const filed = await fileOk(filer, report({ schoolId: school.id }));

      const local = DateTime.fromISO(filed.triageDueAt, { zone });
      expect(local.toFormat('HH:mm:ss')).toBe('23:59:59');
      expect(local.weekday).toBeLessThanOrEqual(5);
    });

    it('gives later deadlines in a school whose policy is 3 and 20 school days', async () => {
      const slow = await t.factory.school(world.district, {
        triageSchoolDays: 3,
        resolveSchoolDays: 20,
      });
      const filer = await t.factory.user('student', { district: world.district, schools: [slow] });

      const usual = await fileOk(world.users.student, report());
      const later = await fileOk(filer, report({ schoolId: slow.id }));

      expect(Date.parse(later.triageDueAt)).toBeGreaterThan(Date.parse(usual.triageDueAt));
      expect(Date.parse(later.resolveDueAt)).toBeGreaterThan(Date.parse(usual.resolveDueAt));
      expect(Date.parse(later.resolveDueAt)).toBeGreaterThan(Date.parse(later.triageDueAt));
    });

    it('skips the school’s holidays', async () => {
      const zone = 'America/New_York';
      const today = DateTime.now().setZone(zone).startOf('day');
      const holidays = Array.from({ length: 14 }, (_, i) => today.plus({ days: i }).toISODate()!);
      const school = await t.factory.school(world.district, { timeZone: zone, holidays });
      const filer = await t.factory.user('student', {
        district: world.district,
        schools: [school],
      });

      const filed = await fileOk(filer, report({ schoolId: school.id }));

      const lastHoliday = today.plus({ days: 13 }).endOf('day');
      expect(Date.parse(filed.triageDueAt)).toBeGreaterThan(lastHoliday.toMillis());
    });
  });

  describe('idempotency', () => {
    let serial = 0;
    const newKey = () => `key-${process.pid}-${Date.now()}-${++serial}`;
    const keyRows = (user: User, key: string) =>
      count('SELECT count(*)::int AS n FROM idempotency_keys WHERE user_id = $1 AND key = $2', [
        user.id,
        key,
      ]);

    it('answers a retry with the same key and body with the first answer, and files once', async () => {
      const key = newKey();
      const body = report();
      const before = await incidentCount();

      const first = await file(world.users.student, body, key);
      const second = await file(world.users.student, body, key);

      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      await expect(incidentCount()).resolves.toBe(before + 1);
      await expect(keyRows(world.users.student, key)).resolves.toBe(1);
    });

    it('treats the same fields in another order as the same request', async () => {
      const key = newKey();
      const body = report();
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const before = await incidentCount();

      const first = await file(world.users.student, body, key);
      const second = await file(world.users.student, reordered, key);

      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      await expect(incidentCount()).resolves.toBe(before + 1);
    });

    it('refuses the same key with another body with 422, and files nothing more', async () => {
      const key = newKey();
      const first = await file(world.users.student, report(), key);
      expect(first.status).toBe(201);
      const before = await incidentCount();

      const second = await file(
        world.users.student,
        report({ description: 'Something else happened at the bus stop.' }),
        key,
      );

      expect(second.status).toBe(422);
      expect(second.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: expect.stringContaining('Idempotency-Key'),
      });
      await expect(incidentCount()).resolves.toBe(before);
    });

    it('keeps the keys of different users apart', async () => {
      const key = newKey();
      const before = await incidentCount();

      const mine = await file(world.users.student, report(), key);
      const theirs = await file(world.users.staff, report(), key);

      expect(mine.status).toBe(201);
      expect(theirs.status).toBe(201);
      expect(theirs.body.id).not.toBe(mine.body.id);
      await expect(incidentCount()).resolves.toBe(before + 2);
      await expect(incidentRow(theirs.body.id)).resolves.toMatchObject({
        reporter_id: world.users.staff.id,
      });
    });

    it('files a new report for a new key with the same body', async () => {
      const body = report();
      const first = await file(world.users.student, body, newKey());
      const second = await file(world.users.student, body, newKey());

      expect(second.status).toBe(201);
      expect(second.body.id).not.toBe(first.body.id);
    });

    it.each([
      ['300 characters', 'k'.repeat(300)],
      ['a space inside', 'my key'],
      ['an empty value', ''],
    ])('refuses a key of %s with 400 and files nothing', async (_case, key) => {
      const before = await incidentCount();

      const response = await file(world.users.student, report(), key);

      expect(response.status).toBe(400);
      expect(response.body.message).toContain('Idempotency-Key');
      await expect(incidentCount()).resolves.toBe(before);
    });

    it('accepts a key of 255 visible characters', async () => {
      const key = `${newKey()}-`.padEnd(255, '~');
      const response = await file(world.users.student, report(), key);
      expect(response.status).toBe(201);
    });

    it('files once for 20 concurrent identical requests with one key, all answered 201 with the same id', async () => {
      const key = newKey();
      const body = report({ description: `Concurrent retries ${key}` });
      const headers = await as(world.users.student);
      const before = await incidentCount();

      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          t.http.post(INCIDENTS).set(headers).set('Idempotency-Key', key).send(body),
        ),
      );

      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
      const ids = new Set(responses.map((response) => response.body.id as string));
      expect(ids.size).toBe(1);
      for (const response of responses) expect(response.body).toEqual(responses[0].body);
      await expect(incidentCount()).resolves.toBe(before + 1);
      await expect(
        count('SELECT count(*)::int AS n FROM incidents WHERE description = $1', [
          body.description,
        ]),
      ).resolves.toBe(1);
      await expect(keyRows(world.users.student, key)).resolves.toBe(1);
    });

    it('files once when concurrent requests with one key carry two different bodies', async () => {
      const key = newKey();
      const bodies = [
        report({ description: `First version of the report ${key}` }),
        report({ description: `Second version of the report ${key}` }),
      ];
      const headers = await as(world.users.student);
      const before = await incidentCount();

      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          t.http
            .post(INCIDENTS)
            .set(headers)
            .set('Idempotency-Key', key)
            .send(bodies[i % 2]),
        ),
      );

      await expect(incidentCount()).resolves.toBe(before + 1);
      const created = responses.filter((response) => response.status === 201);
      const winner = created[0].body.id as string;
      const [row] = await t.dataSource.query<{ description: string }[]>(
        'SELECT description FROM incidents WHERE id = $1',
        [winner],
      );
      responses.forEach((response, i) => {
        const sameBody = bodies[i % 2].description === row.description;
        expect({ i, status: response.status }).toEqual({ i, status: sameBody ? 201 : 422 });
        if (sameBody) expect(response.body.id).toBe(winner);
      });
    });

    it('answers the retry of a refused request with the same refusal, filing nothing', async () => {
      const key = newKey();
      const body = report({ schoolId: world.sisterSchool.id });
      const before = await incidentCount();

      const first = await file(world.users.student, body, key);
      const retry = await file(world.users.student, body, key);

      expect([first.status, retry.status]).toEqual([404, 404]);
      expect(retry.body).toEqual(first.body);
      await expect(incidentCount()).resolves.toBe(before);
    });
  });
});
