import type { User } from '@app/identity';
import { Factory } from './support/factory';
import { TestApp } from './support/test-app';

// jest.config.js sets testTimeout inside the e2e project, where jest ignores it (5 s applies).
jest.setTimeout(60_000);

type World = Awaited<ReturnType<Factory['world']>>;
type Item = { id: string; view: string; [field: string]: unknown };
type Page = { items: Item[]; nextCursor: string | null };

const INCIDENTS = '/api/v1/incidents';
const RANDOM_UUID = '3f0c2a9e-8d41-4b7a-9c55-1e2d3f4a5b6c';

/** Words that must never reach the wrong audience: each appears in exactly one place. */
const SECRET = {
  descA: 'Description-A: the tray was pushed off the table by the window',
  descB: 'Description-B: messages every night on the group chat',
  descC: 'Description-C: a scuffle behind the portable classrooms',
  descD: 'Description-D: a pupil was shoved against the lockers',
  descE: 'Description-E: my lunch money was taken at the gate',
  descH: 'Description-H: left out of every group activity in class',
  descI: 'Description-I: name calling in the changing rooms',
  aggressorA: 'Maximilian Quagmire',
  witnessA: 'Wilhelmina Oddsocks',
  noteA: 'Note-A: he waits for me at the door',
  aggressorB: 'Bartholomew Grimsby',
  aggressorC: 'Cornelius Snarkwell',
  targetD: 'Delphine Targetson',
  aggressorD: 'Dmitri Bullworth',
  aggressorE: 'Ezekiel Pinchbottom',
} as const;

