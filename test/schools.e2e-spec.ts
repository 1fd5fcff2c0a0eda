import { localDate, schoolDayDeadline } from '../libs/common/src/calendar/school-days';
import type { Factory } from './support/factory';
import type { ApiClient } from './support/api-driver';
import { TestApp } from './support/test-app';

type World = Awaited<ReturnType<Factory['world']>>;
type Cast = keyof World['users'];

/** Roles that may never touch school administration, whatever the school. */
const NON_ADMINS = ['counselor', 'staff', 'student', 'parent'] as const;

describe('schools administration', () => {
  let t: TestApp;
  let world: World;
  let api: Record<Cast, ApiClient>;

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(sql, params);
    return rows[0].n;
  };
  const schoolCount = () => count('SELECT count(*)::int AS n FROM schools');
  const schoolRow = async (id: string) => {
    const rows: Record<string, unknown>[] = await t.dataSource.query(
      `SELECT district_id, name, code, time_zone, holidays::text[] AS holidays,
              triage_school_days, resolve_school_days
         FROM schools WHERE id = $1`,
      [id],
    );
    return rows[0];
  };
  const newSchool = (overrides: Record<string, unknown> = {}) => ({
    name: 'Birch Lane Elementary',
    code: `b${Math.random().toString(36).slice(2, 10)}`,
    timeZone: 'America/Chicago',
    ...overrides,
  });

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    api = await t.signInAll(world.users);
  });

  afterAll(() => t.close());

  describe('POST /api/v1/schools', () => {
    it('creates a school in the district admin’s district, with the default policy', async () => {
      const body = newSchool({ code: 'birch-01' });
      const response = await api.districtAdmin.post('/schools').send(body).expect(201);

      expect(response.body).toEqual({
        id: expect.any(String),
        districtId: world.district.id,
        name: 'Birch Lane Elementary',
        code: 'BIRCH-01',
        timeZone: 'America/Chicago',
        holidays: [],
        policy: { triageSchoolDays: 1, resolveSchoolDays: 10 },
        crisisContacts: [],
        places: [],
        schoolHours: { opens: '08:00', closes: '15:30' },
        onCallContacts: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      await expect(schoolRow(response.body.id)).resolves.toEqual({
        district_id: world.district.id,
        name: 'Birch Lane Elementary',
        code: 'BIRCH-01',
        time_zone: 'America/Chicago',
        holidays: [],
        triage_school_days: 1,
        resolve_school_days: 10,
      });
    });

    it('stores holidays sorted and without duplicates, and the given policy', async () => {
      const response = await api.districtAdmin
        .post('/schools')
        .send(
          newSchool({
            holidays: ['2026-12-25', '2026-11-26', '2026-12-25', '2028-02-29'],
            policy: { triageSchoolDays: 0, resolveSchoolDays: 120 },
          }),
        )
        .expect(201);

      expect(response.body.holidays).toEqual(['2026-11-26', '2026-12-25', '2028-02-29']);
      expect(response.body.policy).toEqual({ triageSchoolDays: 0, resolveSchoolDays: 120 });
      const row = await schoolRow(response.body.id);
      expect(row.holidays).toEqual(['2026-11-26', '2026-12-25', '2028-02-29']);
      expect(row.triage_school_days).toBe(0);
      expect(row.resolve_school_days).toBe(120);
    });

    it('answers 409 for a code already taken, whatever its case, and writes nothing', async () => {
      const before = await schoolCount();
      const response = await api.districtAdmin
        .post('/schools')
        .send(newSchool({ code: world.school.code.toLowerCase() }))
        .expect(409);

      expect(response.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: expect.stringContaining(world.school.code),
      });
      await expect(schoolCount()).resolves.toBe(before);
    });

    it('also refuses a code taken in another district (codes are public and global)', async () => {
      await api.districtAdmin
        .post('/schools')
        .send(newSchool({ code: world.foreignSchool.code }))
        .expect(409);
    });

    it.each([
      ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      ['an impossible holiday', { holidays: ['2026-01-05', '2026-02-30'] }, 'holidays'],
      ['a holiday with a time', { holidays: ['2026-01-05T00:00:00Z'] }, 'holidays'],
      [
        'a triage deadline over 60 school days',
        { policy: { triageSchoolDays: 61, resolveSchoolDays: 10 } },
        'policy.triageSchoolDays',
      ],
      [
        'a resolve deadline of 0 school days',
        { policy: { triageSchoolDays: 1, resolveSchoolDays: 0 } },
        'policy.resolveSchoolDays',
      ],
      ['a policy missing a field', { policy: { triageSchoolDays: 1 } }, 'policy.resolveSchoolDays'],
      [
        'a fractional policy',
        { policy: { triageSchoolDays: 1.5, resolveSchoolDays: 10 } },
        'policy.triageSchoolDays',
      ],
      ['a code with spaces', { code: 'MY SCHOOL' }, 'code'],
      ['holidays set to null', { holidays: null }, 'holidays'],
      ['a one-letter name', { name: 'A' }, 'name'],
      ['an unknown field', { principal: 'Ms. Smith' }, 'property principal should not exist'],
    ])('refuses %s with 400 naming the field', async (_case, overrides, field) => {
      const before = await schoolCount();
      const response = await api.districtAdmin
        .post('/schools')
        .send(newSchool(overrides))
        .expect(400);

      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.arrayContaining([expect.stringContaining(field)]),
      });
      await expect(schoolCount()).resolves.toBe(before);
    });

    it('lists every bad field at once', async () => {
      const response = await api.districtAdmin
        .post('/schools')
        .send({ code: '!', timeZone: 'Nowhere' })
        .expect(400);

      const message = (response.body.message as string[]).join('\n');
      expect(message).toContain('name');
      expect(message).toContain('code');
      expect(message).toContain('timeZone');
    });

    it.each(['schoolAdmin', ...NON_ADMINS] as const)(
      'refuses a %s with 403 and writes nothing',
      async (who) => {
        const before = await schoolCount();
        const response = await api[who].post('/schools').send(newSchool()).expect(403);

        expect(response.body.statusCode).toBe(403);
        await expect(schoolCount()).resolves.toBe(before);
      },
    );

    it('refuses a caller without a token with 401 and writes nothing', async () => {
      const before = await schoolCount();
      await t.http.post('/api/v1/schools').send(newSchool()).expect(401);
      await expect(schoolCount()).resolves.toBe(before);
    });
  });

  describe('GET /api/v1/schools', () => {
    const listAll = async (who: Cast): Promise<string[]> => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await api[who]
          .get('/schools', cursor ? { limit: 100, cursor } : { limit: 100 })
          .expect(200);
        ids.push(...(response.body.items as { id: string }[]).map((school) => school.id));
        cursor = response.body.nextCursor as string | null;
      } while (cursor);
      return ids;
    };

    it('shows a district admin every school of the district and none of another', async () => {
      const ids = await listAll('districtAdmin');
      const rows: { id: string }[] = await t.dataSource.query(
        'SELECT id FROM schools WHERE district_id = $1',
        [world.district.id],
      );

      expect(ids.sort()).toEqual(rows.map((row) => row.id).sort());
      expect(ids).toEqual(expect.arrayContaining([world.school.id, world.sisterSchool.id]));
      expect(ids).not.toContain(world.foreignSchool.id);
    });

    it('shows a school admin their own school only, in the documented shape', async () => {
      const response = await api.schoolAdmin.get('/schools').expect(200);

      expect(response.body).toEqual({
        items: [
          {
            id: world.school.id,
            districtId: world.district.id,
            name: world.school.name,
            code: world.school.code,
            timeZone: world.school.timeZone,
            holidays: expect.any(Array),
            policy: {
              triageSchoolDays: expect.any(Number),
              resolveSchoolDays: expect.any(Number),
            },
            crisisContacts: expect.any(Array),
            places: expect.any(Array),
            schoolHours: expect.any(Object),
            onCallContacts: expect.any(Array),
            createdAt: expect.any(String),
            updatedAt: expect.any(String),
          },
        ],
        nextCursor: null,
      });
    });

    it('shows the other district’s admin only their own schools', async () => {
      const ids = await listAll('foreignDistrictAdmin');
      expect(ids).toEqual([world.foreignSchool.id]);
    });

    it('pages through the district with limit and nextCursor', async () => {
      const district = await t.factory.district();
      const admin = await t.factory.user('district_admin', { district });
      const created = [];
      for (let i = 0; i < 7; i++) created.push(await t.factory.school(district));
      const adminToken = await t.login(admin.username);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await t.http
          .get('/api/v1/schools')
          .query(cursor ? { limit: 3, cursor } : { limit: 3 })
          .set('Authorization', `Bearer ${adminToken}`)
          .expect(200);
        expect(response.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...(response.body.items as { id: string }[]).map((school) => school.id));
        cursor = response.body.nextCursor as string | null;
        pages++;
      } while (cursor && pages < 10);

      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.sort()).toEqual(created.map((school) => school.id).sort());
    });

    it.each(NON_ADMINS)('refuses a %s with 403', async (who) => {
      const response = await api[who].get('/schools').expect(403);
      expect(response.body.statusCode).toBe(403);
    });

    it('refuses a caller without a token with 401', async () => {
      await t.http.get('/api/v1/schools').expect(401);
    });
  });

  describe('PATCH /api/v1/schools/:id', () => {
    it('lets a district admin change every field of a school in the district', async () => {
      const school = await t.factory.school(world.district);
      const response = await api.districtAdmin
        .patch(`/schools/${school.id}`)
        .send({
          name: 'Renamed Academy',
          code: 'renamed-1',
          timeZone: 'America/Los_Angeles',
          holidays: ['2027-01-01', '2026-12-31'],
          policy: { triageSchoolDays: 2, resolveSchoolDays: 15 },
        })
        .expect(200);

      expect(response.body).toMatchObject({
        id: school.id,
        districtId: world.district.id,
        name: 'Renamed Academy',
        code: 'RENAMED-1',
        timeZone: 'America/Los_Angeles',
        holidays: ['2026-12-31', '2027-01-01'],
        policy: { triageSchoolDays: 2, resolveSchoolDays: 15 },
      });
      await expect(schoolRow(school.id)).resolves.toEqual({
        district_id: world.district.id,
        name: 'Renamed Academy',
        code: 'RENAMED-1',
        time_zone: 'America/Los_Angeles',
        holidays: ['2026-12-31', '2027-01-01'],
        triage_school_days: 2,
        resolve_school_days: 15,
      });
    });

    it('leaves the fields that are not sent as they were', async () => {
      const school = await t.factory.school(world.district, { holidays: ['2026-07-04'] });
      await api.districtAdmin
        .patch(`/schools/${school.id}`)
        .send({ name: 'Only The Name' })
        .expect(200);

      await expect(schoolRow(school.id)).resolves.toMatchObject({
        name: 'Only The Name',
        code: school.code,
        time_zone: 'America/New_York',
        holidays: ['2026-07-04'],
        triage_school_days: 1,
        resolve_school_days: 10,
      });
    });

    it('answers 409 when the new code is taken, and keeps the old one', async () => {
      const school = await t.factory.school(world.district);
      await api.districtAdmin
        .patch(`/schools/${school.id}`)
        .send({ code: world.sisterSchool.code })
        .expect(409);

      await expect(schoolRow(school.id)).resolves.toMatchObject({ code: school.code });
    });

    it('lets a school admin change the holidays and policy of their own school', async () => {
      const response = await api.schoolAdmin
        .patch(`/schools/${world.school.id}`)
        .send({
          holidays: ['2026-11-27', '2026-11-26'],
          policy: { triageSchoolDays: 3, resolveSchoolDays: 20 },
        })
        .expect(200);

      expect(response.body.holidays).toEqual(['2026-11-26', '2026-11-27']);
      expect(response.body.policy).toEqual({ triageSchoolDays: 3, resolveSchoolDays: 20 });
      await expect(schoolRow(world.school.id)).resolves.toMatchObject({
        holidays: ['2026-11-26', '2026-11-27'],
        triage_school_days: 3,
        resolve_school_days: 20,
      });
    });

    it('refuses a school admin changing the name of their own school with 403, and changes nothing', async () => {
      const before = await schoolRow(world.school.id);
      const response = await api.schoolAdmin
        .patch(`/schools/${world.school.id}`)
        .send({
          name: 'Taken Over Academy',
          code: 'HIJACK',
          timeZone: 'Europe/Paris',
          holidays: [],
        })
        .expect(403);

      expect(response.body.message).toContain('name');
      await expect(schoolRow(world.school.id)).resolves.toEqual(before);
    });

    it.each([
      ['a school admin', 'a sister school', 'schoolAdmin', 'sisterSchool'],
      ['a school admin', 'a school of another district', 'schoolAdmin', 'foreignSchool'],
      ['a district admin', 'a school of another district', 'districtAdmin', 'foreignSchool'],
      ['another district’s admin', 'our school', 'foreignDistrictAdmin', 'school'],
    ] as const)(
      'answers 404 to %s for %s, and changes nothing',
      async (_who, _which, who, which) => {
        const school = world[which];
        const before = await schoolRow(school.id);
        const response = await api[who]
          .patch(`/schools/${school.id}`)
          .send({ policy: { triageSchoolDays: 5, resolveSchoolDays: 50 } })
          .expect(404);

        expect(response.body).toEqual({
          statusCode: 404,
          error: 'Not Found',
          message: expect.any(String),
        });
        await expect(schoolRow(school.id)).resolves.toEqual(before);
      },
    );

    it('answers 404 for a school that does not exist', async () => {
      await api.districtAdmin
        .patch('/schools/00000000-0000-4000-8000-000000000000')
        .send({ name: 'Ghost School' })
        .expect(404);
    });

    it('answers 400 naming the parameter for an id that is not a uuid', async () => {
      const response = await api.districtAdmin
        .patch('/schools/not-a-uuid')
        .send({ name: 'Whatever' })
        .expect(400);

      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'id must be a UUID',
      });
    });

    it.each([
      ['an unknown time zone', { timeZone: 'America/Atlantis' }, 'timeZone'],
      ['an impossible holiday', { holidays: ['2026-02-30'] }, 'holidays'],
      ['holidays that are not a list', { holidays: '2026-01-01' }, 'holidays'],
      [
        'a policy out of range',
        { policy: { triageSchoolDays: -1, resolveSchoolDays: 121 } },
        'policy.resolveSchoolDays',
      ],
      ['a policy that is a list', { policy: [] }, 'policy'],
      ['a name set to null', { name: null }, 'name'],
      ['a code set to null', { code: null }, 'code'],
      ['a time zone set to null', { timeZone: null }, 'timeZone'],
      ['holidays set to null', { holidays: null }, 'holidays'],
      ['a policy set to null', { policy: null }, 'policy'],
      ['an unknown field', { districtId: '00000000-0000-4000-8000-000000000001' }, 'districtId'],
    ])('refuses %s with 400 naming the field', async (_case, body, field) => {
      const school = await t.factory.school(world.district);
      const before = await schoolRow(school.id);
      const response = await api.districtAdmin
        .patch(`/schools/${school.id}`)
        .send(body)
        .expect(400);

      expect(response.body.statusCode).toBe(400);
      expect(JSON.stringify(response.body.message)).toContain(field);
      await expect(schoolRow(school.id)).resolves.toEqual(before);
    });

    it.each(NON_ADMINS)('refuses a %s with 403 and changes nothing', async (who) => {
      const before = await schoolRow(world.school.id);
      await api[who]
        .patch(`/schools/${world.school.id}`)
        .send({ policy: { triageSchoolDays: 9, resolveSchoolDays: 90 } })
        .expect(403);
      await expect(schoolRow(world.school.id)).resolves.toEqual(before);
    });

    it('refuses a caller without a token with 401 and changes nothing', async () => {
      const before = await schoolRow(world.school.id);
      await t.http
        .patch(`/api/v1/schools/${world.school.id}`)
        .send({ policy: { triageSchoolDays: 9, resolveSchoolDays: 90 } })
        .expect(401);
      await expect(schoolRow(world.school.id)).resolves.toEqual(before);
    });
  });

  describe('crisis contacts', () => {
    const COUNSELING = {
      name: 'Birch Lane counseling office',
      phone: '555-0142',
      hours: 'School days 7:30–3:30',
    };
    const HELPLINE = { name: 'Teen helpline', phone: '+1 (555) 010.0199' };
    const contactsOf = async (id: string) => {
      const rows: { crisis_contacts: unknown }[] = await t.dataSource.query(
        'SELECT crisis_contacts FROM schools WHERE id = $1',
        [id],
      );
      return rows[0].crisis_contacts;
    };

    it('are taken when a school is created, trimmed, and answered with hours null when not said', async () => {
      const response = await api.districtAdmin
        .post('/schools')
        .send(
          newSchool({
            crisisContacts: [
              { ...COUNSELING, name: `  ${COUNSELING.name} ` },
              { ...HELPLINE, hours: '' },
            ],
          }),
        )
        .expect(201);

      const expected = [COUNSELING, { ...HELPLINE, hours: null }];
      expect(response.body.crisisContacts).toEqual(expected);
      await expect(contactsOf(response.body.id)).resolves.toEqual(expected);
    });

    it('are replaced as a whole list by PATCH, by a district admin or the school’s admin', async () => {
      const school = await t.factory.school(world.district);
      const admin = await t.factory.user('school_admin', {
        district: world.district,
        schools: [school],
      });

      await api.districtAdmin
        .patch(`/schools/${school.id}`)
        .send({ crisisContacts: [COUNSELING, HELPLINE] })
        .expect(200);
      const response = await (
        await t.signIn(admin)
      )
        .patch(`/schools/${school.id}`)
        .send({ crisisContacts: [HELPLINE] })
        .expect(200);

      expect(response.body.crisisContacts).toEqual([{ ...HELPLINE, hours: null }]);
      const listed = await (await t.signIn(admin)).get('/schools').expect(200);
      expect(listed.body.items[0].crisisContacts).toEqual([{ ...HELPLINE, hours: null }]);
      await api.districtAdmin
        .patch(`/schools/${school.id}`)
        .send({ crisisContacts: [] })
        .expect(200);
      await expect(contactsOf(school.id)).resolves.toEqual([]);
    });

    it('stay as they were when a PATCH does not send them', async () => {
      const school = await t.factory.school(world.district, { crisisContacts: [COUNSELING] });

      await api.districtAdmin
        .patch(`/schools/${school.id}`)
        .send({ name: 'Another Name Academy' })
        .expect(200);

      await expect(contactsOf(school.id)).resolves.toEqual([COUNSELING]);
    });

    it('are shown with the school on the public page for anonymous reporters', async () => {
      const school = await t.factory.school(world.district, {
        crisisContacts: [COUNSELING, { ...HELPLINE, hours: null }],
      });

      const response = await t
        .anonymous()
        .get(`/public/schools/${school.code.toLowerCase()}`)
        .expect(200);

      expect(response.body).toEqual({
        name: school.name,
        code: school.code,
        crisisContacts: [COUNSELING, { ...HELPLINE, hours: null }],
        places: [],
        help: expect.objectContaining({
          crisisContacts: [COUNSELING, { ...HELPLINE, hours: null }],
          crisisContactsFrom: 'school',
        }),
      });
    });

    it('are an empty list on the public page of a school without any', async () => {
      const school = await t.factory.school(world.district);
      const response = await t.anonymous().get(`/public/schools/${school.code}`).expect(200);
      expect(response.body).toEqual({
        name: school.name,
        code: school.code,
        crisisContacts: [],
        places: [],
        help: expect.objectContaining({ crisisContacts: [], crisisContactsFrom: 'none' }),
      });
    });

    it('allow ten contacts and refuse eleven with 400', async () => {
      const school = await t.factory.school(world.district);
      const many = (n: number) =>
        Array.from({ length: n }, (_, i) => ({ name: `Line ${i}`, phone: `555-01${10 + i}` }));

      await api.districtAdmin
        .patch(`/schools/${school.id}`)
        .send({ crisisContacts: many(10) })
        .expect(200);
      const response = await api.districtAdmin
        .patch(`/schools/${school.id}`)
        .send({ crisisContacts: many(11) })
        .expect(400);

      expect(JSON.stringify(response.body.message)).toContain('crisisContacts');
      await expect(contactsOf(school.id)).resolves.toHaveLength(10);
    });

    it.each([
      ['a list set to null', null, 'crisisContacts'],
      ['a list that is an object', { name: 'x', phone: '555-0100' }, 'crisisContacts'],
      ['a contact that is a string', ['555-0100'], 'crisisContacts'],
      ['a contact that is null', [null], 'crisisContacts'],
      ['a contact without a name', [{ phone: '555-0100' }], 'crisisContacts.0.name'],
      ['an empty name', [{ name: '   ', phone: '555-0100' }], 'crisisContacts.0.name'],
      ['a name over 100 characters', [{ name: 'n'.repeat(101), phone: '555-0100' }], 'name'],
      ['a contact without a phone', [{ name: 'Office' }], 'crisisContacts.0.phone'],
      ['a phone with letters', [{ name: 'Office', phone: 'call-me-maybe' }], 'phone'],
      ['a phone of two digits', [{ name: 'Office', phone: '11' }], 'phone'],
      ['a phone without digits', [{ name: 'Office', phone: '(---)' }], 'phone'],
      ['a phone over 40 characters', [{ name: 'Office', phone: '5'.repeat(41) }], 'phone'],
      ['a phone that is a number', [{ name: 'Office', phone: 5550142 }], 'phone'],
      [
        'hours over 100 characters',
        [{ name: 'Office', phone: '555-0100', hours: 'h'.repeat(101) }],
        'hours',
      ],
      ['hours that are a number', [{ name: 'Office', phone: '555-0100', hours: 9 }], 'hours'],
      [
        'an unknown field in a contact',
        [{ name: 'Office', phone: '555-0100', email: 'x@example.org' }],
        'email',
      ],
    ])('refuse %s with 400 naming the field, and change nothing', async (_case, value, field) => {
      const school = await t.factory.school(world.district, { crisisContacts: [COUNSELING] });

      const response = await api.districtAdmin
        .patch(`/schools/${school.id}`)
        .send({ crisisContacts: value })
        .expect(400);

      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(JSON.stringify(response.body.message)).toContain(field);
      await expect(contactsOf(school.id)).resolves.toEqual([COUNSELING]);
    });

    it.each(NON_ADMINS)(
      'may not be changed by a %s (403), nor without a token (401)',
      async (who) => {
        await api[who]
          .patch(`/schools/${world.school.id}`)
          .send({ crisisContacts: [COUNSELING] })
          .expect(403);
        await t
          .anonymous()
          .patch(`/schools/${world.school.id}`)
          .send({ crisisContacts: [COUNSELING] })
          .expect(401);
      },
    );

    it('may not be changed by the admin of another school (404)', async () => {
      const before = await contactsOf(world.sisterSchool.id);
      await api.schoolAdmin
        .patch(`/schools/${world.sisterSchool.id}`)
        .send({ crisisContacts: [COUNSELING] })
        .expect(404);
      await expect(contactsOf(world.sisterSchool.id)).resolves.toEqual(before);
    });
  });

  describe('the code and the time zone, changed by the school’s admin', () => {
    interface DeadlineRow {
      status: string;
      version: number;
      created_at: Date;
      triage_due_at: Date;
      resolve_due_at: Date;
    }
    const deadlines = async (id: string): Promise<DeadlineRow> =>
      (
        await t.dataSource.query<DeadlineRow[]>(
          `SELECT status, version, created_at, triage_due_at, resolve_due_at
             FROM incidents WHERE id = $1`,
          [id],
        )
      )[0];
    const movedEntries = async (client: ApiClient, id: string) =>
      (await client.incident(id).expectStatus(200)).timeline.filter(
        (entry) => entry.type === 'deadline_moved',
      );
    /** A school of our district with its own admin and student, in New York. */
    const ownSchool = async () => {
      const school = await t.factory.school(world.district);
      const admin = await t.signIn(
        await t.factory.user('school_admin', { district: world.district, schools: [school] }),
      );
      const student = await t.signIn(
        await t.factory.user('student', { district: world.district, schools: [school] }),
      );
      return { school, admin, student };
    };

    it('a new code answers on the public report page at once, and the old one no longer does', async () => {
      const { school, admin } = await ownSchool();
      const code = `n${Math.random().toString(36).slice(2, 9)}`;
      const response = await admin.patch(`/schools/${school.id}`, { code }).expect(200);

      expect(response.body.code).toBe(code.toUpperCase());
      await expect(schoolRow(school.id)).resolves.toMatchObject({ code: code.toUpperCase() });
      const page = await t.anonymous().get(`/public/schools/${code}`).expect(200);
      expect(page.body).toMatchObject({ name: school.name, code: code.toUpperCase() });
      await t.anonymous().get(`/public/schools/${school.code}`).expect(404);
    });

    it('answers 409 for a code taken (here or in another district), and keeps the old one', async () => {
      const { school, admin } = await ownSchool();
      for (const taken of [world.sisterSchool.code, world.foreignSchool.code.toLowerCase()]) {
        const response = await admin.patch(`/schools/${school.id}`, { code: taken }).expect(409);
        expect(response.body.message).toContain(taken.toUpperCase());
      }
      await expect(schoolRow(school.id)).resolves.toMatchObject({ code: school.code });
      await t.anonymous().get(`/public/schools/${school.code}`).expect(200);
    });

    it('refuses a code that breaks the rule with 400', async () => {
      const { school, admin } = await ownSchool();
      const response = await admin
        .patch(`/schools/${school.id}`, { code: 'MY SCHOOL' })
        .expect(400);
      expect(JSON.stringify(response.body.message)).toContain('code');
      await expect(schoolRow(school.id)).resolves.toMatchObject({ code: school.code });
    });

    it('answers 404 to the admin of another school, and 403 to a counselor; nothing changes', async () => {
      const before = await schoolRow(world.school.id);
      await api.sisterAdmin
        .patch(`/schools/${world.school.id}`)
        .send({ code: 'SISTER-TAKES', timeZone: 'America/Denver' })
        .expect(404);
      await api.foreignAdmin
        .patch(`/schools/${world.school.id}`)
        .send({ timeZone: 'America/Denver' })
        .expect(404);
      await api.counselor
        .patch(`/schools/${world.school.id}`)
        .send({ code: 'COUNSELOR-1' })
        .expect(403);
      await api.counselor
        .patch(`/schools/${world.school.id}`)
        .send({ timeZone: 'America/Denver' })
        .expect(403);
      await expect(schoolRow(world.school.id)).resolves.toEqual(before);
    });

    it('a new time zone counts the open deadlines again in it, with a timeline entry and audit; settled cases stay', async () => {
      const { school, admin, student } = await ownSchool();
      const filed = await student.file(school.id).expectStatus(201);
      const before = await deadlines(filed.id);
      const resolved = await t.factory.incident(school, { status: 'resolved' });
      const dismissed = await t.factory.incident(school, { status: 'dismissed' });
      const settled = await Promise.all([deadlines(resolved.id), deadlines(dismissed.id)]);
      // Deadlines end a school day at midnight where the school is: three hours later in Los Angeles.
      const calendar = { timeZone: 'America/Los_Angeles', holidays: [] };
      const triage = schoolDayDeadline(before.created_at, 1, calendar);
      const resolve = schoolDayDeadline(before.created_at, 10, calendar);
      expect(triage.getTime()).not.toBe(before.triage_due_at.getTime());

      const response = await admin
        .patch(`/schools/${school.id}`, { timeZone: 'America/Los_Angeles' })
        .expect(200);

      expect(response.body.timeZone).toBe('America/Los_Angeles');
      const after = await deadlines(filed.id);
      expect(after.triage_due_at.toISOString()).toBe(triage.toISOString());
      expect(after.resolve_due_at.toISOString()).toBe(resolve.toISOString());
      expect(after.version).toBe(before.version + 1);
      const moved = await movedEntries(admin, filed.id);
      expect(moved).toHaveLength(1);
      expect(moved[0]).toMatchObject({
        visibility: 'shared',
        data: {
          change: 'time_zone_changed',
          reason: 'Time zone changed: America/New_York to America/Los_Angeles',
          timeZone: { from: 'America/New_York', to: 'America/Los_Angeles' },
          triageDueAt: { from: before.triage_due_at.toISOString(), to: triage.toISOString() },
          resolveDueAt: { from: before.resolve_due_at.toISOString(), to: resolve.toISOString() },
        },
      });
      // The family is told their dates too.
      expect(await movedEntries(student, filed.id)).toHaveLength(1);
      expect(await Promise.all([deadlines(resolved.id), deadlines(dismissed.id)])).toEqual(settled);
      const audit = await t.dataSource.query<{ action: string; details: unknown }[]>(
        `SELECT action, details FROM audit_log
          WHERE school_id = $1 AND action IN ('school.time_zone_changed', 'incident.deadline_moved')
          ORDER BY action`,
        [school.id],
      );
      expect(audit).toEqual([
        { action: 'incident.deadline_moved', details: expect.any(Object) },
        {
          action: 'school.time_zone_changed',
          details: { from: 'America/New_York', to: 'America/Los_Angeles', movedCases: 1 },
        },
      ]);

      // The same time zone again moves nothing.
      await admin.patch(`/schools/${school.id}`, { timeZone: 'America/Los_Angeles' }).expect(200);
      expect(await deadlines(filed.id)).toEqual(after);
    });

    it('counts each case from its own day in each zone, even when two share a deadline', async () => {
      const { school, admin } = await ownSchool();
      const NY = { timeZone: 'America/New_York', holidays: [] };
      const LA = { timeZone: 'America/Los_Angeles', holidays: [] };
      // Filed Monday noon in New York when triage took 2 school days: due Wednesday.
      const monday = new Date('2027-03-01T17:00:00Z');
      // Filed Tuesday 1 a.m. in New York (still Monday in Los Angeles) with 1 day: due Wednesday too.
      const tuesday = new Date('2027-03-02T06:00:00Z');
      const due = schoolDayDeadline(monday, 2, NY);
      expect(schoolDayDeadline(tuesday, 1, NY)).toEqual(due);
      const cases = [];
      for (const filedAt of [monday, tuesday]) {
        const incident = await t.factory.incident(school, {
          triageDueAt: due,
          resolveDueAt: schoolDayDeadline(filedAt, 10, NY),
        });
        await t.dataSource.query('UPDATE incidents SET created_at = $2 WHERE id = $1', [
          incident.id,
          filedAt,
        ]);
        cases.push(incident.id);
      }

      await admin.patch(`/schools/${school.id}`, { timeZone: 'America/Los_Angeles' }).expect(200);

      // Same number of school days as before, from the day of the filing in Los Angeles.
      expect((await deadlines(cases[0])).triage_due_at).toEqual(schoolDayDeadline(monday, 2, LA));
      expect((await deadlines(cases[1])).triage_due_at).toEqual(schoolDayDeadline(tuesday, 1, LA));
    });

    it('holidays changed by PATCH move the deadlines they touch, and back', async () => {
      const { school, admin, student } = await ownSchool();
      const filed = await student.file(school.id).expectStatus(201);
      const before = await deadlines(filed.id);
      const day = localDate(before.triage_due_at, 'America/New_York');
      const calendar = { timeZone: 'America/New_York', holidays: [day] };

      const response = await admin.patch(`/schools/${school.id}`, { holidays: [day] }).expect(200);

      expect(response.body.holidays).toEqual([day]);
      const after = await deadlines(filed.id);
      expect(after.triage_due_at.toISOString()).toBe(
        schoolDayDeadline(before.created_at, 1, calendar).toISOString(),
      );
      expect(after.resolve_due_at.toISOString()).toBe(
        schoolDayDeadline(before.created_at, 10, calendar).toISOString(),
      );
      expect(after.triage_due_at.getTime()).toBeGreaterThan(before.triage_due_at.getTime());
      const [moved] = await movedEntries(admin, filed.id);
      expect(moved.data).toMatchObject({
        change: 'holidays_changed',
        reason: 'Holidays changed',
        holidays: { added: [day], removed: [] },
      });

      await admin.patch(`/schools/${school.id}`, { holidays: [] }).expect(200);
      const back = await deadlines(filed.id);
      expect(back.triage_due_at).toEqual(before.triage_due_at);
      expect(back.resolve_due_at).toEqual(before.resolve_due_at);
      expect(back.version).toBe(before.version + 2);
      const audit = await t.dataSource.query<{ details: unknown }[]>(
        `SELECT details FROM audit_log WHERE school_id = $1 AND action = 'school.holidays_changed'
          ORDER BY at`,
        [school.id],
      );
      expect(audit).toEqual([
        { details: { added: [day], removed: [], movedCases: 1 } },
        { details: { added: [], removed: [day], movedCases: 1 } },
      ]);
    });

    it('saves all of a PATCH or nothing: a taken code keeps the time zone and the deadlines', async () => {
      const { school, admin, student } = await ownSchool();
      const filed = await student.file(school.id).expectStatus(201);
      const before = await deadlines(filed.id);
      const row = await schoolRow(school.id);

      await admin
        .patch(`/schools/${school.id}`, {
          timeZone: 'America/Los_Angeles',
          code: world.sisterSchool.code,
          policy: { triageSchoolDays: 4, resolveSchoolDays: 40 },
        })
        .expect(409);

      await expect(schoolRow(school.id)).resolves.toEqual(row);
      expect(await deadlines(filed.id)).toEqual(before);
      expect(await movedEntries(admin, filed.id)).toEqual([]);
    });
  });
});
