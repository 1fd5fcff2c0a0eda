import type { School, User } from '@app/identity';
import { TestApp } from './support/test-app';

jest.setTimeout(120_000);
type World = Awaited<ReturnType<TestApp['factory']['world']>>;

interface Counts {
  total: number;
  byStatus: Record<string, number>;
  bySeverity: Record<string, number>;
  overdue: number;
  unassigned: number;
  mine: number;
}

const HOUR = 3_600_000;
const past = () => new Date(Date.now() - 2 * HOUR);

/**
 * What the counselor's queue page needs beyond the list: the place filter,
 * the count next to each filter choice, whom a case may be given to, and the
 * decisions the workflow allows now, in the staff view.
 */
describe('the queue page’s API: counts, location, assignees, allowed actions', () => {
  let t: TestApp;
  let world: World;

  const counts = async (user: User, query: Record<string, string> = {}) =>
    (await t.signIn(user)).get('/incidents/counts', query);

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
  });

  afterAll(() => t.close());

  describe('GET /incidents?location=', () => {
    it('keeps the cases of the chosen places', async () => {
      const { school, counselor } = await t.factory.desk(world.district);
      const bus = await t.factory.incident(school, { location: 'bus' });
      const gym = await t.factory.incident(school, { location: 'gym' });
      await t.factory.incident(school, { location: 'cafeteria' });
      const client = await t.signIn(counselor);

      const one = await client.queue({ location: 'bus' }).expectStatus(200);
      expect(one.items.map((item) => item.id)).toEqual([bus.id]);
      const two = await client.queue({ location: 'bus,gym' }).expectStatus(200);
      expect(two.items.map((item) => item.id).sort()).toEqual([bus.id, gym.id].sort());
      await client.get('/incidents', { location: 'moon' }).expect(400);
    });

    it('answers each row with the deadline that matters now, the school’s time zone and the assignee’s name', async () => {
      const { school, counselor } = await t.factory.desk(world.district);
      const open = await t.factory.incident(school, {
        status: 'triaged',
        assigneeId: counselor.id,
      });
      const page = await (await t.signIn(counselor)).queue().expectStatus(200);

      expect(page.items).toEqual([
        expect.objectContaining({
          id: open.id,
          dueAt: open.resolveDueAt.toISOString(),
          schoolTimeZone: 'America/New_York',
          assignee: { id: counselor.id, displayName: counselor.displayName },
        }),
      ]);
    });

    it('answers 400 to a student using the location filter', async () => {
      const response = await (
        await t.signIn(world.users.student)
      ).get('/incidents', {
        location: 'bus',
      });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.message)).toContain('location');
    });
  });

  describe('GET /incidents/counts', () => {
    let school: School;
    let counselor: User;

    beforeAll(async () => {
      ({ school, counselor } = await t.factory.desk(world.district));
      const colleague = await t.factory.user('counselor', {
        district: world.district,
        schools: [school],
      });
      const overdue = new Date(Date.now() - HOUR);
      // submitted: 2 (one overdue, one mine), triaged: 1 high (colleague's), investigating: 1 critical
      // bus, closed: 1 low.
      await t.factory.incident(school, { triageDueAt: overdue, occurredAt: past() });
      await t.factory.incident(school, { assigneeId: counselor.id });
      await t.factory.incident(school, {
        status: 'triaged',
        severity: 'high',
        assigneeId: colleague.id,
      });
      await t.factory.incident(school, {
        status: 'investigating',
        severity: 'critical',
        location: 'bus',
        assigneeId: counselor.id,
      });
      await t.factory.incident(school, { status: 'closed', severity: 'low' });
    });

    it('counts every choice of each filter, the other filters applied', async () => {
      const all = (await counts(counselor)).body as Counts;
      expect(all).toEqual({
        total: 5,
        byStatus: {
          submitted: 2,
          triaged: 1,
          investigating: 1,
          resolved: 0,
          closed: 1,
          dismissed: 0,
        },
        bySeverity: { low: 1, medium: 0, high: 1, critical: 1, none: 2 },
        overdue: 1,
        unassigned: 2,
        mine: 2,
      });

      const open = (await counts(counselor, { status: 'submitted,triaged,investigating' }))
        .body as Counts;
      expect(open.total).toBe(4);
      // The status counts ignore the status filter; the others apply it.
      expect(open.byStatus.closed).toBe(1);
      expect(open.bySeverity).toEqual({ low: 0, medium: 0, high: 1, critical: 1, none: 2 });
      expect(open.unassigned).toBe(1);

      const mine = (await counts(counselor, { assignee: 'me' })).body as Counts;
      expect(mine.total).toBe(2);
      expect(mine.byStatus).toMatchObject({ submitted: 1, investigating: 1, triaged: 0 });
      expect(mine.unassigned).toBe(2);
      expect(mine.mine).toBe(2);

      const onTheBus = (await counts(counselor, { location: 'bus' })).body as Counts;
      expect(onTheBus).toMatchObject({ total: 1, mine: 1, unassigned: 0, overdue: 0 });

      const late = (await counts(counselor, { overdue: 'true' })).body as Counts;
      expect(late).toMatchObject({ total: 1, overdue: 1, byStatus: { submitted: 1 } });
    });

    it('counts only the caller’s schools, and refuses a school out of reach with 404', async () => {
      const sister = (await counts(world.users.sisterAdmin)).body as Counts;
      expect(sister.total).toBe(0);
      const response = await counts(counselor, { schoolId: world.foreignSchool.id });
      expect(response.status).toBe(404);
    });

    it('answers 400 to a filter value it does not know', async () => {
      expect((await counts(counselor, { severity: 'huge' })).status).toBe(400);
      expect((await counts(counselor, { assignee: 'everyone' })).status).toBe(400);
    });

    it.each(['student', 'parent', 'staff', 'districtAdmin'] as const)(
      'refuses the %s with 403',
      async (who) => {
        expect((await counts(world.users[who])).status).toBe(403);
      },
    );

    it('answers 401 without a token', async () => {
      await t.http.get('/api/v1/incidents/counts').expect(401);
    });
  });

  describe('GET /incidents/:id/assignees', () => {
    let caseId: string;

    beforeAll(async () => {
      const incident = await t.factory.incident(world.school, { reporter: world.users.student });
      caseId = incident.id;
      await t.factory.user(
        'counselor',
        { district: world.district, schools: [world.school] },
        { disabled: true, displayName: 'Gone Counselor' },
      );
    });

    it.each(['counselor', 'schoolAdmin'] as const)(
      'lists the active counselors and administrators of the school to the %s',
      async (who) => {
        const client = await t.signIn(world.users[who]);
        const people = (await client.get(`/incidents/${caseId}/assignees`).expect(200)).body as {
          id: string;
          displayName: string;
          role: string;
        }[];

        expect(people.map((person) => person.id).sort()).toEqual(
          [world.users.counselor.id, world.users.schoolAdmin.id].sort(),
        );
        expect(people.every((person) => ['counselor', 'school_admin'].includes(person.role))).toBe(
          true,
        );
      },
    );

    it.each(['student', 'parent', 'staff', 'districtAdmin'] as const)(
      'refuses the %s with 403',
      async (who) => {
        const client = await t.signIn(world.users[who]);
        await client.get(`/incidents/${caseId}/assignees`).expect(403);
      },
    );

    it('answers 404 to an administrator of another school, and for an unknown case', async () => {
      const sister = await t.signIn(world.users.sisterAdmin);
      await sister.get(`/incidents/${caseId}/assignees`).expect(404);
      const counselor = await t.signIn(world.users.counselor);
      await counselor.get('/incidents/3f0c2a9e-8d41-4b7a-9c55-1e2d3f4a5b6c/assignees').expect(404);
    });
  });

  describe('allowedActions in the staff view', () => {
    it('follows the workflow, in the detail and in every decision’s answer', async () => {
      const incident = await t.factory.incident(world.school, { reporter: world.users.student });
      const counselor = await t.signIn(world.users.counselor);

      const read = await counselor.incident(incident.id).expectStatus(200);
      expect(read.allowedActions).toEqual(['triage', 'assign', 'dismiss', 'change_parties']);
      expect(read.schoolTimeZone).toBe('America/New_York');
      expect(read.dueAt).toBe(read.triageDueAt);

      const triaged = await counselor
        .triage(incident.id, { version: read.version, severity: 'medium' })
        .expectStatus(200);
      expect(triaged.allowedActions).toEqual([
        'assign',
        'start',
        'dismiss',
        'change_parties',
        'change_severity',
      ]);

      const another = await t.factory.incident(world.school, { reporter: world.users.student });
      const closed = await counselor.walk(another.id, 'closed');
      expect(closed.allowedActions).toEqual([]);
    });

    it('is not in the views of reporters and families', async () => {
      const filed = await (
        await t.signIn(world.users.student)
      )
        .file(world.school.id)
        .expectStatus(201);
      const student = await (
        await t.signIn(world.users.student)
      )
        .incident(filed.id)
        .expectStatus(200);
      const parent = await (
        await t.signIn(world.users.parent)
      )
        .incident(filed.id)
        .expectStatus(200);

      expect(student).not.toHaveProperty('allowedActions');
      expect(parent).not.toHaveProperty('allowedActions');
    });
  });
});
