import { DemoSeedService, type Profile, type User } from '@app/identity';
import { TestApp } from './support/test-app';

describe('GET /api/v1/me', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<TestApp['factory']['world']>>;

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
  });

  afterAll(() => t.close());

  async function profileOf(user: User) {
    const token = await t.login(user.username);
    const response = await t.http
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    return response.body as Profile;
  }

  const schoolOf = (school: { id: string; name: string; code: string; timeZone: string }) => ({
    id: school.id,
    name: school.name,
    code: school.code,
    timeZone: school.timeZone,
    places: [],
  });

  it.each(['student', 'staff', 'counselor', 'schoolAdmin'] as const)(
    'shows a %s their account and their school, and no children',
    async (key) => {
      const user = world.users[key];

      await expect(profileOf(user)).resolves.toEqual({
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        locale: 'en',
        schools: [schoolOf(world.school)],
        children: [],
      });
    },
  );

  it('shows a parent their school and their child', async () => {
    const { parent, student } = world.users;

    await expect(profileOf(parent)).resolves.toEqual({
      id: parent.id,
      username: parent.username,
      displayName: parent.displayName,
      role: 'parent',
      locale: 'en',
      schools: [schoolOf(world.school)],
      children: [{ id: student.id, displayName: student.displayName, schoolId: world.school.id }],
    });
  });

  it('shows a district administrator no schools and no children', async () => {
    const { districtAdmin } = world.users;

    await expect(profileOf(districtAdmin)).resolves.toEqual({
      id: districtAdmin.id,
      username: districtAdmin.username,
      displayName: districtAdmin.displayName,
      role: 'district_admin',
      locale: 'en',
      schools: [],
      children: [],
    });
  });

  it('shows the language the account reads', async () => {
    const reader = await t.factory.user(
      'parent',
      { district: world.district, schools: [world.school] },
      { locale: 'es' },
    );

    await expect(profileOf(reader)).resolves.toMatchObject({ locale: 'es' });
  });

  it('lists every school of a member of several schools', async () => {
    const counselor = await t.factory.user('counselor', {
      district: world.district,
      schools: [world.school, world.sisterSchool],
    });

    const profile = await profileOf(counselor);

    expect(profile.schools).toHaveLength(2);
    expect(profile.schools).toEqual(
      expect.arrayContaining([schoolOf(world.school), schoolOf(world.sisterSchool)]),
    );
  });

  it('lists a parent’s children in every school, and only their guardianship children', async () => {
    const { district, school, sisterSchool } = world;
    const parent = await t.factory.user('parent', { district, schools: [school, sisterSchool] });
    const older = await t.factory.user(
      'student',
      { district, schools: [school] },
      { displayName: 'Ada Older' },
    );
    const younger = await t.factory.user(
      'student',
      { district, schools: [sisterSchool] },
      { displayName: 'Ben Younger' },
    );
    const classmate = await t.factory.user('student', { district, schools: [school] });
    await t.factory.guardianship(parent, older);
    await t.factory.guardianship(parent, younger);

    const profile = await profileOf(parent);

    expect(profile.children).toHaveLength(2);
    expect(profile.children).toEqual(
      expect.arrayContaining([
        { id: older.id, displayName: 'Ada Older', schoolId: school.id },
        { id: younger.id, displayName: 'Ben Younger', schoolId: sisterSchool.id },
      ]),
    );
    const childIds = profile.children.map((child) => child.id);
    expect(childIds).not.toContain(classmate.id);
    expect(childIds).not.toContain(world.users.student.id);
  });

  it('shows a parent with no guardianship no children', async () => {
    const parent = await t.factory.user('parent', {
      district: world.district,
      schools: [world.school],
    });

    const profile = await profileOf(parent);

    expect(profile.children).toEqual([]);
  });

  it('answers 401 without a token', async () => {
    const response = await t.http.get('/api/v1/me').expect(401);
    expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });
});

