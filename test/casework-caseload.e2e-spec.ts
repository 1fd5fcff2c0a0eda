import type { School, User } from '@app/identity';
import { DateTime } from 'luxon';
import type { Caseload, Filed } from './support/api-driver';
import { Factory, type IncidentSetup } from './support/factory';
import { TestApp } from './support/test-app';

jest.setTimeout(120_000);
type World = Awaited<ReturnType<Factory['world']>>;

type Party = {
  id: string;
  role: string;
  student: { id: string; displayName: string } | null;
  name: string | null;
  otherIncidentsAsTarget: number;
  otherIncidentsAsAggressor: number;
  repeatTarget: boolean;
  repeatAggressor: boolean;
};
type History = {
  items: { incidentId: string; roles: string[]; occurredAt: string }[];
  nextCursor: string | null;
  repeat: Record<string, number | boolean>;
};
type CaseState = Partial<{
  status: string;
  severity: string | null;
  assigneeId: string | null;
  triageDueAt: Date;
  resolveDueAt: Date;
  occurredAt: Date;
}>;
const COLUMNS: Record<keyof CaseState, string> = {
  status: 'status',
  severity: 'severity',
  assigneeId: 'assignee_id',
  triageDueAt: 'triage_due_at',
  resolveDueAt: 'resolve_due_at',
  occurredAt: 'occurred_at',
};

const NOBODY = '3f0c2a9e-8d41-4b7a-9c55-1e2d3f4a5b6c';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const fromNow = (ms: number) => new Date(Date.now() + ms);
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

const EMPTY_CASELOAD: Caseload = {
  open: 0,
  byStatus: { submitted: 0, triaged: 0, investigating: 0, resolved: 0, closed: 0, dismissed: 0 },
  overdue: 0,
  dueSoon: 0,
  unassigned: 0,
  critical: 0,
  assignedToMe: { open: 0, overdue: 0, dueSoon: 0 },
};

/**
 * The deadline rule as the design states it, written independently of the
 * app: the end of the n-th school day (Monday to Friday, not a holiday) after
 * the day of `from`, in the school's time zone.
 */
function schoolDaysAfter(from: Date, days: number, zone: string, holidays: string[]): string {
  const isSchoolDay = (day: DateTime) => day.weekday <= 5 && !holidays.includes(day.toISODate()!);
  let day = DateTime.fromJSDate(from, { zone }).startOf('day');
  if (days === 0) while (!isSchoolDay(day)) day = day.plus({ days: 1 });
  for (let counted = 0; counted < days;) {
    day = day.plus({ days: 1 });
    if (isSchoolDay(day)) counted += 1;
  }
  return day.endOf('day').toJSDate().toISOString();
}

