import type { School, User } from '@app/identity';
import type { Filed, IncidentSummary as Summary, Page as PageOf } from './support/api-driver';
import { Factory, type IncidentSetup } from './support/factory';
import { TestApp } from './support/test-app';

jest.setTimeout(120_000);
type World = Awaited<ReturnType<Factory['world']>>;
type Page = PageOf<Summary>;
type Query = Record<string, string | number>;

/** What a test may set directly on an incident row (the queue keys follow by themselves). */
type CaseState = Partial<{
  status: string;
  severity: string | null;
  assigneeId: string | null;
  triageDueAt: Date | string;
  resolveDueAt: Date | string;
}>;
const COLUMNS: Record<keyof CaseState, string> = {
  status: 'status',
  severity: 'severity',
  assigneeId: 'assignee_id',
  triageDueAt: 'triage_due_at',
  resolveDueAt: 'resolve_due_at',
};

const INCIDENTS = '/api/v1/incidents';
const NOBODY = '3f0c2a9e-8d41-4b7a-9c55-1e2d3f4a5b6c';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const fromNow = (ms: number) => new Date(Date.now() + ms);
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The triage deadline of every report filed today, to the microsecond. */
const SAME_DAY = new Date(Date.now() + 26 * HOUR);
const sortedIds = (ids: string[]) => [...ids].sort(byId);