describe('PATCH /api/v1/me', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<TestApp['factory']['world']>>;

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
  });

  afterAll(() => t.close());

  /** An account of its own, so that each test changes no one else. */
  const freshUser = (role: User['role'] = 'student') =>
    t.factory.user(role, {
      district: world.district,
      schools: role === 'district_admin' ? [] : [world.school],
    });
  const accountRow = async (id: string) => {
    const rows: { display_name: string; locale: string; role: string; username: string }[] =
      await t.dataSource.query(
        'SELECT display_name, locale, role, username FROM users WHERE id = $1',
        [id],
      );
    return rows[0];
  };

  it.each(['student', 'parent', 'staff', 'counselor', 'school_admin', 'district_admin'] as const)(
    'lets a %s change their own language and name, and answers the profile',
    async (role) => {
      const user = await freshUser(role);
      const api = await t.signIn(user);

      const response = await api
        .patch('/me', { locale: 'es', displayName: '  Sam Carter-Núñez ' })
        .expect(200);

      expect(response.body).toMatchObject({
        id: user.id,
        username: user.username,
        role,
        displayName: 'Sam Carter-Núñez',
        locale: 'es',
      });
      expect(Object.keys(response.body).sort()).toEqual(
        ['children', 'displayName', 'id', 'locale', 'role', 'schools', 'username'].sort(),
      );
      await expect(api.me().expectStatus(200)).resolves.toMatchObject({
        displayName: 'Sam Carter-Núñez',
        locale: 'es',
      });
      await expect(accountRow(user.id)).resolves.toMatchObject({
        display_name: 'Sam Carter-Núñez',
        locale: 'es',
      });
    },
  );

  it('changes only the field it is sent', async () => {
    const user = await freshUser();
    const api = await t.signIn(user);

    await api.patch('/me', { locale: 'es' }).expect(200);
    await expect(accountRow(user.id)).resolves.toMatchObject({
      display_name: user.displayName,
      locale: 'es',
    });
    await api.patch('/me', { displayName: 'New Name' }).expect(200);
    await expect(accountRow(user.id)).resolves.toMatchObject({
      display_name: 'New Name',
      locale: 'es',
    });
    await api.patch('/me', { locale: 'en' }).expect(200);
    await expect(accountRow(user.id)).resolves.toMatchObject({ locale: 'en' });
  });

  it.each([
    ['an empty body', {}, 'displayName'],
    ['a body of nulls', { displayName: null, locale: null }, 'displayName'],
    ['an unsupported language', { locale: 'fr' }, 'locale'],
    ['a language in capitals', { locale: 'ES' }, 'locale'],
    ['an empty name', { displayName: '' }, 'displayName'],
    ['a name of spaces', { displayName: '   ' }, 'displayName'],
    ['a name over 200 characters', { displayName: 'n'.repeat(201) }, 'displayName'],
    ['a name that is a number', { displayName: 42 }, 'displayName'],
    ['a name that is a list', { displayName: ['Sam'] }, 'displayName'],
    ['a role', { role: 'district_admin' }, 'role'],
    ['a username', { username: 'someone.else' }, 'username'],
    ['the disabled flag', { disabled: false, locale: 'es' }, 'disabled'],
    ['a password', { password: 'a new passphrase for me' }, 'password'],
    ['an e-mail address', { email: 'x@example.org' }, 'email'],
  ])('refuses %s with 400 naming the field, and changes nothing', async (_case, body, field) => {
    const user = await freshUser();
    const before = await accountRow(user.id);

    const response = await (await t.signIn(user)).patch('/me', body).expect(400);

    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(JSON.stringify(response.body.message)).toContain(field);
    await expect(accountRow(user.id)).resolves.toEqual(before);
  });

  it('answers 400, not 500, to a body that is not an object', async () => {
    const api = await t.signIn(await freshUser());
    for (const raw of ['[]', '"es"', 'null']) {
      const response = await api.patch('/me').set('Content-Type', 'application/json').send(raw);
      expect(response.status).toBe(400);
    }
  });

  it('refuses a caller without a token with 401', async () => {
    const response = await t.anonymous().patch('/me', { locale: 'es' }).expect(401);
    expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('refuses a disabled account’s still-valid token with 401 and changes nothing', async () => {
    const user = await freshUser();
    const api = await t.signIn(user);
    await t.dataSource.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);

    await api.patch('/me', { locale: 'es' }).expect(401);

    await expect(accountRow(user.id)).resolves.toMatchObject({ locale: 'en' });
  });
});