describe('casework: caseload, student chronology, repeat flags and deadline policy', () => {
  let t: TestApp;
  let world: World;

  /** Files the caseload's usual report through the API, as `user`, at `school`. */
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

  const inSchool = (
    role: 'student' | 'parent' | 'staff' | 'counselor' | 'school_admin',
    school: School,
  ) => t.factory.user(role, { district: world.district, schools: [school] });

  const caseload = async (user: User): Promise<Caseload> =>
    (await t.signIn(user)).caseload().expectStatus(200);

  const staffView = async (user: User, id: string) => {
    const response = await (await t.signIn(user)).get(`/incidents/${id}`);
    if (response.status !== 200)
      throw new Error(`detail failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as {
      version: number;
      parties: Party[];
      triageDueAt: string;
      resolveDueAt: string;
      createdAt: string;
    };
  };

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
  });

  afterAll(() => t.close());

  describe('GET /api/v1/caseload', () => {
    let school: School;
    let secondSchool: School;
    let counselorA: User;
    let counselorB: User;
    let admin: User;
    let twoSchools: User;

    beforeAll(async () => {
      school = await t.factory.school(world.district);
      secondSchool = await t.factory.school(world.district);
      counselorA = await inSchool('counselor', school);
      counselorB = await inSchool('counselor', school);
      admin = await inSchool('school_admin', school);
      twoSchools = await t.factory.user('counselor', {
        district: world.district,
        schools: [school, secondSchool],
      });

      // Written by the factory in the state each count needs, as filed by counselor A.
      const at = (where: School, setup: IncidentSetup) =>
        t.factory.incident(where, { reporter: counselorA, ...setup });
      const critical = { urgent: true, severity: 'critical' as const };
      await at(school, { triageDueAt: fromNow(5 * DAY) });
      await at(school, { triageDueAt: fromNow(-DAY), assigneeId: counselorA.id });
      await at(school, { ...critical, triageDueAt: fromNow(10 * HOUR) });
      await at(school, {
        status: 'triaged',
        severity: 'low',
        assigneeId: counselorA.id,
        triageDueAt: fromNow(-3 * DAY),
        resolveDueAt: fromNow(24 * HOUR),
      });
      await at(school, {
        status: 'investigating',
        severity: 'high',
        assigneeId: counselorB.id,
        resolveDueAt: fromNow(-3 * HOUR),
      });
      await at(school, {
        status: 'resolved',
        severity: 'medium',
        assigneeId: counselorA.id,
        triageDueAt: fromNow(-9 * DAY),
        resolveDueAt: fromNow(-5 * DAY),
      });
      await at(school, {
        status: 'closed',
        severity: 'medium',
        assigneeId: counselorB.id,
        triageDueAt: fromNow(-9 * DAY),
        resolveDueAt: fromNow(HOUR),
      });
      await at(school, { ...critical, status: 'dismissed', triageDueAt: fromNow(-DAY) });

      // The second school of one counselor: one overdue, critical, unassigned case.
      await t.factory.incident(secondSchool, {
        ...critical,
        reporter: twoSchools,
        triageDueAt: fromNow(-HOUR),
      });

      // Cases of schools none of them works in: overdue, critical, unassigned, due soon.
      for (const [reporter, where] of [
        [world.users.student, world.school],
        [world.users.sisterStudent, world.sisterSchool],
        [world.users.foreignStudent, world.foreignSchool],
      ] as const) {
        await t.factory.incident(where, { ...critical, reporter, triageDueAt: fromNow(-DAY) });
        await t.factory.incident(where, { reporter, triageDueAt: fromNow(HOUR) });
      }
    });

    const SCHOOL_TOTALS = {
      open: 5,
      byStatus: {
        submitted: 3,
        triaged: 1,
        investigating: 1,
        resolved: 1,
        closed: 1,
        dismissed: 1,
      },
      overdue: 2,
      dueSoon: 2,
      unassigned: 2,
      critical: 1,
    };

    it('counts a counselor’s schools: open, by status, overdue, due soon, unassigned, critical, and theirs', async () => {
      await expect(caseload(counselorA)).resolves.toEqual({
        ...SCHOOL_TOTALS,
        assignedToMe: { open: 2, overdue: 1, dueSoon: 1 },
      });
    });

    it('counts the same school for a colleague, with their own assignments', async () => {
      await expect(caseload(counselorB)).resolves.toEqual({
        ...SCHOOL_TOTALS,
        assignedToMe: { open: 1, overdue: 1, dueSoon: 0 },
      });
    });

    it('counts the school for its admin, who has no case of their own', async () => {
      await expect(caseload(admin)).resolves.toEqual({
        ...SCHOOL_TOTALS,
        assignedToMe: { open: 0, overdue: 0, dueSoon: 0 },
      });
    });

    it('adds up both schools of a counselor of two schools', async () => {
      await expect(caseload(twoSchools)).resolves.toEqual({
        open: 6,
        byStatus: { ...SCHOOL_TOTALS.byStatus, submitted: 4 },
        overdue: 3,
        dueSoon: 2,
        unassigned: 3,
        critical: 2,
        assignedToMe: { open: 0, overdue: 0, dueSoon: 0 },
      });
    });

    it('counts nothing of other schools for a counselor of a school without cases', async () => {
      const quiet = await t.factory.school(world.district);
      const counselor = await inSchool('counselor', quiet);

      await expect(caseload(counselor)).resolves.toEqual(EMPTY_CASELOAD);
    });

    it('counts only the world’s school for its counselor, never the sister or foreign school', async () => {
      const counts = await caseload(world.users.counselor);
      const [row]: { open: number; overdue: number; critical: number }[] = await t.dataSource.query(
        `SELECT count(*) FILTER (WHERE status IN ('submitted', 'triaged', 'investigating'))::int AS open,
                  count(*) FILTER (WHERE due_at < now())::int AS overdue,
                  count(*) FILTER (WHERE severity = 'critical'
                                   AND status IN ('submitted', 'triaged', 'investigating'))::int AS critical
             FROM incidents WHERE school_id = $1`,
        [world.school.id],
      );

      expect(counts).toMatchObject(row);
    });

    it('follows the workflow: triage with an assignee moves the counts', async () => {
      const desk = await t.factory.school(world.district);
      const counselor = await inSchool('counselor', desk);
      const filed = await file(counselor, desk);
      await expect(caseload(counselor)).resolves.toMatchObject({
        open: 1,
        byStatus: { submitted: 1, triaged: 0 },
        unassigned: 1,
        assignedToMe: { open: 0 },
      });

      const { version } = await staffView(counselor, filed.id);
      await (
        await t.signIn(counselor)
      )
        .post(`/incidents/${filed.id}/triage`)
        .send({ version, severity: 'critical', assigneeId: counselor.id })
        .expect(200);

      await expect(caseload(counselor)).resolves.toMatchObject({
        open: 1,
        byStatus: { submitted: 0, triaged: 1 },
        unassigned: 0,
        critical: 1,
        assignedToMe: { open: 1 },
      });
    });

    it('draws the lines at now (overdue) and 24 hours ahead (due soon, by default)', async () => {
      const desk = await t.factory.school(world.district);
      const counselor = await inSchool('counselor', desk);
      const dues = [-2 * 60_000, 2 * 60_000, 23 * HOUR, 25 * HOUR, 30 * DAY];
      for (const due of dues) {
        const filed = await file(counselor, desk);
        await setCase(filed.id, { triageDueAt: fromNow(due), assigneeId: counselor.id });
      }

      await expect(caseload(counselor)).resolves.toMatchObject({
        open: 5,
        overdue: 1,
        dueSoon: 2,
        assignedToMe: { open: 5, overdue: 1, dueSoon: 2 },
      });
    });

    it.each(['student', 'parent', 'staff', 'districtAdmin'] as const)(
      'refuses a %s with 403',
      async (who) => {
        const response = await (await t.signIn(world.users[who])).get('/caseload');

        expect(response.status).toBe(403);
      },
    );

    it('answers 401 without a token', async () => {
      await t.anonymous().get('/caseload').expect(401);
    });
  });

  describe('GET /api/v1/students/:id/incidents', () => {
    let school: School;
    let counselor: User;
    let admin: User;
    let kid: User;
    let other: User;
    let quiet: User;
    const c: Record<string, Filed> = {};

    const chronology = async (user: User, studentId: string) =>
      (await t.signIn(user)).get(`/students/${studentId}/incidents`);

    beforeAll(async () => {
      school = await t.factory.school(world.district);
      counselor = await inSchool('counselor', school);
      admin = await inSchool('school_admin', school);
      kid = await inSchool('student', school);
      other = await inSchool('student', school);
      quiet = await inSchool('student', school);

      c.aggressor = await file(counselor, school, {
        occurredAt: minutesAgo(3 * 24 * 60),
        parties: [
          { role: 'aggressor', studentId: kid.id },
          { role: 'target', studentId: other.id },
        ],
      });
      c.targetAndWitness = await file(counselor, school, {
        category: 'cyber',
        location: 'online',
        occurredAt: minutesAgo(24 * 60),
        parties: [
          { role: 'target', studentId: kid.id },
          { role: 'witness', studentId: kid.id },
          { role: 'aggressor', studentId: other.id },
        ],
      });
      // Named by the reporter, linked to the student record at triage.
      c.linkedAtTriage = await file(counselor, school, {
        occurredAt: minutesAgo(10 * 24 * 60),
        parties: [{ role: 'aggressor', name: 'the tall boy from the bus' }],
      });
      const view = await staffView(counselor, c.linkedAtTriage.id);
      await (
        await t.signIn(counselor)
      )
        .post(`/incidents/${c.linkedAtTriage.id}/triage`)
        .send({
          version: view.version,
          severity: 'medium',
          partyLinks: [{ partyId: view.parties[0].id, studentId: kid.id }],
        })
        .expect(200);
      // Named in free text only: not linked, so not in the chronology.
      c.nameOnly = await file(counselor, school, {
        occurredAt: minutesAgo(2 * 24 * 60),
        parties: [{ role: 'aggressor', name: kid.displayName }],
      });
      // Long ago: the chronology has no time window.
      c.old = await file(counselor, school, { parties: [{ role: 'target', studentId: kid.id }] });
      await setCase(c.old.id, { occurredAt: daysAgo(200) });
    });

    it('lists every incident the student is linked to, newest occurrence first, with their roles', async () => {
      const response = await chronology(counselor, kid.id);

      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([
        expect.objectContaining({
          incidentId: c.targetAndWitness.id,
          reference: c.targetAndWitness.reference,
          roles: ['target', 'witness'],
          status: 'submitted',
          severity: null,
          category: 'cyber',
          occurredAt: expect.any(String),
          createdAt: expect.any(String),
        }),
        expect.objectContaining({ incidentId: c.aggressor.id, roles: ['aggressor'] }),
        expect.objectContaining({
          incidentId: c.linkedAtTriage.id,
          roles: ['aggressor'],
          status: 'triaged',
          severity: 'medium',
        }),
        expect.objectContaining({ incidentId: c.old.id, roles: ['target'] }),
      ]);
      expect(response.body.nextCursor).toBeNull();
      const times = (response.body.items as { occurredAt: string }[]).map((entry) =>
        Date.parse(entry.occurredAt),
      );
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it('walks the history in pages of ?limit= with ?cursor=, nothing repeated or missing', async () => {
      const whole = (await chronology(counselor, kid.id)).body as History;
      const walked: string[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 10; pages += 1) {
        const query: string = cursor ? `?limit=1&cursor=${cursor}` : '?limit=1';
        const response = await (
          await t.signIn(counselor)
        ).get(`/students/${kid.id}/incidents${query}`);
        expect(response.status).toBe(200);
        const body = response.body as History;
        expect(body.items.length).toBeLessThanOrEqual(1);
        expect(body.repeat).toEqual(whole.repeat);
        walked.push(...body.items.map((entry) => entry.incidentId));
        cursor = body.nextCursor;
        if (!cursor) break;
      }
      expect(cursor).toBeNull();
      expect(walked).toEqual(whole.items.map((entry) => entry.incidentId));
    });

    it('sums up the last 90 days of the whole history as repeat flags', async () => {
      const response = await chronology(counselor, kid.id);

      // Target of targetAndWitness; aggressor of aggressor and linkedAtTriage; old is 200 days ago.
      expect(response.body.repeat).toEqual({
        windowDays: 90,
        incidentsAsTarget: 1,
        incidentsAsAggressor: 2,
        repeatTarget: false,
        repeatAggressor: true,
      });
    });

    it.each([
      ['limit', '?limit=0'],
      ['limit', '?limit=101'],
      ['cursor', '?cursor=definitely-not-a-cursor'],
      ['cursor', `?cursor=${Buffer.from('["soon","nope"]').toString('base64url')}`],
    ])('answers 400 for a bad %s (%s)', async (_field, query) => {
      const response = await (
        await t.signIn(counselor)
      ).get(`/students/${kid.id}/incidents${query}`);

      expect(response.status).toBe(400);
    });

    it('shows the school admin the same chronology', async () => {
      const byCounselor = await chronology(counselor, kid.id);
      const byAdmin = await chronology(admin, kid.id);

      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body).toEqual(byCounselor.body);
    });

    it('lists the other student with their own roles', async () => {
      const response = await chronology(counselor, other.id);

      expect(response.status).toBe(200);
      expect(
        (response.body.items as { incidentId: string; roles: string[] }[]).map((entry) => [
          entry.incidentId,
          entry.roles,
        ]),
      ).toEqual([
        [c.targetAndWitness.id, ['aggressor']],
        [c.aggressor.id, ['target']],
      ]);
    });

    it('answers an empty list for a student never linked to an incident', async () => {
      const response = await chronology(counselor, quiet.id);

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        items: [],
        nextCursor: null,
        repeat: {
          windowDays: 90,
          incidentsAsTarget: 0,
          incidentsAsAggressor: 0,
          repeatTarget: false,
          repeatAggressor: false,
        },
      });
    });

    it('records the read in the audit log', async () => {
      await chronology(admin, other.id);

      const rows: { school_id: string; details: { studentId: string } }[] =
        await t.dataSource.query(
          `SELECT school_id, details FROM audit_log
            WHERE action = 'student.chronology_viewed' AND actor_id = $1`,
          [admin.id],
        );
      expect(rows).toEqual(
        expect.arrayContaining([{ school_id: school.id, details: { studentId: other.id } }]),
      );
    });

    it.each(['student', 'parent', 'staff', 'districtAdmin'] as const)(
      'refuses a %s with 403',
      async (who) => {
        const response = await chronology(world.users[who], world.users.student.id);

        expect(response.status).toBe(403);
      },
    );

    it('refuses the student themselves with 403', async () => {
      const response = await chronology(kid, kid.id);

      expect(response.status).toBe(403);
    });

    it('answers 404 for a student of another school, without their incidents', async () => {
      const response = await chronology(world.users.counselor, kid.id);

      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain(c.aggressor.reference);
    });

    it('answers 404 for a student of another district to a school admin', async () => {
      const response = await chronology(world.users.schoolAdmin, world.users.foreignStudent.id);

      expect(response.status).toBe(404);
    });

    it('answers 404 for an id that is not a student, even of the same school', async () => {
      const parent = await inSchool('parent', school);
      for (const id of [counselor.id, admin.id, parent.id, NOBODY]) {
        const response = await chronology(counselor, id);
        expect({ id, status: response.status }).toEqual({ id, status: 404 });
      }
    });

    it('answers 400 for an id that is not a uuid', async () => {
      const response = await chronology(counselor, 'not-a-uuid');

      expect(response.status).toBe(400);
    });
  });

  describe('a student who reports what happened to them', () => {
    let school: School;
    let counselor: User;
    let kid: User;
    const c: Record<string, Filed> = {};

    const history = async (studentId: string) => {
      const response = await (await t.signIn(counselor)).get(`/students/${studentId}/incidents`);
      expect(response.status).toBe(200);
      return response.body as History;
    };

    beforeAll(async () => {
      school = await t.factory.school(world.district);
      counselor = await inSchool('counselor', school);
      kid = await inSchool('student', school);
      const parent = await inSchool('parent', school);
      await t.factory.guardianship(parent, kid);

      c.aboutMe = await file(kid, school, { occurredAt: minutesAgo(5 * 24 * 60) });
      c.aboutMeNamingTheBully = await file(kid, school, {
        occurredAt: minutesAgo(4 * 24 * 60),
        parties: [{ role: 'aggressor', name: 'Jamie from the bus' }],
      });
      c.forMyChild = await file(parent, school, {
        occurredAt: minutesAgo(3 * 24 * 60),
        onBehalfOfStudentId: kid.id,
      });
      c.sawItHappen = await file(kid, school, {
        occurredAt: minutesAgo(2 * 24 * 60),
        parties: [{ role: 'target', name: 'Robin in my class' }],
      });
      c.linked = await file(counselor, school, {
        occurredAt: minutesAgo(24 * 60),
        parties: [{ role: 'target', studentId: kid.id }],
      });
    });

    it('counts their own reports that name no target, and those filed for them, as target', async () => {
      const body = await history(kid.id);

      expect(body.items.map((entry) => [entry.incidentId, entry.roles])).toEqual([
        [c.linked.id, ['target']],
        [c.forMyChild.id, ['target']],
        [c.aboutMeNamingTheBully.id, ['target']],
        [c.aboutMe.id, ['target']],
      ]);
    });

    it('leaves out a report in which they name someone else as the target', async () => {
      const body = await history(kid.id);

      expect(body.items.map((entry) => entry.incidentId)).not.toContain(c.sawItHappen.id);
    });

    it('flags them as a repeat target in their history and in the staff view of a case', async () => {
      expect((await history(kid.id)).repeat).toMatchObject({
        incidentsAsTarget: 4,
        repeatTarget: true,
      });

      const [party] = (await staffView(counselor, c.linked.id)).parties;
      expect(party).toMatchObject({
        student: { id: kid.id },
        otherIncidentsAsTarget: 3,
        repeatTarget: true,
      });
    });
  });

  describe('repeat flags on parties in the staff view', () => {
    let school: School;
    let counselor: User;
    let bully: User;
    let target: User;
    let witness: User;
    let viewed: Filed;
    let tooOld: Filed;

    const partiesOf = async (id: string) => (await staffView(counselor, id)).parties;
    const partyOf = (parties: Party[], studentId: string, role: string) =>
      parties.find((party) => party.student?.id === studentId && party.role === role);

    beforeAll(async () => {
      school = await t.factory.school(world.district);
      counselor = await inSchool('counselor', school);
      bully = await inSchool('student', school);
      target = await inSchool('student', school);
      witness = await inSchool('student', school);

      viewed = await file(counselor, school, {
        parties: [
          { role: 'aggressor', studentId: bully.id },
          { role: 'target', studentId: target.id },
          { role: 'witness', studentId: witness.id },
          { role: 'aggressor', name: 'a boy from year nine' },
        ],
      });
      const recent = await file(counselor, school, {
        parties: [{ role: 'aggressor', studentId: bully.id }],
      });
      await setCase(recent.id, { occurredAt: daysAgo(5) });
      const month = await file(counselor, school, {
        parties: [
          { role: 'aggressor', studentId: bully.id },
          { role: 'target', studentId: target.id },
        ],
      });
      await setCase(month.id, { occurredAt: daysAgo(30) });
      const turned = await file(counselor, school, {
        parties: [{ role: 'aggressor', studentId: target.id }],
      });
      await setCase(turned.id, { occurredAt: daysAgo(60) });
      tooOld = await file(counselor, school, {
        parties: [{ role: 'target', studentId: bully.id }],
      });
      await setCase(tooOld.id, { occurredAt: daysAgo(100) });
      const watched = await file(counselor, school, {
        parties: [{ role: 'witness', studentId: witness.id }],
      });
      await setCase(watched.id, { occurredAt: daysAgo(3) });

      // Another school's incident naming the same student (written directly: the API refuses it).
      const elsewhere = await file(world.users.counselor, world.school);
      await t.dataSource.query(
        `INSERT INTO incident_parties (incident_id, school_id, role, student_id)
         VALUES ($1, $2, 'aggressor', $3), ($1, $2, 'target', $3)`,
        [elsewhere.id, world.school.id, bully.id],
      );
    });

    it('flags an aggressor and a target of other recent incidents, with their counts', async () => {
      const parties = await partiesOf(viewed.id);

      expect(partyOf(parties, bully.id, 'aggressor')).toMatchObject({
        otherIncidentsAsAggressor: 2,
        otherIncidentsAsTarget: 0,
        repeatAggressor: true,
        repeatTarget: false,
      });
      expect(partyOf(parties, target.id, 'target')).toMatchObject({
        otherIncidentsAsTarget: 1,
        otherIncidentsAsAggressor: 1,
        repeatTarget: true,
        repeatAggressor: true,
      });
    });

    it('does not count being a witness, nor flag a party named only', async () => {
      const parties = await partiesOf(viewed.id);
      const none = {
        otherIncidentsAsTarget: 0,
        otherIncidentsAsAggressor: 0,
        repeatTarget: false,
        repeatAggressor: false,
      };

      expect(partyOf(parties, witness.id, 'witness')).toMatchObject(none);
      expect(parties.find((party) => party.name === 'a boy from year nine')).toMatchObject({
        student: null,
        ...none,
      });
      expect(parties).toHaveLength(4);
    });

    it('counts the incident being viewed out and the other ones in, from each incident', async () => {
      const month = await t.dataSource.query<{ id: string }[]>(
        `SELECT i.id FROM incidents i JOIN incident_parties p ON p.incident_id = i.id
          WHERE i.school_id = $1 AND p.student_id = $2 AND p.role = 'target'
            AND i.occurred_at < now() - interval '20 days' AND i.occurred_at > now() - interval '40 days'`,
        [school.id, target.id],
      );
      expect(month).toHaveLength(1);

      const parties = await partiesOf(month[0].id);

      expect(partyOf(parties, bully.id, 'aggressor')).toMatchObject({
        otherIncidentsAsAggressor: 2, // the viewed one and the recent one
        repeatAggressor: true,
      });
      expect(partyOf(parties, target.id, 'target')).toMatchObject({
        otherIncidentsAsTarget: 1,
        otherIncidentsAsAggressor: 1,
      });
    });

    it('stops counting an incident once it occurred more than 90 days ago', async () => {
      await setCase(tooOld.id, { occurredAt: daysAgo(89) });
      expect(partyOf(await partiesOf(viewed.id), bully.id, 'aggressor')).toMatchObject({
        otherIncidentsAsTarget: 1,
        repeatTarget: true,
      });

      await setCase(tooOld.id, { occurredAt: daysAgo(91) });
      expect(partyOf(await partiesOf(viewed.id), bully.id, 'aggressor')).toMatchObject({
        otherIncidentsAsTarget: 0,
        repeatTarget: false,
      });

      await setCase(tooOld.id, { occurredAt: daysAgo(100) });
    });

    it('shows no flags for a student in a single incident', async () => {
      const desk = await t.factory.school(world.district);
      const deskCounselor = await inSchool('counselor', desk);
      const once = await inSchool('student', desk);
      const filed = await file(deskCounselor, desk, {
        parties: [{ role: 'target', studentId: once.id }],
      });

      const [party] = (await staffView(deskCounselor, filed.id)).parties;

      expect(party).toMatchObject({
        role: 'target',
        student: { id: once.id, displayName: once.displayName },
        otherIncidentsAsTarget: 0,
        otherIncidentsAsAggressor: 0,
        repeatTarget: false,
        repeatAggressor: false,
      });
    });
  });

  describe('deadline policy changes: PATCH /api/v1/schools/:id', () => {
    const setUp = async () => {
      const school = await t.factory.school(world.district, {
        triageSchoolDays: 1,
        resolveSchoolDays: 10,
        holidays: [],
        timeZone: 'America/New_York',
      });
      const admin = await inSchool('school_admin', school);
      const counselor = await inSchool('counselor', school);
      return { school, admin, counselor };
    };

    const patch = async (admin: User, school: School, body: Record<string, unknown>) => {
      const response = await (await t.signIn(admin)).patch(`/schools/${school.id}`).send(body);
      expect(response.status).toBe(200);
      return response.body as { policy: Record<string, number>; holidays: string[] };
    };

    const stored = async (id: string) => {
      const [row]: { triage_due_at: Date; resolve_due_at: Date; created_at: Date }[] =
        await t.dataSource.query(
          'SELECT triage_due_at, resolve_due_at, created_at FROM incidents WHERE id = $1',
          [id],
        );
      return {
        triageDueAt: row.triage_due_at.toISOString(),
        resolveDueAt: row.resolve_due_at.toISOString(),
        createdAt: row.created_at,
      };
    };

    /** The next `count` calendar days after today in the school's zone. */
    const nextDays = (count: number, zone: string) => {
      const today = DateTime.now().setZone(zone).startOf('day');
      return Array.from({ length: count }, (_, n) => today.plus({ days: n + 1 }).toISODate()!);
    };

    it('files with the school’s policy, counted in school days', async () => {
      const { school, counselor } = await setUp();

      const filed = await file(counselor, school);

      const { createdAt } = await stored(filed.id);
      expect(filed.triageDueAt).toBe(schoolDaysAfter(createdAt, 1, school.timeZone, []));
      expect(filed.resolveDueAt).toBe(schoolDaysAfter(createdAt, 10, school.timeZone, []));
    });

    it('keeps the deadlines of filed incidents when the policy gets longer, and new filings get later ones', async () => {
      const { school, admin, counselor } = await setUp();
      const before = await file(counselor, school);

      const updated = await patch(admin, school, {
        policy: { triageSchoolDays: 3, resolveSchoolDays: 20 },
      });
      expect(updated.policy).toEqual({ triageSchoolDays: 3, resolveSchoolDays: 20 });

      await expect(staffView(counselor, before.id)).resolves.toMatchObject({
        triageDueAt: before.triageDueAt,
        resolveDueAt: before.resolveDueAt,
      });
      await expect(stored(before.id)).resolves.toMatchObject({
        triageDueAt: before.triageDueAt,
        resolveDueAt: before.resolveDueAt,
      });

      const after = await file(counselor, school);
      expect(Date.parse(after.triageDueAt)).toBeGreaterThan(Date.parse(before.triageDueAt));
      expect(Date.parse(after.resolveDueAt)).toBeGreaterThan(Date.parse(before.resolveDueAt));
      const { createdAt } = await stored(after.id);
      expect(after.triageDueAt).toBe(schoolDaysAfter(createdAt, 3, school.timeZone, []));
      expect(after.resolveDueAt).toBe(schoolDaysAfter(createdAt, 20, school.timeZone, []));
    });

    it('moves the deadlines of open incidents when holidays are added, and new filings skip them', async () => {
      const { school, admin, counselor } = await setUp();
      const before = await file(counselor, school);
      const holidays = nextDays(7, school.timeZone);

      await patch(admin, school, { holidays });

      // Counted again like a day off (schools.e2e-spec.ts has the timeline entry).
      const moved = await stored(before.id);
      expect(moved).toMatchObject({
        triageDueAt: schoolDaysAfter(moved.createdAt, 1, school.timeZone, holidays),
        resolveDueAt: schoolDaysAfter(moved.createdAt, 10, school.timeZone, holidays),
      });
      expect(Date.parse(moved.triageDueAt)).toBeGreaterThan(Date.parse(before.triageDueAt));
      const after = await file(counselor, school);
      expect(Date.parse(after.triageDueAt)).toBeGreaterThan(Date.parse(before.triageDueAt));
      expect(Date.parse(after.resolveDueAt)).toBeGreaterThan(Date.parse(before.resolveDueAt));
      const { createdAt } = await stored(after.id);
      expect(after.triageDueAt).toBe(schoolDaysAfter(createdAt, 1, school.timeZone, holidays));
      expect(after.resolveDueAt).toBe(schoolDaysAfter(createdAt, 10, school.timeZone, holidays));
    });

    it('keeps the later deadlines of filed incidents when the policy gets shorter', async () => {
      const { school, admin, counselor } = await setUp();
      await patch(admin, school, { policy: { triageSchoolDays: 5, resolveSchoolDays: 30 } });
      const before = await file(counselor, school);

      await patch(admin, school, {
        policy: { triageSchoolDays: 1, resolveSchoolDays: 2 },
        holidays: [],
      });

      await expect(stored(before.id)).resolves.toMatchObject({
        triageDueAt: before.triageDueAt,
        resolveDueAt: before.resolveDueAt,
      });
      const after = await file(counselor, school);
      expect(Date.parse(after.triageDueAt)).toBeLessThan(Date.parse(before.triageDueAt));
      expect(Date.parse(after.resolveDueAt)).toBeLessThan(Date.parse(before.resolveDueAt));
    });

    it('keeps the queue deadlines and overdue state of filed incidents across a policy change', async () => {
      const { school, admin, counselor } = await setUp();
      const late = await file(counselor, school);
      await setCase(late.id, { triageDueAt: fromNow(-HOUR) });
      const onTime = await file(counselor, school);
      const queueBefore = await (await t.signIn(counselor)).get('/incidents').expect(200);
      const loadBefore = await caseload(counselor);

      // The policy only: new holidays move open deadlines (the test above).
      await patch(admin, school, { policy: { triageSchoolDays: 10, resolveSchoolDays: 60 } });

      const queueAfter = await (await t.signIn(counselor)).get('/incidents').expect(200);
      expect(queueAfter.body).toEqual(queueBefore.body);
      expect((queueAfter.body as { items: { id: string }[] }).items.map((item) => item.id)).toEqual(
        [late.id, onTime.id],
      );
      await expect(caseload(counselor)).resolves.toEqual(loadBefore);
      expect(loadBefore.overdue).toBe(1);
    });
  });
});
