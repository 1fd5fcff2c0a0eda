import type { User } from '@app/identity';
import { Factory } from './support/factory';
import { TestApp } from './support/test-app';

type World = Awaited<ReturnType<Factory['world']>>;

const NEW_PASSWORD = 'lantern orchard velvet compass';
const ROLES = [
  'student',
  'parent',
  'staff',
  'counselor',
  'school_admin',
  'district_admin',
] as const;

describe('POST /api/v1/me/password', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
  });

  afterAll(() => t.close());

  const login = (username: string, password = Factory.PASSWORD) =>
    t.http.post('/api/v1/auth/login').send({ username, password });
  const signIn = async (user: User) =>
    (await login(user.username).expect(200)).body as { accessToken: string; refreshToken: string };
  const me = (accessToken: string) =>
    t.http.get('/api/v1/me').set('Authorization', `Bearer ${accessToken}`);
  const changePassword = (accessToken: string, body: Record<string, unknown>) =>
    t.http.post('/api/v1/me/password').set('Authorization', `Bearer ${accessToken}`).send(body);
  const hashOf = async (userId: string) => {
    const rows: { password_hash: string }[] = await t.dataSource.query(
      'SELECT password_hash FROM users WHERE id = $1',
      [userId],
    );
    return rows[0].password_hash;
  };
  const fresh = (role: (typeof ROLES)[number]) =>
    t.factory.user(role, {
      district: world.district,
      schools: role === 'district_admin' ? [] : [world.school],
    });

  it.each(ROLES)(
    'lets a %s change their own password and stay signed in, ending every other session',
    async (role) => {
      const user = await fresh(role);
      const bystander = world.users.counselor;
      const bystanderHash = await hashOf(bystander.id);
      const current = await signIn(user);
      const other = await signIn(user);

      const response = await changePassword(current.accessToken, {
        currentPassword: Factory.PASSWORD,
        newPassword: NEW_PASSWORD,
      }).expect(200);

      expect(response.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 900,
        user: { id: user.id, role, displayName: user.displayName },
      });
      await me(response.body.accessToken).expect(200);
      await t.http
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: response.body.refreshToken })
        .expect(200);
      await me(current.accessToken).expect(401);
      await me(other.accessToken).expect(401);
      await t.http
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: other.refreshToken })
        .expect(401);
      await t.http
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: current.refreshToken })
        .expect(401);
      await login(user.username).expect(401);
      await login(user.username, NEW_PASSWORD).expect(200);
      await expect(hashOf(bystander.id)).resolves.toBe(bystanderHash);
    },
  );

  it('answers 401 without a token and changes nothing', async () => {
    const user = await fresh('counselor');
    const before = await hashOf(user.id);
    await t.http
      .post('/api/v1/me/password')
      .send({ currentPassword: Factory.PASSWORD, newPassword: NEW_PASSWORD })
      .expect(401);
    await expect(hashOf(user.id)).resolves.toBe(before);
  });

  it('has no way to name another account', async () => {
    const user = await fresh('school_admin');
    const target = await fresh('student');
    const before = await hashOf(target.id);
    const { accessToken } = await signIn(user);

    const response = await changePassword(accessToken, {
      currentPassword: Factory.PASSWORD,
      newPassword: NEW_PASSWORD,
      userId: target.id,
    }).expect(400);

    expect(response.body.message).toEqual(['property userId should not exist']);
    await expect(hashOf(target.id)).resolves.toBe(before);
  });

  it('answers 422 to a wrong current password and changes nothing', async () => {
    const user = await fresh('staff');
    const before = await hashOf(user.id);
    const { accessToken, refreshToken } = await signIn(user);

    const response = await changePassword(accessToken, {
      currentPassword: 'not my password at all',
      newPassword: NEW_PASSWORD,
    }).expect(422);

    expect(response.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'currentPassword is not your current password',
    });
    await expect(hashOf(user.id)).resolves.toBe(before);
    await me(accessToken).expect(200);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken }).expect(200);
  });

  it.each([
    ['a common password', () => 'password1234', /^newPassword .*common/],
    ['the username with a suffix', (user: User) => `${user.username}!!`, /^newPassword .*username/],
    ['fewer than 12 characters', () => 'short one', /^newPassword must be longer than/],
  ])('refuses %s with 400 naming newPassword, and changes nothing', async (_case, make, text) => {
    const user = await fresh('parent');
    const before = await hashOf(user.id);
    const { accessToken } = await signIn(user);

    const response = await changePassword(accessToken, {
      currentPassword: Factory.PASSWORD,
      newPassword: make(user),
    }).expect(400);

    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: [expect.stringMatching(text)],
    });
    await expect(hashOf(user.id)).resolves.toBe(before);
    await me(accessToken).expect(200);
  });

  it('answers 400 naming both fields when they are missing', async () => {
    const { accessToken } = await signIn(await fresh('student'));
    const response = await changePassword(accessToken, {}).expect(400);
    expect(response.body.message).toEqual(
      expect.arrayContaining([
        expect.stringContaining('currentPassword'),
        expect.stringContaining('newPassword'),
      ]),
    );
  });
});

describe('POST /api/v1/me/password (sign-in throttle)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({
      LOGIN_FREE_FAILURES_PER_USERNAME_AND_CLIENT: '2',
      LOGIN_BACKOFF_BASE_SECONDS: '60',
    });
  });

  afterAll(() => t.close());

  it('counts wrong current passwords as failed sign-ins, so it is no password oracle', async () => {
    const district = await t.factory.district();
    const user = await t.factory.user('district_admin', { district });
    const accessToken = await t.login(user.username);
    const change = (currentPassword: string) =>
      t.http
        .post('/api/v1/me/password')
        .set('Authorization', `Bearer ${accessToken}`)
        .send({ currentPassword, newPassword: NEW_PASSWORD });

    await change('first wrong guess').expect(422);
    await change('second wrong guess').expect(422);

    const blocked = await change(Factory.PASSWORD).expect(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    await t.http
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: Factory.PASSWORD })
      .expect(429);
  });
});