describe('demo data', () => {
  const DEMO_PASSWORD = 'safe-schools-demo';
  const MAPLE = 'Maple Ridge Middle School';
  const OAK = 'Oak Hill Elementary';
  let t: TestApp;
  let firstSeeding: boolean[];

  beforeAll(async () => {
    t = await TestApp.start();
    const seeder = t.app.get(DemoSeedService);
    // Two API processes starting together against the same empty database.
    firstSeeding = await Promise.all([
      seeder.seedIfEmpty(DEMO_PASSWORD),
      seeder.seedIfEmpty(DEMO_PASSWORD),
    ]);
  });

  afterAll(() => t.close());

  async function meAs(username: string) {
    const token = await t.login(username, DEMO_PASSWORD);
    const response = await t.http
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    return response.body as Profile;
  }

  async function schoolId(code: string): Promise<string> {
    const rows: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM schools WHERE code = $1',
      [code],
    );
    expect(rows).toHaveLength(1);
    return rows[0].id;
  }

  async function counts(): Promise<Record<string, number>> {
    const [row]: Record<string, number>[] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM districts)::int AS districts,
              (SELECT count(*) FROM schools)::int AS schools,
              (SELECT count(*) FROM users)::int AS users,
              (SELECT count(*) FROM school_memberships)::int AS memberships,
              (SELECT count(*) FROM guardianships)::int AS guardianships`,
    );
    return row;
  }

  it('seeds an empty database exactly once, even when asked twice at the same time', () => {
    expect(firstSeeding.sort()).toEqual([false, true]);
  });

  it('creates the district "Riverside Unified" with its two schools', async () => {
    const schools = await t.dataSource.query(
      `SELECT s.name, s.code, s.time_zone AS "timeZone", s.holidays,
              s.triage_school_days AS "triage", s.resolve_school_days AS "resolve",
              d.name AS district
         FROM schools s JOIN districts d ON d.id = s.district_id
        ORDER BY s.code`,
    );
    const school = { timeZone: 'America/New_York', holidays: [], triage: 1, resolve: 10 };
    expect(schools).toEqual([
      { name: MAPLE, code: 'MAPLE', district: 'Riverside Unified', ...school },
      { name: OAK, code: 'OAKHILL', district: 'Riverside Unified', ...school },
    ]);
  });

  it.each([
    ['district.dana', 'district_admin', null],
    ['admin.alex', 'school_admin', 'MAPLE'],
    ['counselor.casey', 'counselor', 'MAPLE'],
    ['counselor.morgan', 'counselor', 'MAPLE'],
    ['staff.taylor', 'staff', 'MAPLE'],
    ['student.sam', 'student', 'MAPLE'],
    ['student.jo', 'student', 'MAPLE'],
    ['parent.pat', 'parent', 'MAPLE'],
    ['admin.avery', 'school_admin', 'OAKHILL'],
    ['counselor.chris', 'counselor', 'OAKHILL'],
    ['student.riley', 'student', 'OAKHILL'],
    ['parent.quinn', 'parent', 'OAKHILL'],
  ])('lets %s sign in with the demo password as %s of school %s', async (username, role, code) => {
    const profile = await meAs(username);

    expect(profile).toMatchObject({ username, role });
    if (code === null) {
      expect(profile.schools).toEqual([]);
    } else {
      expect(profile.schools).toEqual([
        {
          id: await schoolId(code),
          name: code === 'MAPLE' ? MAPLE : OAK,
          code,
          timeZone: 'America/New_York',
          places: [],
        },
      ]);
    }
  });

  it('seeds exactly the accounts of the table in API.md', async () => {
    const users = await t.dataSource.query('SELECT username, role FROM users ORDER BY username');
    expect(users).toEqual([
      { username: 'admin.alex', role: 'school_admin' },
      { username: 'admin.avery', role: 'school_admin' },
      { username: 'counselor.casey', role: 'counselor' },
      { username: 'counselor.chris', role: 'counselor' },
      { username: 'counselor.morgan', role: 'counselor' },
      { username: 'district.dana', role: 'district_admin' },
      { username: 'parent.pat', role: 'parent' },
      { username: 'parent.quinn', role: 'parent' },
      { username: 'staff.taylor', role: 'staff' },
      { username: 'student.jo', role: 'student' },
      { username: 'student.riley', role: 'student' },
      { username: 'student.sam', role: 'student' },
    ]);
  });

  it('puts district.dana in the Riverside Unified district', async () => {
    const rows = await t.dataSource.query(
      `SELECT d.name FROM users u JOIN districts d ON d.id = u.district_id WHERE u.username = $1`,
      ['district.dana'],
    );
    expect(rows).toEqual([{ name: 'Riverside Unified' }]);
  });

  it('makes parent.pat the guardian of student.sam only', async () => {
    const sam = await meAs('student.sam');

    const pat = await meAs('parent.pat');

    expect(pat.children).toEqual([
      { id: sam.id, displayName: sam.displayName, schoolId: await schoolId('MAPLE') },
    ]);
  });

  it('makes parent.quinn the guardian of student.riley only', async () => {
    const riley = await meAs('student.riley');

    const quinn = await meAs('parent.quinn');

    expect(quinn.children).toEqual([
      { id: riley.id, displayName: riley.displayName, schoolId: await schoolId('OAKHILL') },
    ]);
  });

  it('refuses a demo account with another password', async () => {
    await t.http
      .post('/api/v1/auth/login')
      .send({ username: 'admin.alex', password: 'not-the-demo-password' })
      .expect(401);
  });

  it('does nothing when asked to seed a second time', async () => {
    const before = await counts();
    expect(before).toEqual({
      districts: 1,
      schools: 2,
      users: 12,
      memberships: 11,
      guardianships: 2,
    });

    await expect(t.app.get(DemoSeedService).seedIfEmpty(DEMO_PASSWORD)).resolves.toBe(false);

    await expect(counts()).resolves.toEqual(before);
  });
});
