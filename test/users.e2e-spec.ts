import { Factory } from './support/factory';
import type { ApiClient } from './support/api-driver';
import { TestApp } from './support/test-app';

type World = Awaited<ReturnType<Factory['world']>>;
type Cast = keyof World['users'];

type ListedUser = { id: string; username: string; role: string; schoolIds: string[] };

const NON_ADMINS = ['counselor', 'staff', 'student', 'parent'] as const;
const NEW_PASSWORD = 'a brand new passphrase';

describe('users administration', () => {
  let t: TestApp;
  let world: World;
  let api: Record<Cast, ApiClient>;
  let serial = 0;

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(sql, params);
    return rows[0].n;
  };
  const userCount = () => count('SELECT count(*)::int AS n FROM users');
  const membershipCount = () => count('SELECT count(*)::int AS n FROM school_memberships');
  const userRow = async (id: string) => {
    const rows: Record<string, unknown>[] = await t.dataSource.query(
      `SELECT u.username, u.display_name, u.email, u.locale, u.role, u.disabled, u.district_id,
              u.password_hash,
              COALESCE(array_agg(m.school_id::text ORDER BY m.school_id)
                       FILTER (WHERE m.school_id IS NOT NULL), '{}') AS school_ids
         FROM users u LEFT JOIN school_memberships m ON m.user_id = u.id
        WHERE u.id = $1 GROUP BY u.id`,
      [id],
    );
    return rows[0];
  };
  const uniqueName = (prefix: string) => `${prefix}.${process.pid}.${++serial}`;
  const newUser = (overrides: Record<string, unknown> = {}) => ({
    username: uniqueName('new.user'),
    displayName: 'New Person',
    role: 'counselor',
    password: 'twelve chars or more',
    schoolIds: [world.school.id],
    ...overrides,
  });
  const bearer = (accessToken: string) => ({ Authorization: `Bearer ${accessToken}` });
  const sorted = (ids: string[]) => [...ids].sort();

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    api = await t.signInAll(world.users);
  });

  afterAll(() => t.close());

  describe('POST /api/v1/users', () => {
    it('lets a district admin create a counselor in two schools of the district', async () => {
      const username = uniqueName('Counselor.Kim');
      const response = await api.districtAdmin
        .post('/users')
        .send(
          newUser({
            username,
            displayName: 'Kim Lee',
            schoolIds: [world.school.id, world.sisterSchool.id, world.school.id],
            email: 'kim@example.org',
            locale: 'es',
          }),
        )
        .expect(201);

      expect(response.body).toEqual({
        id: expect.any(String),
        username: username.toLowerCase(),
        displayName: 'Kim Lee',
        role: 'counselor',
        email: 'kim@example.org',
        locale: 'es',
        disabled: false,
        schoolIds: expect.any(Array),
        createdAt: expect.any(String),
      });
      expect(sorted(response.body.schoolIds)).toEqual(
        sorted([world.school.id, world.sisterSchool.id]),
      );
      const row = await userRow(response.body.id);
      expect(row).toMatchObject({
        username: username.toLowerCase(),
        role: 'counselor',
        district_id: world.district.id,
        disabled: false,
        school_ids: sorted([world.school.id, world.sisterSchool.id]),
      });
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(JSON.stringify(response.body)).not.toContain('argon2');

      await expect(t.login(username, 'twelve chars or more')).resolves.toEqual(expect.any(String));
    });

    it('lets a district admin create another district admin without schools', async () => {
      const response = await api.districtAdmin
        .post('/users')
        .send(newUser({ role: 'district_admin', schoolIds: [] }))
        .expect(201);

      expect(response.body).toMatchObject({ role: 'district_admin', schoolIds: [] });
      await expect(userRow(response.body.id)).resolves.toMatchObject({
        district_id: world.district.id,
        school_ids: [],
      });
    });

    it('lets a school admin create a student of their school', async () => {
      const response = await api.schoolAdmin
        .post('/users')
        .send(newUser({ role: 'student', schoolIds: [world.school.id] }))
        .expect(201);

      expect(response.body).toMatchObject({
        role: 'student',
        schoolIds: [world.school.id],
        locale: 'en',
        email: null,
      });
      await expect(userRow(response.body.id)).resolves.toMatchObject({
        district_id: world.district.id,
        school_ids: [world.school.id],
      });
    });

    it('refuses a school admin creating a district admin with 403 and writes nothing', async () => {
      const before = await userCount();
      const response = await api.schoolAdmin
        .post('/users')
        .send(newUser({ role: 'district_admin', schoolIds: [] }))
        .expect(403);

      expect(response.body.message).toContain('district_admin');
      await expect(userCount()).resolves.toBe(before);
    });

    it.each([
      ['a school admin', 'a sister school', 'schoolAdmin', 'sisterSchool'],
      ['a school admin', 'another district’s school', 'schoolAdmin', 'foreignSchool'],
      ['a district admin', 'another district’s school', 'districtAdmin', 'foreignSchool'],
    ] as const)(
      'answers 404 to %s placing an account in %s, and writes nothing',
      async (_who, _where, who, where) => {
        const [users, memberships] = [await userCount(), await membershipCount()];
        const response = await api[who]
          .post('/users')
          .send(newUser({ role: 'staff', schoolIds: [world.school.id, world[where].id] }))
          .expect(404);

        expect(response.body).toEqual({
          statusCode: 404,
          error: 'Not Found',
          message: expect.any(String),
        });
        await expect(userCount()).resolves.toBe(users);
        await expect(membershipCount()).resolves.toBe(memberships);
      },
    );

    it('answers 404 for a school that does not exist', async () => {
      await api.districtAdmin
        .post('/users')
        .send(newUser({ schoolIds: ['00000000-0000-4000-8000-000000000000'] }))
        .expect(404);
    });

    it.each([
      ['a student without a school', 'student', () => []],
      ['a student in two schools', 'student', () => [world.school.id, world.sisterSchool.id]],
      ['a district admin in a school', 'district_admin', () => [world.school.id]],
      ['a counselor without a school', 'counselor', () => []],
      ['a parent without a school', 'parent', () => []],
    ])('refuses %s with 422 and writes nothing', async (_case, role, schoolIds) => {
      const before = await userCount();
      const response = await api.districtAdmin
        .post('/users')
        .send(newUser({ role, schoolIds: schoolIds() }))
        .expect(422);

      expect(response.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: expect.stringContaining('schoolIds'),
      });
      await expect(userCount()).resolves.toBe(before);
    });

    it('answers 409 for a username already taken, whatever its case', async () => {
      const before = await userCount();
      const response = await api.districtAdmin
        .post('/users')
        .send(newUser({ username: world.users.counselor.username.toUpperCase() }))
        .expect(409);

      expect(response.body.message).toContain(world.users.counselor.username);
      await expect(userCount()).resolves.toBe(before);
    });

    it.each([
      ['a short password', { password: 'too short' }, 'password'],
      ['a common password', { password: 'password1234' }, 'password'],
      ['a common password in capitals', { password: 'Password1234' }, 'password'],
      ['a password made of the display name', { password: 'New Person New Person' }, 'password'],
      ['a password that is too easy to guess', { password: 'abcdefghijklmnop' }, 'password'],
      ['a bad email', { email: 'not-an-email' }, 'email'],
      ['an unknown role', { role: 'superuser' }, 'role'],
      ['a username with spaces', { username: 'has spaces' }, 'username'],
      ['an empty display name', { displayName: '' }, 'displayName'],
      ['an unknown locale', { locale: 'fr' }, 'locale'],
      ['school ids that are not uuids', { schoolIds: ['school-1'] }, 'schoolIds'],
      ['school ids that are not a list', { schoolIds: 'abc' }, 'schoolIds'],
      ['an unknown field', { isAdmin: true }, 'property isAdmin should not exist'],
    ])('refuses %s with 400 naming the field', async (_case, overrides, field) => {
      const before = await userCount();
      const response = await api.districtAdmin.post('/users').send(newUser(overrides)).expect(400);

      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.arrayContaining([expect.stringContaining(field)]),
      });
      await expect(userCount()).resolves.toBe(before);
    });

    it.each(NON_ADMINS)('refuses a %s with 403 and writes nothing', async (who) => {
      const before = await userCount();
      const response = await api[who].post('/users').send(newUser()).expect(403);

      expect(response.body.statusCode).toBe(403);
      await expect(userCount()).resolves.toBe(before);
    });

    it('refuses a caller without a token with 401 and writes nothing', async () => {
      const before = await userCount();
      await t.http.post('/api/v1/users').send(newUser()).expect(401);
      await expect(userCount()).resolves.toBe(before);
    });
  });

  describe('GET /api/v1/users', () => {
    const listAll = async (
      headers: Record<string, string>,
      query: Record<string, string | number> = {},
      limit = 100,
    ): Promise<ListedUser[]> => {
      const items: ListedUser[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await t.http
          .get('/api/v1/users')
          .query({ ...query, limit, ...(cursor ? { cursor } : {}) })
          .set(headers)
          .expect(200);
        expect(response.body.items.length).toBeLessThanOrEqual(limit);
        items.push(...(response.body.items as ListedUser[]));
        cursor = response.body.nextCursor as string | null;
        pages++;
      } while (cursor && pages < 100);
      return items;
    };

    it('shows a district admin every account of the district and none of another', async () => {
      const ids = (await listAll(api.districtAdmin.headers)).map((user) => user.id);
      const rows: { id: string }[] = await t.dataSource.query(
        'SELECT id FROM users WHERE district_id = $1',
        [world.district.id],
      );

      expect(sorted(ids)).toEqual(sorted(rows.map((row) => row.id)));
      expect(ids).toContain(world.users.sisterStudent.id);
      expect(ids).not.toContain(world.users.foreignAdmin.id);
      expect(ids).not.toContain(world.users.foreignStudent.id);
    });

    it('shows a school admin the accounts of their school only, never a district admin', async () => {
      const items = await listAll(api.schoolAdmin.headers);
      const ids = items.map((user) => user.id);

      for (const who of ['schoolAdmin', 'counselor', 'staff', 'student', 'parent'] as const) {
        expect(ids).toContain(world.users[who].id);
      }
      expect(ids).not.toContain(world.users.districtAdmin.id);
      expect(ids).not.toContain(world.users.sisterStudent.id);
      expect(ids).not.toContain(world.users.foreignStudent.id);
      for (const user of items) expect(user.schoolIds).toContain(world.school.id);
    });

    it('returns accounts in the documented shape, without secrets', async () => {
      const response = await api.schoolAdmin
        .get('/users', { role: 'staff', schoolId: world.school.id })
        .expect(200);

      expect(response.body).toEqual({
        items: [
          {
            id: world.users.staff.id,
            username: world.users.staff.username,
            displayName: world.users.staff.displayName,
            role: 'staff',
            email: null,
            locale: 'en',
            disabled: false,
            schoolIds: [world.school.id],
            createdAt: expect.any(String),
          },
        ],
        nextCursor: null,
      });
    });

    it('filters by role and by school', async () => {
      const students = await listAll(api.districtAdmin.headers, { role: 'student' });
      expect(students.length).toBeGreaterThanOrEqual(2);
      expect(students.every((user) => user.role === 'student')).toBe(true);
      expect(students.map((user) => user.id)).toEqual(
        expect.arrayContaining([world.users.student.id, world.users.sisterStudent.id]),
      );

      const sister = await listAll(api.districtAdmin.headers, { schoolId: world.sisterSchool.id });
      expect(sister.length).toBeGreaterThanOrEqual(2);
      expect(sister.every((user) => user.schoolIds.includes(world.sisterSchool.id))).toBe(true);
    });

    it.each([
      ['a school admin', 'a sister school', 'schoolAdmin', 'sisterSchool'],
      ['a district admin', 'another district’s school', 'districtAdmin', 'foreignSchool'],
    ] as const)('answers 404 to %s filtering by %s', async (_who, _where, who, where) => {
      const response = await api[who].get('/users', { schoolId: world[where].id }).expect(404);
      expect(response.body.statusCode).toBe(404);
    });

    it('walks every page with nextCursor: no duplicates, none missing', async () => {
      const school = await t.factory.school(world.district);
      const created = [];
      for (let i = 0; i < 23; i++) {
        created.push(
          await t.factory.user('student', { district: world.district, schools: [school] }),
        );
      }

      const items = await listAll(api.districtAdmin.headers, { schoolId: school.id }, 5);
      const ids = items.map((user) => user.id);

      expect(ids).toHaveLength(23);
      expect(new Set(ids).size).toBe(23);
      expect(sorted(ids)).toEqual(sorted(created.map((user) => user.id)));
      const usernames = items.map((user) => user.username);
      expect(usernames).toEqual([...usernames].sort());
    });

    it('gives a null nextCursor on the last page and a full first page', async () => {
      const school = await t.factory.school(world.district);
      for (let i = 0; i < 4; i++) {
        await t.factory.user('staff', { district: world.district, schools: [school] });
      }
      const first = await api.districtAdmin
        .get('/users', { schoolId: school.id, limit: 2 })
        .expect(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));

      const second = await api.districtAdmin
        .get('/users', { schoolId: school.id, limit: 2, cursor: first.body.nextCursor })
        .expect(200);
      expect(second.body.items).toHaveLength(2);
      expect(second.body.nextCursor).toBeNull();
    });

    it.each([
      ['limit=0', { limit: '0' }, 'limit'],
      ['limit=101', { limit: '101' }, 'limit'],
      ['limit=abc', { limit: 'abc' }, 'limit'],
      ['an unknown role', { role: 'janitor' }, 'role'],
      ['a schoolId that is not a uuid', { schoolId: '42' }, 'schoolId'],
      ['a garbage cursor', { cursor: 'garbage' }, 'cursor'],
    ])('refuses %s with 400 naming the parameter', async (_case, query, field) => {
      const response = await api.districtAdmin.get('/users', query).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(field);
    });

    it.each(NON_ADMINS)('refuses a %s with 403', async (who) => {
      await api[who].get('/users').expect(403);
    });

    it('refuses a caller without a token with 401', async () => {
      await t.http.get('/api/v1/users').expect(401);
    });
  });

  describe('PATCH /api/v1/users/:id', () => {
    const counselorIn = (...schools: World['school'][]) =>
      t.factory.user('counselor', { district: world.district, schools });

    it('changes display name, email and locale', async () => {
      const user = await counselorIn(world.school);
      const response = await api.schoolAdmin
        .patch(`/users/${user.id}`)
        .send({ displayName: 'Dr. Renamed', email: 'renamed@example.org', locale: 'es' })
        .expect(200);

      expect(response.body).toMatchObject({
        id: user.id,
        username: user.username,
        displayName: 'Dr. Renamed',
        email: 'renamed@example.org',
        locale: 'es',
        disabled: false,
        schoolIds: [world.school.id],
      });
      await expect(userRow(user.id)).resolves.toMatchObject({
        display_name: 'Dr. Renamed',
        email: 'renamed@example.org',
        locale: 'es',
      });
    });

    it('clears the email with null', async () => {
      const user = await counselorIn(world.school);
      await t.dataSource.query(`UPDATE users SET email = 'old@example.org' WHERE id = $1`, [
        user.id,
      ]);
      const response = await api.districtAdmin
        .patch(`/users/${user.id}`)
        .send({ email: null })
        .expect(200);

      expect(response.body.email).toBeNull();
      await expect(userRow(user.id)).resolves.toMatchObject({ email: null });
    });

    it('disables an account: its sessions end and it can no longer sign in', async () => {
      const user = await counselorIn(world.school);
      const login = await t.http
        .post('/api/v1/auth/login')
        .send({ username: user.username, password: Factory.PASSWORD })
        .expect(200);
      const { accessToken, refreshToken } = login.body;
      await t.http.get('/api/v1/me').set(bearer(accessToken)).expect(200);

      const response = await api.schoolAdmin
        .patch(`/users/${user.id}`)
        .send({ disabled: true })
        .expect(200);

      expect(response.body.disabled).toBe(true);
      await expect(userRow(user.id)).resolves.toMatchObject({ disabled: true });
      await expect(
        count(
          'SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
          [user.id],
        ),
      ).resolves.toBe(0);
      await t.http.get('/api/v1/me').set(bearer(accessToken)).expect(401);
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken }).expect(401);
      await t.http
        .post('/api/v1/auth/login')
        .send({ username: user.username, password: Factory.PASSWORD })
        .expect(401);
    });

    it('enables a disabled account again', async () => {
      const user = await t.factory.user(
        'staff',
        { district: world.district, schools: [world.school] },
        { disabled: true },
      );
      await api.districtAdmin.patch(`/users/${user.id}`).send({ disabled: false }).expect(200);

      await expect(t.login(user.username)).resolves.toEqual(expect.any(String));
    });

    it.each(['schoolAdmin', 'districtAdmin'] as const)(
      'refuses a %s disabling their own account with 422',
      async (who) => {
        const me = world.users[who];
        const response = await api[who]
          .patch(`/users/${me.id}`)
          .send({ disabled: true })
          .expect(422);

        expect(response.body.statusCode).toBe(422);
        await expect(userRow(me.id)).resolves.toMatchObject({ disabled: false });
      },
    );

    it('resets a password: the old one stops working and sessions end', async () => {
      const user = await counselorIn(world.school);
      const login = await t.http
        .post('/api/v1/auth/login')
        .send({ username: user.username, password: Factory.PASSWORD })
        .expect(200);

      await api.schoolAdmin.patch(`/users/${user.id}`).send({ password: NEW_PASSWORD }).expect(200);

      await t.http
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: login.body.refreshToken })
        .expect(401);
      await t.http
        .post('/api/v1/auth/login')
        .send({ username: user.username, password: Factory.PASSWORD })
        .expect(401);
      await expect(t.login(user.username, NEW_PASSWORD)).resolves.toEqual(expect.any(String));
    });

    it('refuses a password shorter than 12 characters with 400 and keeps the old one', async () => {
      const user = await counselorIn(world.school);
      const before = await userRow(user.id);
      const response = await api.schoolAdmin
        .patch(`/users/${user.id}`)
        .send({ password: 'elevenchars' })
        .expect(400);

      expect(JSON.stringify(response.body.message)).toContain('password');
      await expect(userRow(user.id)).resolves.toEqual(before);
    });

    it.each([
      ['a common password', () => 'password1234'],
      ['the username with a suffix', (username: string) => `${username}-2024!`],
    ])(
      'refuses to reset the password to %s with 400 and keeps the old one',
      async (_case, password) => {
        const user = await counselorIn(world.school);
        const before = await userRow(user.id);
        const response = await api.schoolAdmin
          .patch(`/users/${user.id}`)
          .send({ password: password(user.username) })
          .expect(400);

        expect(response.body).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          message: [expect.stringMatching(/^password /)],
        });
        await expect(userRow(user.id)).resolves.toEqual(before);
      },
    );

    it('lets a district admin move a counselor between schools of the district', async () => {
      const user = await counselorIn(world.school);
      const response = await api.districtAdmin
        .patch(`/users/${user.id}`)
        .send({ schoolIds: [world.sisterSchool.id] })
        .expect(200);

      expect(response.body.schoolIds).toEqual([world.sisterSchool.id]);
      await expect(userRow(user.id)).resolves.toMatchObject({
        school_ids: [world.sisterSchool.id],
      });
    });

    it('lets an admin of every school of a shared account change its schools', async () => {
      const user = await counselorIn(world.school, world.sisterSchool);
      const extra = await t.factory.school(world.district);
      const admin = await t.factory.user('school_admin', {
        district: world.district,
        schools: [world.school, world.sisterSchool, extra],
      });

      const response = await t.http
        .patch(`/api/v1/users/${user.id}`)
        .set(bearer(await t.login(admin.username)))
        .send({ schoolIds: [world.sisterSchool.id, extra.id] })
        .expect(200);

      expect(sorted(response.body.schoolIds)).toEqual(sorted([world.sisterSchool.id, extra.id]));
      await expect(userRow(user.id)).resolves.toMatchObject({
        school_ids: sorted([world.sisterSchool.id, extra.id]),
      });
    });

    describe('an account shared with a school beyond the admin’s reach', () => {
      const sharedCounselor = async () => {
        const response = await api.districtAdmin
          .post('/users')
          .send(newUser({ schoolIds: [world.school.id, world.sisterSchool.id] }))
          .expect(201);
        return response.body as ListedUser;
      };

      it.each([
        ['reset its password', () => ({ password: NEW_PASSWORD })],
        ['disable it', () => ({ disabled: true })],
        ['drop the other school', () => ({ schoolIds: [world.school.id] })],
        ['rename it', () => ({ displayName: 'Taken Over' })],
      ])('answers 404 to a school admin trying to %s, and changes nothing', async (_what, body) => {
        const user = await sharedCounselor();
        const before = await userRow(user.id);

        const response = await api.schoolAdmin.patch(`/users/${user.id}`).send(body()).expect(404);

        expect(response.body).toEqual({
          statusCode: 404,
          error: 'Not Found',
          message: `User ${user.id} not found`,
        });
        await expect(userRow(user.id)).resolves.toEqual(before);
      });

      it('cannot be signed into by the school admin to read the other school', async () => {
        const user = await sharedCounselor();
        await api.schoolAdmin
          .patch(`/users/${user.id}`)
          .send({ password: NEW_PASSWORD })
          .expect(404);

        await t.http
          .post('/api/v1/auth/login')
          .send({ username: user.username, password: NEW_PASSWORD })
          .expect(401);
      });

      it('stays in the district admin’s reach', async () => {
        const user = await sharedCounselor();
        await api.districtAdmin
          .patch(`/users/${user.id}`)
          .send({ password: NEW_PASSWORD, displayName: 'Still Managed' })
          .expect(200);

        await expect(t.login(user.username, NEW_PASSWORD)).resolves.toEqual(expect.any(String));
      });
    });

    it('refuses a school admin adding a school outside their reach with 404', async () => {
      const user = await counselorIn(world.school);
      await api.schoolAdmin
        .patch(`/users/${user.id}`)
        .send({ schoolIds: [world.school.id, world.sisterSchool.id] })
        .expect(404);

      await expect(userRow(user.id)).resolves.toMatchObject({ school_ids: [world.school.id] });
    });

    it.each([
      ['a student', 'student', () => [], 'schoolIds'],
      ['a student', 'student', () => [world.school.id, world.sisterSchool.id], 'schoolIds'],
      ['a counselor', 'counselor', () => [], 'schoolIds'],
      ['a district admin', 'district_admin', () => [world.school.id], 'schoolIds'],
    ] as const)(
      'refuses memberships that break the rule for %s with 422 and changes nothing',
      async (_label, role, schoolIds, field) => {
        const user = await t.factory.user(role, {
          district: world.district,
          schools: role === 'district_admin' ? [] : [world.school],
        });
        const before = await userRow(user.id);
        const response = await api.districtAdmin
          .patch(`/users/${user.id}`)
          .send({ schoolIds: schoolIds(), displayName: 'Should Not Stick' })
          .expect(422);

        expect(response.body.message).toContain(field);
        await expect(userRow(user.id)).resolves.toEqual(before);
      },
    );

    it.each([
      ['a school admin', 'a student of a sister school', 'schoolAdmin', 'sisterStudent'],
      ['a school admin', 'a sister school’s admin', 'schoolAdmin', 'sisterAdmin'],
      ['a school admin', 'the district admin', 'schoolAdmin', 'districtAdmin'],
      ['a school admin', 'a student of another district', 'schoolAdmin', 'foreignStudent'],
      ['a district admin', 'an admin of another district', 'districtAdmin', 'foreignAdmin'],
      ['a district admin', 'another district admin', 'districtAdmin', 'foreignDistrictAdmin'],
      ['another district’s admin', 'our student', 'foreignDistrictAdmin', 'student'],
    ] as const)(
      'answers 404 to %s changing %s, and changes nothing',
      async (_who, _whom, who, whom) => {
        const target = world.users[whom];
        const before = await userRow(target.id);
        const response = await api[who]
          .patch(`/users/${target.id}`)
          .send({ displayName: 'Hijacked', password: NEW_PASSWORD })
          .expect(404);

        expect(response.body).toEqual({
          statusCode: 404,
          error: 'Not Found',
          message: expect.any(String),
        });
        await expect(userRow(target.id)).resolves.toEqual(before);
      },
    );

    it('answers 404 for an account that does not exist', async () => {
      await api.districtAdmin
        .patch('/users/00000000-0000-4000-8000-000000000000')
        .send({ displayName: 'Ghost' })
        .expect(404);
    });

    it('answers 400 naming the parameter for an id that is not a uuid', async () => {
      const response = await api.districtAdmin
        .patch('/users/123')
        .send({ displayName: 'Whatever' })
        .expect(400);
      expect(response.body.message).toBe('id must be a UUID');
    });

    it.each([
      ['a bad email', { email: 'nope' }, 'email'],
      ['an unknown locale', { locale: 'xx' }, 'locale'],
      ['a non-boolean disabled', { disabled: 'yes' }, 'disabled'],
      ['a display name set to null', { displayName: null }, 'displayName'],
      ['a locale set to null', { locale: null }, 'locale'],
      ['disabled set to null', { disabled: null }, 'disabled'],
      ['a password set to null', { password: null }, 'password'],
      ['schoolIds set to null', { schoolIds: null }, 'schoolIds'],
      ['an attempt to change the role', { role: 'district_admin' }, 'role'],
      ['an attempt to change the username', { username: 'someone.else' }, 'username'],
    ])('refuses %s with 400 naming the field, and changes nothing', async (_case, body, field) => {
      const user = await counselorIn(world.school);
      const before = await userRow(user.id);
      const response = await api.districtAdmin.patch(`/users/${user.id}`).send(body).expect(400);

      expect(JSON.stringify(response.body.message)).toContain(field);
      await expect(userRow(user.id)).resolves.toEqual(before);
    });

    it.each(NON_ADMINS)('refuses a %s with 403 and changes nothing', async (who) => {
      const target = world.users.student;
      const before = await userRow(target.id);
      await api[who]
        .patch(`/users/${target.id}`)
        .send({ displayName: 'Changed By A Non Admin' })
        .expect(403);
      await expect(userRow(target.id)).resolves.toEqual(before);
    });

    it('refuses a caller without a token with 401 and changes nothing', async () => {
      const target = world.users.student;
      const before = await userRow(target.id);
      await t.http
        .patch(`/api/v1/users/${target.id}`)
        .send({ displayName: 'Changed Anonymously' })
        .expect(401);
      await expect(userRow(target.id)).resolves.toEqual(before);
    });
  });
});
