import type { Incident } from '@app/incidents';
import { localDate, schoolDayDeadline } from '../libs/common/src/calendar/school-days';
import type { ApiClient } from './support/api-driver';
import { Factory } from './support/factory';
import { TestApp } from './support/test-app';

jest.setTimeout(60_000);

type World = Awaited<ReturnType<Factory['world']>>;
const ZONE = 'America/New_York';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface DayOff {
  id: string;
  name: string;
  from: string;
  to: string;
  districtWide: boolean;
}

interface DeadlineRow {
  status: string;
  version: number;
  created_at: Date;
  triage_due_at: Date;
  resolve_due_at: Date;
}

describe('the school calendar and the deadlines it moves', () => {
  let t: TestApp;
  let w: World;
  let as: Record<keyof World['users'], ApiClient>;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await t.factory.world();
    as = await t.signInAll(w.users);
  });
  afterAll(() => t.close());

  const row = async (id: string): Promise<DeadlineRow> =>
    (
      await t.dataSource.query<DeadlineRow[]>(
        'SELECT status, version, created_at, triage_due_at, resolve_due_at FROM incidents WHERE id = $1',
        [id],
      )
    )[0];
  const put = (client: ApiClient, path: string, body: unknown) =>
    t.http
      .put(`/api/v1${path}`)
      .set(client.headers)
      .send(body as object);
  const daysOffOf = (school: string) => `/schools/${school}/days-off`;
  /** The day a case's triage is due, in the school's time zone. */
  const triageDay = async (id: string) => localDate((await row(id)).triage_due_at, ZONE);
  const removeAllDaysOff = () => t.dataSource.query('DELETE FROM days_off');
  const daysOffIn = (body: unknown, path: 'calendar' | 'self' = 'self') =>
    (
      (path === 'calendar' ? (body as { calendar: unknown }).calendar : body) as {
        daysOff: DayOff[];
      }
    ).daysOff;

  describe('reading and changing it', () => {
    afterEach(removeAllDaysOff);

    it('lets the school admin set the year, add and remove days off', async () => {
      const calendarPath = `/schools/${w.school.id}/calendar`;
      const empty = await as.schoolAdmin.get(calendarPath).expect(200);
      expect(empty.body).toEqual({
        schoolId: w.school.id,
        timeZone: ZONE,
        year: null,
        daysOff: [],
        holidays: [],
      });

      const year = await put(as.schoolAdmin, `${calendarPath}/year`, {
        startsOn: '2026-09-02',
        endsOn: '2027-06-18',
      }).expect(200);
      expect(year.body.calendar.year).toEqual({
        startsOn: '2026-09-02',
        endsOn: '2027-06-18',
        nextStartsOn: null,
      });

      const added = await as.schoolAdmin
        .post(daysOffOf(w.school.id), {
          name: '  Winter break ',
          from: '2026-12-21',
          to: '2027-01-01',
        })
        .expect(201);
      expect(added.body.movedCases).toEqual(expect.any(Number));
      expect(added.body.calendar.daysOff).toEqual([
        {
          id: expect.any(String),
          name: 'Winter break',
          from: '2026-12-21',
          to: '2027-01-01',
          districtWide: false,
        },
      ]);
      const districtDay = await as.districtAdmin
        .post(`/districts/${w.district.id}/days-off`, {
          name: 'Teacher workday',
          from: '2026-11-03',
          to: '2026-11-03',
        })
        .expect(201);
      const listed = await as.schoolAdmin.get(calendarPath).expect(200);
      expect(daysOffIn(listed.body).map((d) => [d.name, d.districtWide])).toEqual([
        ['Teacher workday', true],
        ['Winter break', false],
      ]);
      // The sister school has the district's day, not Maple's break.
      const sister = await as.sisterAdmin.get(`/schools/${w.sisterSchool.id}/calendar`).expect(200);
      expect(daysOffIn(sister.body).map((d) => d.name)).toEqual(['Teacher workday']);

      // A school admin cannot remove the district's day.
      const districtDayId = districtDay.body.calendar.daysOff[0].id as string;
      await as.schoolAdmin.delete(`${daysOffOf(w.school.id)}/${districtDayId}`).expect(403);
      await as.schoolAdmin.delete(`${daysOffOf(w.school.id)}/${UNKNOWN_ID}`).expect(404);
      const removed = await as.schoolAdmin
        .delete(`${daysOffOf(w.school.id)}/${added.body.calendar.daysOff[0].id}`)
        .expect(200);
      expect(daysOffIn(removed.body, 'calendar').map((d) => d.name)).toEqual(['Teacher workday']);
      await as.districtAdmin
        .delete(`/districts/${w.district.id}/days-off/${districtDayId}`)
        .expect(200);
      expect(
        (await as.districtAdmin.get(`/districts/${w.district.id}/days-off`).expect(200)).body,
      ).toEqual({ districtId: w.district.id, daysOff: [] });

      const audit = await t.dataSource.query<{ action: string }[]>(
        `SELECT action FROM audit_log WHERE school_id = $1 AND action LIKE 'school.%' ORDER BY at`,
        [w.school.id],
      );
      expect(audit.map((a) => a.action)).toEqual([
        'school.year_set',
        'school.day_off_added',
        'school.day_off_added',
        'school.day_off_removed',
        'school.day_off_removed',
      ]);
    });

    it.each([
      [{ name: '', from: '2026-12-01', to: '2026-12-01' }, 'name'],
      [{ name: 'x'.repeat(101), from: '2026-12-01', to: '2026-12-01' }, 'name'],
      [{ name: 'Snow', from: '2026-02-30', to: '2026-03-01' }, 'from'],
      [{ name: 'Snow', from: '2026-12-01', to: 'tomorrow' }, 'to'],
      [{ name: 'Snow', from: '2026-12-02', to: '2026-12-01' }, 'from must be on or before to'],
      [{ name: 'Snow', from: '2026-01-01', to: '2026-12-31' }, 'at most 120 days'],
      [{ name: 'Snow', from: 20261201, to: '2026-12-01' }, 'from'],
      [{ name: ['Snow'], from: '2026-12-01', to: '2026-12-01' }, 'name'],
      [{ name: 'Snow', from: '2026-12-01', to: '2026-12-01', schoolId: UNKNOWN_ID }, 'schoolId'],
    ])('refuses the day off %j with a 400 naming %s', async (body, word) => {
      for (const path of [daysOffOf(w.school.id), `/districts/${w.district.id}/days-off`]) {
        const client = path.startsWith('/districts') ? as.districtAdmin : as.schoolAdmin;
        const response = await client.post(path, body).expect(400);
        expect(JSON.stringify(response.body.message)).toContain(word);
      }
    });

    it.each([
      [{ startsOn: '2026-09-02', endsOn: '2026-09-01' }, 'startsOn must be before endsOn'],
      [{ startsOn: '2026-09-02', endsOn: '2028-06-18' }, 'at most 400 days'],
      [
        { startsOn: '2026-09-02', endsOn: '2027-06-18', nextStartsOn: '2027-06-01' },
        'nextStartsOn',
      ],
      [{ startsOn: '2026-09-31', endsOn: '2027-06-18' }, 'startsOn'],
      [{ startsOn: '2026-09-02' }, 'endsOn'],
    ])('refuses the year %j with a 400 naming %s', async (body, word) => {
      const response = await put(
        as.schoolAdmin,
        `/schools/${w.school.id}/calendar/year`,
        body,
      ).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(word);
    });
  });

  describe('who may', () => {
    const day = { name: 'Snow day', from: '2026-12-14', to: '2026-12-14' };

    it.each(['counselor', 'staff', 'student', 'parent'] as const)(
      'refuses a %s every calendar route (403)',
      async (role) => {
        const client = as[role];
        await client.get(`/schools/${w.school.id}/calendar`).expect(403);
        await put(client, `/schools/${w.school.id}/calendar/year`, {
          startsOn: '2026-09-02',
          endsOn: '2027-06-18',
        }).expect(403);
        await client.post(daysOffOf(w.school.id), day).expect(403);
        await client.delete(`${daysOffOf(w.school.id)}/${UNKNOWN_ID}`).expect(403);
        await client.get(`/districts/${w.district.id}/days-off`).expect(403);
        await client.post(`/districts/${w.district.id}/days-off`, day).expect(403);
        await client.delete(`/districts/${w.district.id}/days-off/${UNKNOWN_ID}`).expect(403);
      },
    );

    it('refuses school admins the district-wide days (403)', async () => {
      await as.schoolAdmin.get(`/districts/${w.district.id}/days-off`).expect(403);
      await as.schoolAdmin.post(`/districts/${w.district.id}/days-off`, day).expect(403);
    });

    it('answers 404 for another school or district', async () => {
      for (const [client, school] of [
        [as.schoolAdmin, w.sisterSchool.id],
        [as.sisterAdmin, w.school.id],
        [as.foreignAdmin, w.school.id],
        [as.foreignDistrictAdmin, w.school.id],
        [as.schoolAdmin, UNKNOWN_ID],
      ] as const) {
        await client.get(`/schools/${school}/calendar`).expect(404);
        await put(client, `/schools/${school}/calendar/year`, {
          startsOn: '2026-09-02',
          endsOn: '2027-06-18',
        }).expect(404);
        await client.post(daysOffOf(school), day).expect(404);
        await client.delete(`${daysOffOf(school)}/${UNKNOWN_ID}`).expect(404);
      }
      await as.foreignDistrictAdmin.get(`/districts/${w.district.id}/days-off`).expect(404);
      await as.foreignDistrictAdmin.post(`/districts/${w.district.id}/days-off`, day).expect(404);
      expect(
        await t.dataSource.query('SELECT 1 FROM days_off WHERE district_id = $1', [w.district.id]),
      ).toHaveLength(0);
    });

    it('lets a district admin change any school of the district, and no other district', async () => {
      const added = await as.districtAdmin.post(daysOffOf(w.sisterSchool.id), day).expect(201);
      await as.districtAdmin
        .delete(`${daysOffOf(w.sisterSchool.id)}/${added.body.calendar.daysOff[0].id}`)
        .expect(200);
      await as.districtAdmin.get(`/schools/${w.foreignSchool.id}/calendar`).expect(404);
      await as.districtAdmin.get(`/districts/${w.otherDistrict.id}/days-off`).expect(404);
    });

    it('answers 401 without a token', async () => {
      await t.http.get(`/api/v1/schools/${w.school.id}/calendar`).expect(401);
    });
  });

  describe('moving deadlines', () => {
    afterEach(removeAllDaysOff);

    it('a snow day on the triage day moves an open case by a school day, with timeline and audit', async () => {
      const filed = await as.student.file(w.school.id).expectStatus(201);
      const before = await row(filed.id);
      const snowDay = await triageDay(filed.id);
      const resolved = await t.factory.incident(w.school, { status: 'resolved' });
      const dismissed = await t.factory.incident(w.school, { status: 'dismissed' });
      const settledBefore = await Promise.all([row(resolved.id), row(dismissed.id)]);

      const response = await as.schoolAdmin
        .post(daysOffOf(w.school.id), { name: 'Snow day', from: snowDay, to: snowDay })
        .expect(201);
      expect(response.body.movedCases).toBeGreaterThanOrEqual(1);

      const after = await row(filed.id);
      const calendar = {
        timeZone: ZONE,
        holidays: [],
        daysOff: [{ from: snowDay, to: snowDay }],
      };
      expect(after.triage_due_at.toISOString()).toBe(
        schoolDayDeadline(before.created_at, 1, calendar).toISOString(),
      );
      expect(after.resolve_due_at.toISOString()).toBe(
        schoolDayDeadline(before.created_at, 10, calendar).toISOString(),
      );
      expect(after.triage_due_at.getTime()).toBeGreaterThan(before.triage_due_at.getTime());
      expect(after.version).toBe(before.version + 1);

      const staff = await as.counselor.incident(filed.id).expectStatus(200);
      const moved = staff.timeline.filter((entry) => entry.type === 'deadline_moved');
      expect(moved).toHaveLength(1);
      expect(moved[0]).toMatchObject({
        visibility: 'shared',
        data: {
          reason: 'Day off added: Snow day',
          change: 'day_off_added',
          dayOff: { name: 'Snow day', from: snowDay, to: snowDay, districtWide: false },
          triageDueAt: {
            from: before.triage_due_at.toISOString(),
            to: after.triage_due_at.toISOString(),
          },
          resolveDueAt: {
            from: before.resolve_due_at.toISOString(),
            to: after.resolve_due_at.toISOString(),
          },
        },
      });
      // The family is told their deadlines: the reporter's view has the entry too.
      const own = await as.student.incident(filed.id).expectStatus(200);
      expect(own.timeline.map((entry) => entry.type)).toContain('deadline_moved');
      const audit = await t.dataSource.query(
        `SELECT actor_id FROM audit_log WHERE incident_id = $1 AND action = 'incident.deadline_moved'`,
        [filed.id],
      );
      expect(audit).toEqual([{ actor_id: w.users.schoolAdmin.id }]);

      // Resolved and dismissed cases keep their deadlines and their version.
      expect(await Promise.all([row(resolved.id), row(dismissed.id)])).toEqual(settledBefore);

      // Removing it moves the deadlines back.
      await as.schoolAdmin
        .delete(`${daysOffOf(w.school.id)}/${response.body.calendar.daysOff[0].id}`)
        .expect(200);
      const back = await row(filed.id);
      expect(back.triage_due_at).toEqual(before.triage_due_at);
      expect(back.resolve_due_at).toEqual(before.resolve_due_at);
      expect(back.version).toBe(before.version + 2);
    });

    it('leaves alone the cases a day off after their deadlines does not touch', async () => {
      const filed = await as.student.file(w.school.id).expectStatus(201);
      const before = await row(filed.id);
      const late = localDate(new Date(before.resolve_due_at.getTime() + 3 * 86_400_000), ZONE);
      const response = await as.schoolAdmin
        .post(daysOffOf(w.school.id), { name: 'Spring break', from: late, to: late })
        .expect(201);
      expect(response.body.movedCases).toBe(0);
      expect(await row(filed.id)).toEqual(before);
    });

    it('a district-wide day moves the cases of both schools', async () => {
      const maple = await as.student.file(w.school.id).expectStatus(201);
      const sister = await as.sisterStudent.file(w.sisterSchool.id).expectStatus(201);
      const foreign = await as.foreignStudent.file(w.foreignSchool.id).expectStatus(201);
      const before = await Promise.all([row(maple.id), row(sister.id), row(foreign.id)]);
      const day = await triageDay(maple.id);
      expect(await triageDay(sister.id)).toBe(day);

      const response = await as.districtAdmin
        .post(`/districts/${w.district.id}/days-off`, { name: 'Ice storm', from: day, to: day })
        .expect(201);
      expect(response.body.movedCases).toBeGreaterThanOrEqual(2);
      const after = await Promise.all([row(maple.id), row(sister.id), row(foreign.id)]);
      expect(after[0].triage_due_at.getTime()).toBeGreaterThan(before[0].triage_due_at.getTime());
      expect(after[1].triage_due_at.getTime()).toBeGreaterThan(before[1].triage_due_at.getTime());
      expect(after[2]).toEqual(before[2]);
      const sisterView = await as.sisterAdmin.incident(sister.id).expectStatus(200);
      expect(sisterView.timeline.find((e) => e.type === 'deadline_moved')?.data).toMatchObject({
        reason: 'Day off added: Ice storm',
        dayOff: { districtWide: true },
      });
    });

    it('a triaged case keeps its triage deadline and moves its resolution only', async () => {
      const filed = await as.student.file(w.school.id).expectStatus(201);
      const view = await as.counselor.incident(filed.id).expectStatus(200);
      await as.counselor
        .triage(filed.id, { version: view.version, severity: 'low' })
        .expectStatus(200);
      const before = await row(filed.id);
      const day = await triageDay(filed.id);
      await as.schoolAdmin
        .post(daysOffOf(w.school.id), { name: 'Snow day', from: day, to: day })
        .expect(201);
      const after = await row(filed.id);
      expect(after.triage_due_at).toEqual(before.triage_due_at);
      expect(after.resolve_due_at.getTime()).toBeGreaterThan(before.resolve_due_at.getTime());
    });

    it('counts a reopened case from its reopening, not from its filing', async () => {
      const filed = await as.student.file(w.school.id).expectStatus(201);
      let view = await as.counselor.incident(filed.id).expectStatus(200);
      view = await as.counselor
        .transition(filed.id, { version: view.version, action: 'dismiss', reason: 'Prank' })
        .expectStatus(200);
      await as.counselor
        .transition(filed.id, { version: view.version, action: 'reopen', reason: 'Not a prank' })
        .expectStatus(200);
      // Filed two weeks before it was reopened.
      await t.dataSource.query(
        `UPDATE incidents SET created_at = created_at - interval '14 days' WHERE id = $1`,
        [filed.id],
      );
      const before = await row(filed.id);
      // A weekday between the filing and the reopening changes nothing.
      let past = new Date(Date.now() - 7 * 86_400_000);
      while ([0, 6].includes(new Date(`${localDate(past, ZONE)}T12:00:00Z`).getUTCDay())) {
        past = new Date(past.getTime() - 86_400_000);
      }
      const pastDay = localDate(past, ZONE);
      await as.schoolAdmin
        .post(daysOffOf(w.school.id), { name: 'Teacher workday', from: pastDay, to: pastDay })
        .expect(201);
      expect(await row(filed.id)).toEqual(before);
      // A day off on the triage day counted at the reopening moves it.
      const day = await triageDay(filed.id);
      await as.schoolAdmin
        .post(daysOffOf(w.school.id), { name: 'Snow day', from: day, to: day })
        .expect(201);
      const after = await row(filed.id);
      expect(after.triage_due_at.getTime()).toBeGreaterThan(before.triage_due_at.getTime());
      expect(after.version).toBe(before.version + 1);
    });

    it('a year that ends before the deadline, with the next start known, moves it to the next year', async () => {
      const school = await t.factory.school(w.district);
      const admin = await t.signIn(
        await t.factory.user('school_admin', { district: w.district, schools: [school] }),
      );
      const student = await t.signIn(
        await t.factory.user('student', { district: w.district, schools: [school] }),
      );
      const filed = await student.file(school.id).expectStatus(201);
      const before = await row(filed.id);
      const today = localDate(new Date(), ZONE);
      const shift = (days: number) =>
        new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
      const year = { startsOn: shift(-200), endsOn: today, nextStartsOn: shift(40) };

      // Without the next start, the weeks after the year's end still count.
      const open = await put(admin, `/schools/${school.id}/calendar/year`, {
        startsOn: year.startsOn,
        endsOn: year.endsOn,
      }).expect(200);
      expect(open.body.movedCases).toBe(0);
      expect(await row(filed.id)).toEqual(before);

      const known = await put(admin, `/schools/${school.id}/calendar/year`, year).expect(200);
      expect(known.body.movedCases).toBe(1);
      const after = await row(filed.id);
      const calendar = { timeZone: ZONE, holidays: [], year };
      expect(after.triage_due_at.toISOString()).toBe(
        schoolDayDeadline(before.created_at, 1, calendar).toISOString(),
      );
      expect(localDate(after.triage_due_at, ZONE) >= year.nextStartsOn).toBe(true);
      const view = await admin.incident(filed.id).expectStatus(200);
      expect(view.timeline.find((e) => e.type === 'deadline_moved')?.data).toMatchObject({
        reason: 'School year changed',
        change: 'year_changed',
        year,
      });
    });

    it('moves hundreds of open cases in one go', async () => {
      const school = await t.factory.school(w.district);
      const admin = await t.signIn(
        await t.factory.user('school_admin', { district: w.district, schools: [school] }),
      );
      const now = new Date();
      const calendar = { timeZone: ZONE, holidays: [] };
      const triage = schoolDayDeadline(now, 1, calendar);
      const resolve = schoolDayDeadline(now, 10, calendar);
      await t.dataSource.query(
        `INSERT INTO incidents (school_id, district_id, reference, reporter_kind, category, location,
                                occurred_at, description, triage_due_at, resolve_due_at, created_at)
         SELECT $1, $2, $3 || '-' || n, 'anonymous', 'verbal', 'cafeteria', $4,
                'Lunch again, the same older kids.', $5, $6, $4
           FROM generate_series(1, 400) AS n`,
        [school.id, school.districtId, `${school.code}-BULK`, now, triage, resolve],
      );
      const day = localDate(triage, ZONE);
      const started = Date.now();
      const response = await admin
        .post(daysOffOf(school.id), { name: 'Snow day', from: day, to: day })
        .expect(201);
      expect(response.body.movedCases).toBe(400);
      expect(Date.now() - started).toBeLessThan(5_000);
      const [counts] = await t.dataSource.query<
        { events: number; audits: number; moved: number }[]
      >(
        `SELECT (SELECT count(*)::int FROM incident_events e JOIN incidents i ON i.id = e.incident_id
                  WHERE i.school_id = $1 AND e.type = 'deadline_moved') AS events,
                (SELECT count(*)::int FROM audit_log
                  WHERE school_id = $1 AND action = 'incident.deadline_moved') AS audits,
                (SELECT count(*)::int FROM incidents
                  WHERE school_id = $1 AND triage_due_at > $2 AND version = 2) AS moved`,
        [school.id, triage],
      );
      expect(counts).toEqual({ events: 400, audits: 400, moved: 400 });
    });

    it('writes nothing when a part of the change fails: the calendar and the deadlines commit together', async () => {
      const filed = await as.student.file(w.school.id).expectStatus(201);
      const before = await row(filed.id);
      const day = await triageDay(filed.id);
      // A trigger makes the timeline insert fail after the deadline update ran.
      await t.dataSource.query(`
        CREATE FUNCTION refuse_moved() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.type = 'deadline_moved' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER refuse_moved BEFORE INSERT ON incident_events
          FOR EACH ROW EXECUTE FUNCTION refuse_moved();`);
      try {
        await as.schoolAdmin
          .post(daysOffOf(w.school.id), { name: 'Snow day', from: day, to: day })
          .expect(500);
      } finally {
        await t.dataSource.query(
          'DROP TRIGGER refuse_moved ON incident_events; DROP FUNCTION refuse_moved();',
        );
      }
      expect(await row(filed.id)).toEqual(before);
      expect(await t.dataSource.query('SELECT 1 FROM days_off')).toHaveLength(0);
    });
  });
});

export type { Incident };