describe('the caseworker queue: GET /api/v1/incidents', () => {
  let t: TestApp;
  let world: World;

  /** Files the queue's usual report through the API, as `user`, at `school`. */
  const file = async (user: User, school: School, fields: Record<string, unknown> = {}) =>
    (await t.signIn(user))
      .file(school.id, {
        location: 'hallway',
        occurredAt: minutesAgo(30),
        description: 'Some older pupils called him names in the hallway again.',
        ...fields,
      })
      .expectStatus(201);

  const setCase = async (id: string, state: CaseState) => {
    const entries = Object.entries(state) as [keyof CaseState, unknown][];
    const sets = entries.map(([key], index) => `${COLUMNS[key]} = $${index + 2}`);
    await t.dataSource.query(`UPDATE incidents SET ${sets.join(', ')} WHERE id = $1`, [
      id,
      ...entries.map(([, value]) => value),
    ]);
  };

  /** The raw answer, for tests of refusals and headers. */
  const get = async (user: User, query: Query = {}) =>
    (await t.signIn(user)).get('/incidents', query);

  const page = async (user: User, query: Query = {}): Promise<Page> =>
    (await t.signIn(user)).queue(query).expectStatus(200);

  /** The ids of a whole list, walking its pages. */
  const walk = async (user: User, query: Query = {}, limit = 100): Promise<string[]> => {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 200; pages += 1) {
      const body: Page = await page(
        user,
        cursor ? { ...query, limit, cursor } : { ...query, limit },
      );
      ids.push(...body.items.map((item) => item.id));
      cursor = body.nextCursor;
      if (!cursor) return ids;
    }
    throw new Error('the list does not end');
  };

  /** Critical as an urgent filing makes it. */
  const CRITICAL = { urgent: true, severity: 'critical' as const };
  /**
   * A case of `counselor`'s written by the factory: for lists, where filing is
   * beside the point. They share one triage deadline, as reports filed the same
   * day do, so the id breaks the ties.
   */
  const stock = (school: School, counselor: User, setup: IncidentSetup = {}) =>
    t.factory.incident(school, { reporter: counselor, triageDueAt: SAME_DAY, ...setup });

  /** The ids in queue order as the database sees the rows now. */
  const queueOrderOf = async (ids: string[]): Promise<string[]> => {
    const rows: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM incidents WHERE id = ANY($1) ORDER BY priority, due_at, id',
      [ids],
    );
    return rows.map((row) => row.id);
  };

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
  });

  afterAll(() => t.close());

  describe('ordering', () => {
    it('puts critical cases first, then the current deadline, then the id', async () => {
      const { school, counselor } = await t.factory.desk(world.district);
      const base = Date.now() + 3 * DAY;
      const at = (ms: number) => new Date(base + ms);
      const filed: Record<string, string> = {};
      for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) {
        filed[name] = (await file(counselor, school)).id;
      }
      // Submitted: the triage deadline counts.
      await setCase(filed.a, { triageDueAt: at(HOUR), resolveDueAt: at(-20 * DAY) });
      await setCase(filed.b, {
        severity: 'critical',
        triageDueAt: at(5 * HOUR),
        resolveDueAt: at(-20 * DAY),
      });
      await setCase(filed.h, { triageDueAt: at(HOUR), resolveDueAt: at(10 * DAY) });
      // Triaged or investigating: the resolution deadline counts.
      await setCase(filed.c, {
        status: 'investigating',
        severity: 'critical',
        triageDueAt: at(-30 * DAY),
        resolveDueAt: at(2 * HOUR),
      });
      await setCase(filed.d, {
        status: 'triaged',
        severity: 'low',
        triageDueAt: at(20 * DAY),
        resolveDueAt: at(-5 * DAY),
      });
      await setCase(filed.i, {
        status: 'triaged',
        severity: 'high',
        triageDueAt: at(-40 * DAY),
        resolveDueAt: at(HOUR),
      });
      // Settled: no deadline any more.
      await setCase(filed.e, {
        status: 'resolved',
        severity: 'medium',
        triageDueAt: at(-50 * DAY),
        resolveDueAt: at(-50 * DAY),
      });
      await setCase(filed.f, {
        status: 'dismissed',
        severity: 'critical',
        triageDueAt: at(-50 * DAY),
        resolveDueAt: at(-50 * DAY),
      });
      await setCase(filed.g, {
        status: 'closed',
        severity: 'high',
        triageDueAt: at(-60 * DAY),
        resolveDueAt: at(-60 * DAY),
      });

      const body = await page(counselor);

      expect(body.nextCursor).toBeNull();
      expect(body.items.map((item) => item.id)).toEqual([
        filed.c, // critical, due in 2 h
        filed.b, // critical, due in 5 h
        filed.d, // overdue since 2 days
        ...sortedIds([filed.a, filed.h, filed.i]), // the same deadline: by id
        // settled, critical or not: no deadline, no priority, by id
        ...sortedIds([filed.e, filed.f, filed.g]),
      ]);
    });

    it('answers staff summaries of the school with their deadlines', async () => {
      const { school, counselor } = await t.factory.desk(world.district);
      const filed = await file(counselor, school, { category: 'cyber', location: 'online' });

      const body = await page(counselor);

      expect(body).toEqual({
        items: [
          {
            view: 'staff',
            id: filed.id,
            reference: filed.reference,
            schoolId: school.id,
            status: 'submitted',
            severity: null,
            category: 'cyber',
            location: 'online',
            urgent: false,
            critical: false,
            criticalReasons: [],
            assigneeId: null,
            assignee: null,
            occurredAt: expect.any(String),
            triageDueAt: filed.triageDueAt,
            resolveDueAt: filed.resolveDueAt,
            dueAt: filed.triageDueAt,
            schoolTimeZone: 'America/New_York',
            createdAt: expect.any(String),
          },
        ],
        nextCursor: null,
      });
    });

    it('moves a case down once it is triaged with a later resolution deadline', async () => {
      const { school, counselor } = await t.factory.desk(world.district);
      const first = await file(counselor, school);
      const second = await file(counselor, school);
      await setCase(first.id, { triageDueAt: fromNow(DAY), resolveDueAt: fromNow(10 * DAY) });
      await setCase(second.id, { triageDueAt: fromNow(2 * DAY), resolveDueAt: fromNow(9 * DAY) });
      expect((await page(counselor)).items.map((item) => item.id)).toEqual([first.id, second.id]);

      const api = await t.signIn(counselor);
      const detail = await api.incident(first.id).expectStatus(200);
      await api.triage(first.id, { version: detail.version, severity: 'medium' }).expectStatus(200);

      expect((await page(counselor)).items.map((item) => item.id)).toEqual([second.id, first.id]);
    });

    it('puts an urgent report first as soon as it is filed', async () => {
      const { school, counselor } = await t.factory.desk(world.district);
      const calm = await file(counselor, school);
      await setCase(calm.id, { triageDueAt: fromNow(-DAY) });
      const urgent = await file(counselor, school, { urgent: true });

      const body = await page(counselor);

      expect(body.items.map((item) => [item.id, item.severity])).toEqual([
        [urgent.id, 'critical'],
        [calm.id, null],
      ]);
    });

    it('says which cases are critical and why: the urgent tick, danger terms, or triage', async () => {
      const { school, counselor } = await t.factory.desk(world.district);
      const ticked = await file(counselor, school, { urgent: true });
      const words = await file(counselor, school, {
        description: 'He showed a knife to the younger pupils behind the gym.',
      });
      const triaged = await file(counselor, school);
      const lowered = await file(counselor, school, {
        description: 'They said they are going to kill him after school, as a joke.',
      });
      const calm = await file(counselor, school);
      for (const [filed, severity] of [
        [triaged, 'critical'],
        [lowered, 'low'],
      ] as const) {
        const api = await t.signIn(counselor);
        const detail = await api.incident(filed.id).expectStatus(200);
        await api.triage(filed.id, { version: detail.version, severity }).expectStatus(200);
      }

      const items = new Map((await page(counselor)).items.map((item) => [item.id, item]));

      const flags = (id: string) => {
        const { urgent, critical, criticalReasons } = items.get(id)!;
        return { urgent, critical, criticalReasons };
      };
      expect(flags(ticked.id)).toEqual({
        urgent: true,
        critical: true,
        criticalReasons: ['urgent_flag'],
      });
      expect(flags(words.id)).toEqual({
        urgent: false,
        critical: true,
        criticalReasons: ['weapon'],
      });
      expect(flags(triaged.id)).toEqual({
        urgent: false,
        critical: true,
        criticalReasons: ['triage'],
      });
      expect(flags(lowered.id)).toEqual({ urgent: false, critical: false, criticalReasons: [] });
      expect(flags(calm.id)).toEqual({ urgent: false, critical: false, criticalReasons: [] });
    });

    it('shows a school admin the same queue as the counselors of the school', async () => {
      const { school, counselor } = await t.factory.desk(world.district);
      const admin = await t.factory.user('school_admin', {
        district: world.district,
        schools: [school],
      });
      await file(counselor, school);
      await file(counselor, school, { urgent: true });
      await file(admin, school);

      const asCounselor = await walk(counselor);
      expect(asCounselor).toHaveLength(3);
      await expect(walk(admin)).resolves.toEqual(asCounselor);
    });
  });

  describe('filters', () => {
    let school: School;
    let secondSchool: School;
    let counselorA: User;
    let counselorB: User;
    let twoSchools: User;
    const c: Record<string, Filed> = {};

    const ids = async (user: User, query: Query) => walk(user, query);
    const expectIds = async (user: User, query: Query, expected: string[]) =>
      expect(sortedIds(await ids(user, query))).toEqual(sortedIds(expected));

    beforeAll(async () => {
      ({ school, counselor: counselorA } = await t.factory.desk(world.district));
      secondSchool = await t.factory.school(world.district);
      counselorB = await t.factory.user('counselor', {
        district: world.district,
        schools: [school],
      });
      twoSchools = await t.factory.user('counselor', {
        district: world.district,
        schools: [school, secondSchool],
      });
      c.food = await file(counselorA, school, {
        category: 'physical',
        location: 'cafeteria',
        description: 'They throw food at me in the cafeteria every day.',
      });
      c.cyber = await file(counselorA, school, {
        category: 'cyber',
        location: 'online',
        description: 'Mean posts about her on the class group chat.',
      });
      await setCase(c.cyber.id, {
        status: 'triaged',
        severity: 'low',
        assigneeId: counselorA.id,
        resolveDueAt: fromNow(-DAY),
      });
      c.verbal = await file(counselorA, school, {
        description: 'Name calling on the way to the gym, several times.',
      });
      await setCase(c.verbal.id, {
        status: 'investigating',
        severity: 'high',
        assigneeId: counselorB.id,
        resolveDueAt: fromNow(5 * DAY),
      });
      c.urgent = await file(counselorA, school, {
        category: 'social',
        urgent: true,
        description: 'Left alone at the bus stop and followed home by a group.',
      });
      await setCase(c.urgent.id, { triageDueAt: fromNow(-2 * HOUR) });
      c.resolved = await file(counselorA, school, {
        description: 'Pushed in the line at the library, now sorted out.',
      });
      await setCase(c.resolved.id, {
        status: 'resolved',
        severity: 'medium',
        assigneeId: counselorA.id,
        triageDueAt: fromNow(-20 * DAY),
        resolveDueAt: fromNow(-10 * DAY),
      });
      c.dismissed = await file(counselorA, school, {
        category: 'other',
        description: 'A prank report about a teacher that turned out untrue.',
      });
      await setCase(c.dismissed.id, { status: 'dismissed', triageDueAt: fromNow(-3 * DAY) });
      c.second = await file(twoSchools, secondSchool, {
        description: 'They throw food at the new kid at lunch.',
      });
      // The same words in a school none of them works in.
      c.sister = await file(world.users.sisterStudent, world.sisterSchool, {
        description: 'They throw food at me in the cafeteria every day.',
      });
    });

    const all = () =>
      [c.food, c.cyber, c.verbal, c.urgent, c.resolved, c.dismissed].map((x) => x.id);

    it('filters by status', async () => {
      await expectIds(counselorA, { status: 'triaged' }, [c.cyber.id]);
      await expectIds(counselorA, { status: 'submitted' }, [c.food.id, c.urgent.id]);
      await expectIds(counselorA, { status: 'resolved' }, [c.resolved.id]);
      await expectIds(counselorA, { status: 'closed' }, []);
    });

    it('filters by severity', async () => {
      await expectIds(counselorA, { severity: 'critical' }, [c.urgent.id]);
      await expectIds(counselorA, { severity: 'low' }, [c.cyber.id]);
    });

    it('filters by category', async () => {
      await expectIds(counselorA, { category: 'cyber' }, [c.cyber.id]);
      await expectIds(counselorA, { category: 'verbal' }, [c.verbal.id, c.resolved.id]);
    });

    it('takes several statuses, severities or categories, repeated or comma-separated', async () => {
      const idsOf = async (search: string) => {
        const response = await (await t.signIn(counselorA)).get(`/incidents?limit=100&${search}`);
        expect({ search, status: response.status }).toEqual({ search, status: 200 });
        return sortedIds((response.body as Page).items.map((item) => item.id));
      };
      const open = sortedIds([c.food.id, c.urgent.id, c.cyber.id]);

      await expect(idsOf('status=submitted&status=triaged')).resolves.toEqual(open);
      await expect(idsOf('status=submitted,triaged')).resolves.toEqual(open);
      await expect(idsOf('status=submitted,%20triaged&status=triaged')).resolves.toEqual(open);
      await expect(idsOf('severity=critical&severity=low')).resolves.toEqual(
        sortedIds([c.urgent.id, c.cyber.id]),
      );
      await expect(idsOf('category=cyber,physical')).resolves.toEqual(
        sortedIds([c.cyber.id, c.food.id]),
      );
      await expect(idsOf('status=submitted,triaged&category=physical,social')).resolves.toEqual(
        sortedIds([c.food.id, c.urgent.id]),
      );
    });

    it('filters by assignee: me, none, or a colleague', async () => {
      await expectIds(counselorA, { assignee: 'me' }, [c.cyber.id, c.resolved.id]);
      await expectIds(counselorB, { assignee: 'me' }, [c.verbal.id]);
      await expectIds(counselorA, { assignee: 'none' }, [c.food.id, c.urgent.id, c.dismissed.id]);
      await expectIds(counselorA, { assignee: counselorB.id }, [c.verbal.id]);
      await expectIds(counselorA, { assignee: counselorB.id.toUpperCase() }, [c.verbal.id]);
      await expectIds(counselorA, { assignee: NOBODY }, []);
    });

    it('filters overdue cases, and settled cases are never overdue', async () => {
      await expectIds(counselorA, { overdue: 'true' }, [c.urgent.id, c.cyber.id]);
      await expectIds(counselorA, { overdue: 'false' }, [
        c.food.id,
        c.verbal.id,
        c.resolved.id,
        c.dismissed.id,
      ]);
    });

    it('lists overdue cases in queue order', async () => {
      const body = await page(counselorA, { overdue: 'true' });

      expect(body.items.map((item) => item.id)).toEqual([c.urgent.id, c.cyber.id]);
    });

    it('finds words of the description, whatever their case', async () => {
      await expectIds(counselorA, { q: 'food' }, [c.food.id]);
      await expectIds(counselorA, { q: 'FOOD' }, [c.food.id]);
      await expectIds(counselorA, { q: 'throw food' }, [c.food.id]);
      await expectIds(counselorA, { q: 'group chat' }, [c.cyber.id]);
      await expectIds(counselorA, { q: 'zebra' }, []);
    });

    it('finds a case by its reference', async () => {
      await expectIds(counselorA, { q: c.verbal.reference }, [c.verbal.id]);
      await expectIds(counselorA, { q: c.verbal.reference.toLowerCase() }, [c.verbal.id]);
    });

    it('answers an empty page, not an error, for search text full of operators', async () => {
      for (const q of ['&|!():*', "'", '\\', 'food & !', '<->']) {
        const response = await get(counselorA, { q });
        expect({ q, status: response.status }).toEqual({ q, status: 200 });
      }
    });

    it('combines filters', async () => {
      await expectIds(counselorA, { status: 'submitted', assignee: 'none', overdue: 'true' }, [
        c.urgent.id,
      ]);
      await expectIds(counselorA, { category: 'physical', q: 'food', status: 'triaged' }, []);
      await expectIds(counselorA, { assignee: 'me', overdue: 'false' }, [c.resolved.id]);
    });

    it('lists every school of a counselor of two schools, or one with ?schoolId', async () => {
      await expectIds(twoSchools, {}, [...all(), c.second.id]);
      await expectIds(twoSchools, { schoolId: secondSchool.id }, [c.second.id]);
      await expectIds(twoSchools, { schoolId: school.id }, all());
      await expectIds(twoSchools, { schoolId: secondSchool.id, q: 'food' }, [c.second.id]);
    });

    it('never lists another school’s incidents, even with matching words', async () => {
      const listed = await ids(counselorA, { q: 'food' });

      expect(listed).not.toContain(c.sister.id);
      expect(listed).not.toContain(c.second.id);
      await expectIds(counselorA, {}, all());
    });

    it('accepts the id of their own school written in upper case', async () => {
      const upper = await walk(twoSchools, { schoolId: secondSchool.id.toUpperCase() });

      expect(upper).toEqual([c.second.id]);
    });

    it('treats ?assignee=ME like ?assignee=me, or refuses it naming assignee', async () => {
      const response = await get(counselorA, { assignee: 'ME' });

      if (response.status === 200) {
        expect(sortedIds((response.body as Page).items.map((item) => item.id))).toEqual(
          sortedIds([c.cyber.id, c.resolved.id]),
        );
      } else {
        expect(response.status).toBe(400);
        expect(JSON.stringify(response.body.message)).toContain('assignee');
      }
    });

    it.each([
      ['a sister school', () => world.sisterSchool.id],
      ['a school of another district', () => world.foreignSchool.id],
      ['a school that does not exist', () => NOBODY],
    ])('answers 404 for ?schoolId of %s', async (_label, schoolId) => {
      const response = await get(counselorA, { schoolId: schoolId() });

      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain('food');
    });
  });

  describe('pages', () => {
    it('pages 20 by default and walks every page in queue order', async () => {
      const { school, counselor } = await t.factory.desk(world.district);
      const filed: string[] = [];
      for (let n = 0; n < 23; n += 1) {
        const incident = await stock(school, counselor, n % 7 === 0 ? CRITICAL : {});
        filed.push(incident.id);
        if (n % 3 === 0) await setCase(incident.id, { triageDueAt: fromNow((n - 10) * HOUR) });
      }

      const first = await page(counselor);
      expect(first.items).toHaveLength(20);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await page(counselor, { cursor: first.nextCursor! });
      expect(second.items).toHaveLength(3);
      expect(second.nextCursor).toBeNull();

      const expected = await queueOrderOf(filed);
      expect([...first.items, ...second.items].map((item) => item.id)).toEqual(expected);
      await expect(walk(counselor, {}, 4)).resolves.toEqual(expected);
      await expect(walk(counselor, {}, 1)).resolves.toEqual(expected);
      expect((await page(counselor, { limit: 100 })).items.map((item) => item.id)).toEqual(
        expected,
      );
    });

    it('keeps the filter on every page', async () => {
      const { school, counselor } = await t.factory.desk(world.district);
      const triaged: string[] = [];
      for (let n = 0; n < 9; n += 1) {
        const incident = await stock(school, counselor);
        if (n % 2 === 0) {
          await setCase(incident.id, {
            status: 'triaged',
            severity: 'low',
            resolveDueAt: fromNow(n * DAY),
          });
          triaged.push(incident.id);
        }
      }

      await expect(walk(counselor, { status: 'triaged' }, 2)).resolves.toEqual(
        await queueOrderOf(triaged),
      );
    });

    it('pages through cases without a deadline (resolved, closed, dismissed)', async () => {
      const { school, counselor } = await t.factory.desk(world.district);
      const filed: string[] = [];
      for (const status of ['resolved', 'closed', 'dismissed', 'resolved', 'closed']) {
        const incident = await stock(school, counselor);
        await setCase(incident.id, { status, severity: status === 'closed' ? 'critical' : 'low' });
        filed.push(incident.id);
      }
      filed.push((await stock(school, counselor)).id);

      const walked = await walk(counselor, {}, 2);

      expect(walked).toEqual(await queueOrderOf(filed));
      expect(new Set(walked).size).toBe(filed.length);
    });

    it('walks deadlines that differ only by microseconds, one per page', async () => {
      const { school, counselor } = await t.factory.desk(world.district);
      const filed: string[] = [];
      for (const micros of ['000003', '000001', '000002', '000001', '999999', '000000']) {
        const incident = await stock(school, counselor);
        await setCase(incident.id, { triageDueAt: `2031-01-06 16:00:00.${micros}+00` });
        filed.push(incident.id);
      }

      const walked = await walk(counselor, {}, 1);

      expect(walked).toEqual(await queueOrderOf(filed));
      expect(new Set(walked).size).toBe(filed.length);
    });

    it('never repeats nor skips a case while new reports arrive between pages', async () => {
      const { school, counselor } = await t.factory.desk(world.district);
      const initial: string[] = [];
      for (let n = 0; n < 14; n += 1) {
        const incident = await stock(school, counselor);
        initial.push(incident.id);
        // Several share the default deadline (filed today), so the id breaks ties at page edges.
        if (n % 4 === 1) await setCase(incident.id, { severity: 'critical' });
        if (n % 4 === 2) await setCase(incident.id, { triageDueAt: fromNow((n - 7) * DAY) });
        if (n % 5 === 3) await setCase(incident.id, { status: 'resolved', severity: 'low' });
      }
      const arrivals: string[] = [];
      const arrive = async () => {
        // One that sorts before anything seen so far, one at the very end, one among the others.
        const before = await stock(school, counselor, CRITICAL);
        await setCase(before.id, { triageDueAt: fromNow(-90 * DAY) });
        const after = await stock(school, counselor);
        await setCase(after.id, { status: 'closed', severity: 'low' });
        const among = await stock(school, counselor);
        arrivals.push(before.id, after.id, among.id);
      };

      const walked: string[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 100; pages += 1) {
        const body: Page = await page(counselor, cursor ? { limit: 3, cursor } : { limit: 3 });
        walked.push(...body.items.map((item) => item.id));
        cursor = body.nextCursor;
        if (!cursor) break;
        await arrive();
      }

      expect(cursor).toBeNull();
      expect(arrivals.length).toBeGreaterThan(0);
      expect(walked.length).toBe(new Set(walked).size);
      expect(initial.filter((id) => !walked.includes(id))).toEqual([]);
      expect(walked).toEqual(await queueOrderOf(walked));
    });
  });

  describe('refusals', () => {
    it.each([
      ['assignee', { assignee: 'bob' }],
      ['assignee', { assignee: '12345' }],
      ['overdue', { overdue: 'maybe' }],
      ['overdue', { overdue: '1' }],
      ['status', { status: 'open' }],
      ['status', { status: 'submitted,open' }],
      ['status', { status: '' }],
      ['severity', { severity: 'low,urgent' }],
      ['category', { category: 'verbal,' }],
      ['assignee', { assignee: 'not-a-uuid' }],
      ['assignee', { assignee: 'me,none' }],
      ['severity', { severity: 'urgent' }],
      ['category', { category: 'bullying' }],
      ['schoolId', { schoolId: 'my-school' }],
      ['limit', { limit: 0 }],
      ['limit', { limit: 101 }],
      ['limit', { limit: 'ten' }],
      ['q', { q: '' }],
      ['q', { q: 'x'.repeat(201) }],
    ])('answers 400 naming %s for %j', async (field, query) => {
      const response = await get(world.users.counselor, query);

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(JSON.stringify(response.body.message)).toContain(field);
    });

    it('names every bad field at once', async () => {
      const response = await get(world.users.counselor, {
        assignee: 'bob',
        overdue: 'maybe',
        status: 'open',
        limit: 0,
      });

      expect(response.status).toBe(400);
      const message = JSON.stringify(response.body.message);
      for (const field of ['assignee', 'overdue', 'status', 'limit'])
        expect(message).toContain(field);
    });

    it.each([
      ['not base64 JSON', 'definitely-not-a-cursor'],
      ['the wrong number of keys', Buffer.from('["a","b"]').toString('base64url')],
      ['a priority that is no number', Buffer.from('["x","infinity","x"]').toString('base64url')],
      ['a deadline that is no time', Buffer.from(`[1,"soon","${NOBODY}"]`).toString('base64url')],
      ['an id that is no uuid', Buffer.from('[1,"infinity","nope"]').toString('base64url')],
      ['keys that are objects', Buffer.from('[{},[],{}]').toString('base64url')],
    ])('answers 400, not 500, for a cursor with %s', async (_label, cursor) => {
      const response = await get(world.users.counselor, { cursor });

      expect(response.status).toBe(400);
    });

    it('lets a student filter their own reports by status only', async () => {
      const { student } = world.users;
      const mine = await file(student, world.school, {
        description: 'A student report about the playground at break.',
      });

      const submitted = await page(student, { status: 'submitted' });
      expect(submitted.items.map((item) => item.id)).toContain(mine.id);
      expect(submitted.items.every((item) => item.view === 'reporter')).toBe(true);
      const either = await page(student, { status: 'closed,submitted' });
      expect(either.items.map((item) => item.id)).toContain(mine.id);
      await expect(page(student, { status: 'closed' })).resolves.toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it.each([
      ['student', 'severity', { severity: 'low' }],
      ['student', 'q', { q: 'food' }],
      ['student', 'assignee', { assignee: 'me' }],
      ['parent', 'overdue', { overdue: 'false' }],
      ['parent', 'category', { category: 'verbal' }],
      ['staff', 'schoolId', () => ({ schoolId: world.school.id })],
      ['staff', 'overdue', { overdue: 'true' }],
    ] as const)('answers 400 to a %s using the caseworker filter %s', async (who, field, query) => {
      const response = await get(
        world.users[who],
        typeof query === 'function' ? query() : { ...query },
      );

      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.message)).toContain(field);
    });

    it('refuses the district admin with 403', async () => {
      const response = await get(world.users.districtAdmin);

      expect(response.status).toBe(403);
    });

    it('answers 401 without a token', async () => {
      await t.http.get(INCIDENTS).expect(401);
      await t.http.get(INCIDENTS).set('Authorization', 'Bearer nonsense').expect(401);
    });

    it('shows the world’s counselor only incidents of their own school', async () => {
      await file(world.users.sisterStudent, world.sisterSchool);
      await file(world.users.foreignStudent, world.foreignSchool);
      await file(world.users.student, world.school);

      const response = await page(world.users.counselor, { limit: 100 });

      expect(response.items.length).toBeGreaterThan(0);
      expect(new Set(response.items.map((item) => item.schoolId))).toEqual(
        new Set([world.school.id]),
      );
    });
  });
});