const typesOf = (timeline: { type: string }[]) => timeline.map((entry) => entry.type);
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('seeing incidents: GET /api/v1/incidents and /api/v1/incidents/:id', () => {
  let t: TestApp;
  let world: World;
  let people: Record<
    | 'classmate'
    | 'classmateParent'
    | 'witnessKid'
    | 'witnessParent'
    | 'otherTeacher'
    | 'sisterCounselor'
    | 'pager',
    User
  >;
  /** The incidents of the scenario, by letter, in the order they were filed. */
  const ids: Record<string, string> = {};
  const as = async (user: User) => (await t.signIn(user)).headers;

  const report = (overrides: Record<string, unknown> = {}) => ({
    schoolId: world.school.id,
    category: 'verbal',
    location: 'hallway',
    occurredAt: minutesAgo(60),
    description: 'Something unkind happened in the hallway.',
    ...overrides,
  });

  const fileAs = async (user: User, body: Record<string, unknown>): Promise<string> => {
    const response = await (await t.signIn(user)).post('/incidents').send(body);
    if (response.status !== 201)
      throw new Error(`filing failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  };

  const detail = async (user: User, id: string) => (await t.signIn(user)).get(`/incidents/${id}`);

  const page = async (user: User, query: Record<string, string | number> = {}) => {
    const response = await t.http
      .get(INCIDENTS)
      .query(query)
      .set(await as(user));
    expect(response.status).toBe(200);
    return response.body as Page;
  };

  /** Every item of the list, walking the pages. */
  const listAll = async (user: User, limit = 100): Promise<Item[]> => {
    const items: Item[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const body: Page = await page(user, cursor ? { limit, cursor } : { limit });
      items.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) return items;
    }
    throw new Error('the list does not end');
  };
  const idsOf = (items: Item[]) => items.map((item) => item.id);
  const sorted = (values: string[]) => [...values].sort();

  const notFoundBody = async (user: User) => {
    const response = await detail(user, RANDOM_UUID);
    expect(response.status).toBe(404);
    return response.body as Record<string, unknown>;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    const inSchool = (role: 'student' | 'parent' | 'staff' | 'counselor', school = world.school) =>
      t.factory.user(role, { district: world.district, schools: [school] });
    people = {
      classmate: await inSchool('student'),
      classmateParent: await inSchool('parent'),
      witnessKid: await inSchool('student'),
      witnessParent: await inSchool('parent'),
      otherTeacher: await inSchool('staff'),
      sisterCounselor: await inSchool('counselor', world.sisterSchool),
      pager: await inSchool('student'),
    };
    await t.factory.guardianship(people.classmateParent, people.classmate);
    await t.factory.guardianship(people.witnessParent, people.witnessKid);
    const { student, parent, staff, counselor, schoolAdmin, sisterStudent, foreignStudent } =
      world.users;

    // A: the student reports, naming an aggressor and a witness.
    ids.A = await fileAs(
      student,
      report({
        description: SECRET.descA,
        location: 'cafeteria',
        parties: [
          { role: 'aggressor', name: SECRET.aggressorA, note: SECRET.noteA },
          { role: 'witness', name: SECRET.witnessA },
        ],
      }),
    );
    // B: the parent reports for their child.
    ids.B = await fileAs(
      parent,
      report({
        description: SECRET.descB,
        category: 'cyber',
        location: 'online',
        onBehalfOfStudentId: student.id,
        parties: [{ role: 'aggressor', name: SECRET.aggressorB }],
      }),
    );
    // C: a counselor reports, urgently, with the student as a linked target.
    ids.C = await fileAs(
      counselor,
      report({
        description: SECRET.descC,
        category: 'physical',
        urgent: true,
        parties: [
          { role: 'target', studentId: student.id },
          { role: 'aggressor', studentId: people.classmate.id },
          { role: 'aggressor', name: SECRET.aggressorC },
          { role: 'witness', studentId: people.witnessKid.id },
        ],
      }),
    );
    // D: a teacher reports about children named only.
    ids.D = await fileAs(
      staff,
      report({
        description: SECRET.descD,
        parties: [
          { role: 'target', name: SECRET.targetD },
          { role: 'aggressor', name: SECRET.aggressorD },
        ],
      }),
    );
    // E: the classmate reports.
    ids.E = await fileAs(
      people.classmate,
      report({
        description: SECRET.descE,
        parties: [{ role: 'aggressor', name: SECRET.aggressorE }],
      }),
    );
    // F and G: students of other schools report.
    ids.F = await fileAs(sisterStudent, report({ schoolId: world.sisterSchool.id }));
    ids.G = await fileAs(foreignStudent, report({ schoolId: world.foreignSchool.id }));
    // H: a counselor files on behalf of the student.
    ids.H = await fileAs(
      counselor,
      report({ description: SECRET.descH, onBehalfOfStudentId: student.id }),
    );
    // I: the school admin reports the classmate as target; the student is only a witness.
    ids.I = await fileAs(
      schoolAdmin,
      report({
        description: SECRET.descI,
        parties: [
          { role: 'target', studentId: people.classmate.id },
          { role: 'witness', studentId: student.id },
        ],
      }),
    );
  });

  afterAll(() => t.close());

  describe('the list', () => {
    it('shows a student only what they filed, in the reporter view', async () => {
      const body = await page(world.users.student);

      expect(body.nextCursor).toBeNull();
      expect(body.items).toEqual([
        {
          view: 'reporter',
          id: ids.A,
          reference: expect.any(String),
          status: 'submitted',
          category: 'verbal',
          location: 'cafeteria',
          occurredAt: expect.any(String),
          triageDueAt: expect.any(String),
          resolveDueAt: expect.any(String),
          dueAt: expect.any(String),
          schoolTimeZone: world.school.timeZone,
          child: null,
          resolvedAt: null,
          createdAt: expect.any(String),
        },
      ]);
      expect(body.items[0].dueAt).toBe(body.items[0].triageDueAt);
    });

    it('shows a parent, newest first, their own report and their child’s reports and cases', async () => {
      const body = await page(world.users.parent);

      expect(body.items.map((item) => [item.id, item.view])).toEqual([
        [ids.I, 'involved_family'],
        [ids.H, 'family'],
        [ids.C, 'family'],
        [ids.B, 'reporter'],
        [ids.A, 'family'],
      ]);
      expect(body.nextCursor).toBeNull();
    });

    it('names in a parent’s list only their own child: the one each case is about, also in the report they filed for them', async () => {
      const { parent, student } = world.users;
      const own = { id: student.id, displayName: student.displayName };

      const body = await page(parent);

      expect(body.items.map((item) => [item.id, item.child])).toEqual([
        [ids.I, own],
        [ids.H, own],
        [ids.C, own],
        [ids.B, own],
        [ids.A, own],
      ]);
      const classmates = await page(people.classmateParent);
      const theirChild = { id: people.classmate.id, displayName: people.classmate.displayName };
      expect(classmates.items.map((item) => [item.id, item.child])).toEqual([
        [ids.I, theirChild],
        [ids.E, theirChild],
        [ids.C, theirChild],
      ]);
      expect(JSON.stringify(classmates)).not.toContain(student.displayName);
      expect(JSON.stringify(classmates)).not.toContain(student.id);
    });

    it('names no child in the list of a reporter who is not a parent: a student, a teacher', async () => {
      for (const reporter of [world.users.student, world.users.staff, people.classmate]) {
        const items = await listAll(reporter);
        expect(items.length).toBeGreaterThan(0);
        for (const item of items) expect(item.child).toBeNull();
      }
    });

    it('shows a parent a case where their child is only a witness as an involved family, not a classmate’s report', async () => {
      const items = await listAll(world.users.parent);
      const listed = idsOf(items);

      expect(items.find((item) => item.id === ids.I)).toMatchObject({
        view: 'involved_family',
        childRole: 'witness',
      });
      expect(listed).not.toContain(ids.E);
      expect(listed).not.toContain(ids.D);
    });

    it('shows a parent the cases their child is a target of or filed, and those where the child is an aggressor as an involved family', async () => {
      const body = await page(people.classmateParent);

      expect(body.items.map((item) => [item.id, item.view, item.childRole])).toEqual([
        [ids.I, 'family', undefined],
        [ids.E, 'family', undefined],
        [ids.C, 'involved_family', 'aggressor'],
      ]);
      const text = JSON.stringify(body.items[2]);
      expect(text).not.toContain(SECRET.descC);
      expect(text).not.toContain('physical');
    });

    it('shows a parent whose child is only a witness that case as an involved family, and nothing else', async () => {
      const body = await page(people.witnessParent);
      expect(body.items.map((item) => [item.id, item.view, item.childRole])).toEqual([
        [ids.C, 'involved_family', 'witness'],
      ]);
    });

    it('does not show a student the cases they are a linked target of', async () => {
      await expect(page(people.classmate)).resolves.toEqual({
        items: [expect.objectContaining({ id: ids.E, view: 'reporter' })],
        nextCursor: null,
      });
    });

    it('shows a teacher only what they filed', async () => {
      const body = await page(world.users.staff);
      expect(body.items.map((item) => [item.id, item.view])).toEqual([[ids.D, 'reporter']]);

      await expect(page(people.otherTeacher)).resolves.toEqual({ items: [], nextCursor: null });
    });

    it('leaks no description, child’s name or reporter’s name in a family’s list', async () => {
      const text = JSON.stringify(await listAll(world.users.parent));

      for (const secret of Object.values(SECRET)) expect(text).not.toContain(secret);
      expect(text).not.toContain(world.users.counselor.displayName);
      expect(text).not.toContain(people.classmate.displayName);
      expect(text).not.toContain(people.witnessKid.displayName);
      expect(text).not.toContain('critical');
    });

    it.each(['counselor', 'schoolAdmin'] as const)(
      'shows a %s every incident of their school in the staff view, and no other school’s',
      async (who) => {
        const items = await listAll(world.users[who]);

        expect(sorted(idsOf(items))).toEqual(
          sorted([ids.A, ids.B, ids.C, ids.D, ids.E, ids.H, ids.I]),
        );
        expect(new Set(items.map((item) => item.view))).toEqual(new Set(['staff']));
        expect(items.find((item) => item.id === ids.C)).toMatchObject({
          schoolId: world.school.id,
          severity: 'critical',
          urgent: true,
          category: 'physical',
        });
      },
    );

    it('shows the staff of another school only their school’s incidents', async () => {
      expect(idsOf(await listAll(people.sisterCounselor))).toEqual([ids.F]);
      expect(idsOf(await listAll(world.users.sisterAdmin))).toEqual([ids.F]);
      expect(idsOf(await listAll(world.users.foreignAdmin))).toEqual([ids.G]);
    });

    it('refuses a district administrator with 403', async () => {
      await (await t.signIn(world.users.districtAdmin)).get('/incidents').expect(403);
    });

    it('refuses a caller without a token with 401', async () => {
      await t.http.get(INCIDENTS).expect(401);
    });

    describe('pages', () => {
      const filed: string[] = [];

      beforeAll(async () => {
        for (let i = 0; i < 23; i += 1)
          filed.push(
            await fileAs(people.pager, report({ description: `Pager report number ${i + 1}` })),
          );
      });

      it('gives 20 items by default, with a cursor to the rest', async () => {
        const first = await page(people.pager);

        expect(first.items).toHaveLength(20);
        expect(first.nextCursor).toEqual(expect.any(String));
        const second = await page(people.pager, { cursor: first.nextCursor! });
        expect(second.items).toHaveLength(3);
        expect(second.nextCursor).toBeNull();
      });

      it('walks a reporter’s pages newest first, with nothing repeated or missing', async () => {
        const sizes: number[] = [];
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const body: Page = await page(people.pager, cursor ? { limit: 5, cursor } : { limit: 5 });
          sizes.push(body.items.length);
          seen.push(...idsOf(body.items));
          cursor = body.nextCursor;
        } while (cursor);

        expect(sizes).toEqual([5, 5, 5, 5, 3]);
        expect(seen).toEqual([...filed].reverse());
      });

      it('walks a parent’s pages one at a time in the same order as one page', async () => {
        const whole = idsOf((await page(world.users.parent, { limit: 100 })).items);

        await expect(listAll(world.users.parent, 1).then(idsOf)).resolves.toEqual(whole);
      });

      it('walks a counselor’s pages with nothing repeated or missing', async () => {
        const whole = idsOf(await listAll(world.users.counselor, 100));
        const walked = idsOf(await listAll(world.users.counselor, 4));

        expect(walked).toHaveLength(whole.length);
        expect(new Set(walked).size).toBe(walked.length);
        expect(sorted(walked)).toEqual(sorted(whole));
        expect(walked).toEqual(expect.arrayContaining(filed));
      });

      it.each([
        ['limit=0', { limit: 0 }],
        ['limit=101', { limit: 101 }],
        ['limit=abc', { limit: 'abc' }],
        ['a cursor that is not one', { cursor: 'not-a-cursor' }],
        ['a cursor of the wrong shape', { cursor: Buffer.from('[1]').toString('base64url') }],
        ['a cursor with a bad date', { cursor: Buffer.from('["x","y"]').toString('base64url') }],
      ])('refuses %s with 400', async (_case, query) => {
        const response = await t.http
          .get(INCIDENTS)
          .query(query)
          .set(await as(people.pager));
        expect(response.status).toBe(400);
      });
    });
  });

  describe('the next deadline a reporter or family is shown (dueAt)', () => {
    const DAY = 24 * 60 * 60_000;
    const triageDueAt = new Date(Date.now() + DAY);
    const resolveDueAt = new Date(Date.now() + 10 * DAY);

    it.each([
      ['submitted', triageDueAt.toISOString()],
      ['triaged', resolveDueAt.toISOString()],
      ['investigating', resolveDueAt.toISOString()],
      ['resolved', null],
      ['closed', null],
      ['dismissed', null],
    ] as const)(
      'is, for a %s case, %s, in the list and the views of the reporter and the family',
      async (status, dueAt) => {
        const child = await t.factory.user('student', {
          district: world.district,
          schools: [world.school],
        });
        const guardian = await t.factory.user('parent', {
          district: world.district,
          schools: [world.school],
        });
        await t.factory.guardianship(guardian, child);
        const incident = await t.factory.incident(world.school, {
          reporter: child,
          status,
          triageDueAt,
          resolveDueAt,
        });

        for (const [who, view] of [
          [child, 'reporter'],
          [guardian, 'family'],
        ] as const) {
          const listed = await page(who);
          expect(listed.items).toEqual([
            expect.objectContaining({
              id: incident.id,
              view,
              reference: incident.reference,
              status,
              triageDueAt: triageDueAt.toISOString(),
              resolveDueAt: resolveDueAt.toISOString(),
              dueAt,
            }),
          ]);
          const detailed = await detail(who, incident.id);
          expect(detailed.status).toBe(200);
          expect(detailed.body).toMatchObject({ view, status, dueAt });
        }
      },
    );
  });

  describe('one incident', () => {
    it('shows a counselor the staff view: text, parties with linked students, reporter, escalation, full timeline', async () => {
      const { counselor, student } = world.users;

      const response = await detail(counselor, ids.C);

      expect(response.status).toBe(200);
      const view = response.body;
      expect(view).toMatchObject({
        view: 'staff',
        id: ids.C,
        schoolId: world.school.id,
        status: 'submitted',
        severity: 'critical',
        category: 'physical',
        description: SECRET.descC,
        urgent: true,
        escalationReasons: ['urgent_flag'],
        reporterKind: 'staff',
        reporter: { id: counselor.id, displayName: counselor.displayName },
        version: expect.any(Number),
      });
      expect(view.parties).toHaveLength(4);
      expect(view.parties).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            role: 'target',
            student: { id: student.id, displayName: student.displayName },
          }),
          expect.objectContaining({
            role: 'aggressor',
            student: { id: people.classmate.id, displayName: people.classmate.displayName },
          }),
          expect.objectContaining({ role: 'aggressor', name: SECRET.aggressorC, student: null }),
          expect.objectContaining({
            role: 'witness',
            student: { id: people.witnessKid.id, displayName: people.witnessKid.displayName },
          }),
        ]),
      );
      expect(view.timeline).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'filed',
            visibility: 'shared',
            actor: { id: counselor.id, displayName: counselor.displayName },
            at: expect.any(String),
          }),
          expect.objectContaining({ type: 'escalated', visibility: 'internal' }),
        ]),
      );
    });

    it('shows a school admin the student’s report with the reporter and the named children', async () => {
      const { schoolAdmin, student } = world.users;

      const response = await detail(schoolAdmin, ids.A);

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        view: 'staff',
        description: SECRET.descA,
        reporterKind: 'student',
        reporter: { id: student.id, displayName: student.displayName },
        escalationReasons: [],
        severity: null,
      });
      expect(response.body.parties).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            role: 'aggressor',
            name: SECRET.aggressorA,
            note: SECRET.noteA,
          }),
          expect.objectContaining({ role: 'witness', name: SECRET.witnessA }),
        ]),
      );
    });

    it('shows the student who filed the reporter view: their words, status and deadlines, no one’s identity', async () => {
      const response = await detail(world.users.student, ids.A);

      expect(response.status).toBe(200);
      const view = response.body;
      expect(view).toMatchObject({
        view: 'reporter',
        id: ids.A,
        reference: expect.any(String),
        status: 'submitted',
        category: 'verbal',
        location: 'cafeteria',
        description: SECRET.descA,
        triageDueAt: expect.any(String),
        resolveDueAt: expect.any(String),
        schoolTimeZone: 'America/New_York',
        dueAt: view.triageDueAt,
        version: expect.any(Number),
      });
      for (const field of ['parties', 'reporter', 'escalationReasons', 'severity', 'assignee'])
        expect(view).not.toHaveProperty(field);
      expect(view.timeline).toEqual([
        { type: 'filed', at: expect.any(String), data: expect.any(Object) },
      ]);
      const text = JSON.stringify(view);
      expect(text).not.toContain(SECRET.aggressorA);
      expect(text).not.toContain(SECRET.witnessA);
      expect(text).not.toContain(SECRET.noteA);
      expect(text).not.toContain(world.users.student.displayName);
    });

    it('shows the teacher who filed the reporter view without the children they named', async () => {
      const response = await detail(world.users.staff, ids.D);

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ view: 'reporter', description: SECRET.descD });
      const text = JSON.stringify(response.body);
      expect(text).not.toContain(SECRET.aggressorD);
      expect(text).not.toContain(SECRET.targetD);
      expect(text).not.toContain(world.users.staff.displayName);
    });

    it('shows a parent their own report in the reporter view, without the aggressor’s name', async () => {
      const response = await detail(world.users.parent, ids.B);

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ view: 'reporter', description: SECRET.descB });
      expect(response.body).not.toHaveProperty('parties');
      expect(JSON.stringify(response.body)).not.toContain(SECRET.aggressorB);
    });

    const FAMILY_FIELDS = [
      'view',
      'id',
      'reference',
      'child',
      'status',
      'category',
      'location',
      'occurredAt',
      'triageDueAt',
      'resolveDueAt',
      'schoolTimeZone',
      'timeline',
    ];
    const FORBIDDEN_IN_FAMILY = [
      'description',
      'parties',
      'reporter',
      'reporterKind',
      'escalationReasons',
      'severity',
      'urgent',
      'locationDetail',
      'onBehalfOf',
      'assignee',
    ];

    it('shows a parent their child’s own report in the family view, without the text or the children named', async () => {
      const { parent, student } = world.users;

      const response = await detail(parent, ids.A);

      expect(response.status).toBe(200);
      const view = response.body;
      expect(view).toMatchObject({
        view: 'family',
        id: ids.A,
        child: { id: student.id, displayName: student.displayName },
        status: 'submitted',
        category: 'verbal',
        location: 'cafeteria',
      });
      for (const field of FAMILY_FIELDS) expect(view).toHaveProperty(field);
      for (const field of FORBIDDEN_IN_FAMILY) expect(view).not.toHaveProperty(field);
      expect(view.timeline).toEqual([
        { type: 'filed', at: expect.any(String), data: expect.any(Object) },
      ]);
      const text = JSON.stringify(view);
      expect(text).not.toContain(SECRET.descA);
      expect(text).not.toContain(SECRET.aggressorA);
      expect(text).not.toContain(SECRET.witnessA);
      expect(text).not.toContain(SECRET.noteA);
    });

    it('shows a parent the case where their child is a linked target without the reporter, the other children, the text or the escalation', async () => {
      const { parent, student, counselor } = world.users;

      const response = await detail(parent, ids.C);

      expect(response.status).toBe(200);
      const view = response.body;
      expect(view).toMatchObject({
        view: 'family',
        id: ids.C,
        child: { id: student.id, displayName: student.displayName },
        category: 'physical',
      });
      for (const field of FORBIDDEN_IN_FAMILY) expect(view).not.toHaveProperty(field);
      expect(typesOf(view.timeline)).toEqual(['filed']);
      for (const entry of view.timeline)
        expect(Object.keys(entry).sort()).toEqual(['at', 'data', 'type']);
      const text = JSON.stringify(view);
      expect(text).not.toContain(SECRET.descC);
      expect(text).not.toContain(SECRET.aggressorC);
      expect(text).not.toContain(counselor.displayName);
      expect(text).not.toContain(counselor.id);
      expect(text).not.toContain(people.classmate.displayName);
      expect(text).not.toContain(people.classmate.id);
      expect(text).not.toContain(people.witnessKid.displayName);
      expect(text).not.toContain('urgent_flag');
      expect(text).not.toContain('escalated');
      expect(text).not.toContain('critical');
    });

    it('shows a parent a report filed for their child by a counselor without the counselor’s name', async () => {
      const { parent, student, counselor } = world.users;

      const response = await detail(parent, ids.H);

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        view: 'family',
        child: { id: student.id, displayName: student.displayName },
      });
      const text = JSON.stringify(response.body);
      expect(text).not.toContain(SECRET.descH);
      expect(text).not.toContain(counselor.displayName);
    });

    it('shows the target’s parent a case filed by an admin without the witness’s or the admin’s name', async () => {
      const { student, schoolAdmin } = world.users;

      const response = await detail(people.classmateParent, ids.I);

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        view: 'family',
        child: { id: people.classmate.id, displayName: people.classmate.displayName },
      });
      const text = JSON.stringify(response.body);
      expect(text).not.toContain(SECRET.descI);
      expect(text).not.toContain(student.displayName);
      expect(text).not.toContain(student.id);
      expect(text).not.toContain(schoolAdmin.displayName);
    });

    it('shows a second guardian the report the first filed for their child as a family, not the text or the filer', async () => {
      const { parent, student } = world.users;
      const coParent = await t.factory.user('parent', {
        district: world.district,
        schools: [world.school],
      });
      await t.factory.guardianship(coParent, student);

      const response = await detail(coParent, ids.B);

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        view: 'family',
        child: { id: student.id, displayName: student.displayName },
      });
      const text = JSON.stringify(response.body);
      expect(text).not.toContain(SECRET.descB);
      expect(text).not.toContain(SECRET.aggressorB);
      expect(text).not.toContain(parent.displayName);
      expect(text).not.toContain(parent.id);
      expect(idsOf(await listAll(coParent))).toEqual([ids.I, ids.H, ids.C, ids.B, ids.A]);
    });

    it('opens every listed incident in the listed view, and nothing unlisted, for every caller', async () => {
      const callers: User[] = [
        ...Object.values(world.users).filter((user) => user.role !== 'district_admin'),
        people.classmate,
        people.classmateParent,
        people.witnessKid,
        people.witnessParent,
        people.otherTeacher,
        people.sisterCounselor,
      ];
      const scenario = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((letter) => ids[letter]);
      const mismatches: string[] = [];

      for (const caller of callers) {
        const listed = new Map((await listAll(caller)).map((item) => [item.id, item.view]));
        for (const id of scenario) {
          const response = await detail(caller, id);
          const seen = response.status === 200 ? (response.body.view as string) : response.status;
          const expected = listed.get(id) ?? 404;
          if (seen !== expected)
            mismatches.push(`${caller.username} on ${id}: list says ${expected}, detail ${seen}`);
        }
      }

      expect(mismatches).toEqual([]);
    });

    it.each([
      ['another student', () => people.classmate, 'A'],
      ['another parent', () => people.classmateParent, 'A'],
      ['a teacher of the school who did not file it', () => world.users.staff, 'A'],
      ['another teacher, for a teacher’s report', () => people.otherTeacher, 'D'],
      ['a counselor of another school', () => people.sisterCounselor, 'A'],
      ['an admin of another school', () => world.users.sisterAdmin, 'C'],
      ['an admin of another district', () => world.users.foreignAdmin, 'A'],
      ['a counselor, for another school’s report', () => world.users.counselor, 'F'],
      [
        'the parent of a child who is only a named (unlinked) witness',
        () => people.witnessParent,
        'A',
      ],
      ['a parent, for a classmate’s report', () => world.users.parent, 'E'],
      ['a student who is a linked target', () => world.users.student, 'C'],
      ['a student who is a linked aggressor', () => people.classmate, 'C'],
    ])(
      'answers 404 to %s exactly as for an id that does not exist',
      async (_who, who, incident) => {
        const user = who();

        const response = await detail(user, ids[incident]);

        expect(response.status).toBe(404);
        expect(response.body).toEqual(await notFoundBody(user));
        expect(response.body).toEqual({
          statusCode: 404,
          error: 'Not Found',
          message: expect.any(String),
        });
      },
    );

    it('refuses a district administrator with 403', async () => {
      const response = await detail(world.users.districtAdmin, ids.A);
      expect(response.status).toBe(403);
    });

    it('refuses a caller without a token with 401', async () => {
      await t.http.get(`${INCIDENTS}/${ids.A}`).expect(401);
    });

    it.each(['not-a-uuid', '12345', `${RANDOM_UUID}x`])('answers 400 to the id %s', async (id) => {
      const response = await detail(world.users.counselor, id);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.stringContaining('id'),
      });
    });
  });
});
