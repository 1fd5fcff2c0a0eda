import { createHmac, randomUUID } from 'node:crypto';
import type { User } from '@app/identity';
import { Factory } from './support/factory';
import { TestApp } from './support/test-app';

const JWT_SECRET = 'auth-e2e-secret-that-is-long-enough-for-hs256';
const WRONG_PASSWORD = 'not the right password';
const INVALID_CREDENTIALS = {
  statusCode: 401,
  error: 'Unauthorized',
  message: 'Invalid username or password',
};

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Builds a JWT by hand, so a test can choose every part the server must check. */
function signToken(
  payload: Record<string, unknown>,
  { secret = JWT_SECRET, alg = 'HS256' }: { secret?: string; alg?: string } = {},
): string {
  const unsigned = `${base64url({ alg, typ: 'JWT' })}.${base64url(payload)}`;
  if (alg === 'none') return `${unsigned}.`;
  const digest = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
  if (!digest) throw new Error(`cannot sign with ${alg}`);
  return `${unsigned}.${createHmac(digest, secret).update(unsigned).digest('base64url')}`;
}

/** Claims the API issues itself: a 15-minute HS256 token for one user. */
function claimsFor(user: Pick<User, 'id' | 'role'>, overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: user.id,
    role: user.role,
    iat: now,
    exp: now + 900,
    iss: 'safe-schools',
    aud: 'safe-schools-api',
    ...overrides,
  };
}

type JwtPart = Record<string, unknown>;

/** The decoded header (index 0) or claims (index 1) of a JWT. */
const decodePart = (token: string, index: number) =>
  JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8')) as JwtPart;

describe('auth', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<TestApp['factory']['world']>>;

  beforeAll(async () => {
    t = await TestApp.start({ JWT_SECRET });
    world = await t.factory.world();
  });

  afterAll(() => t.close());

  const login = (username: unknown, password: unknown = Factory.PASSWORD) =>
    t.http.post('/api/v1/auth/login').send({ username, password });
  const refresh = (refreshToken: unknown) =>
    t.http.post('/api/v1/auth/refresh').send({ refreshToken });
  const logout = (refreshToken: unknown) =>
    t.http.post('/api/v1/auth/logout').send({ refreshToken });
  const me = (accessToken: string) =>
    t.http.get('/api/v1/me').set('Authorization', `Bearer ${accessToken}`);

  /** A fresh account, so a test that disables or signs out touches no one else. */
  const freshUser = (overrides: Partial<User> = {}) =>
    t.factory.user('staff', { district: world.district, schools: [world.school] }, overrides);

  async function signIn(user: User): Promise<{ accessToken: string; refreshToken: string }> {
    const response = await login(user.username).expect(200);
    return response.body as { accessToken: string; refreshToken: string };
  }

  describe('POST /api/v1/auth/login', () => {
    it('signs in and returns a token pair', async () => {
      const { counselor } = world.users;
      const response = await t.http
        .post('/api/v1/auth/login')
        .send({ username: counselor.username, password: 'correct horse battery staple' })
        .expect(200);
      expect(response.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 900,
        user: { id: counselor.id, role: 'counselor', displayName: counselor.displayName },
      });
    });

    it('issues an HS256 access token for the user that opens GET /me', async () => {
      const { student } = world.users;
      const { accessToken } = await signIn(student);

      expect(decodePart(accessToken, 0)).toMatchObject({ alg: 'HS256' });
      const claims = decodePart(accessToken, 1);
      expect(claims).toMatchObject({
        sub: student.id,
        role: 'student',
        iss: 'safe-schools',
        aud: 'safe-schools-api',
      });
      expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
      const profile = await me(accessToken).expect(200);
      expect(profile.body).toMatchObject({ id: student.id, username: student.username });
    });

    it('gives each sign-in its own distinct tokens', async () => {
      const first = await signIn(world.users.staff);
      const second = await signIn(world.users.staff);
      expect(second.refreshToken).not.toBe(first.refreshToken);
    });

    it('answers an unknown username and a wrong password with the same 401', async () => {
      const unknown = await login('nobody.by.this.name').expect(401);
      const wrongPassword = await login(world.users.counselor.username, WRONG_PASSWORD).expect(401);

      expect(unknown.body).toEqual(INVALID_CREDENTIALS);
      expect(wrongPassword.body).toEqual(unknown.body);
    });

    it('treats the password as case-sensitive', async () => {
      const response = await login(world.users.counselor.username, Factory.PASSWORD.toUpperCase());
      expect(response.status).toBe(401);
      expect(response.body).toEqual(INVALID_CREDENTIALS);
    });

    it('accepts the username in any letter case', async () => {
      const { schoolAdmin } = world.users;
      for (const spelling of [
        schoolAdmin.username.toUpperCase(),
        capitalise(schoolAdmin.username),
      ]) {
        const response = await login(spelling).expect(200);
        expect(response.body.user.id).toBe(schoolAdmin.id);
      }
    });

    it.each([
      ['username is missing', { password: Factory.PASSWORD }, 'username'],
      ['username is empty', { username: '', password: Factory.PASSWORD }, 'username'],
      ['username is a number', { username: 42, password: Factory.PASSWORD }, 'username'],
      ['username is null', { username: null, password: Factory.PASSWORD }, 'username'],
      ['username is an array', { username: ['a', 'b'], password: Factory.PASSWORD }, 'username'],
      [
        'username is too long',
        { username: 'u'.repeat(65), password: Factory.PASSWORD },
        'username',
      ],
      ['password is missing', { username: 'someone' }, 'password'],
      ['password is empty', { username: 'someone', password: '' }, 'password'],
      ['password is a number', { username: 'someone', password: 12345678 }, 'password'],
      ['password is an object', { username: 'someone', password: { $ne: '' } }, 'password'],
      ['password is a boolean', { username: 'someone', password: true }, 'password'],
    ])('answers 400 naming the field when the %s', async (_case, body, field) => {
      const response = await t.http.post('/api/v1/auth/login').send(body).expect(400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.arrayContaining([expect.stringContaining(field)]),
      });
    });

    it('answers 400 naming an unknown extra field, even with correct credentials', async () => {
      const response = await t.http
        .post('/api/v1/auth/login')
        .send({ username: world.users.staff.username, password: Factory.PASSWORD, role: 'admin' })
        .expect(400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: [expect.stringContaining('role')],
      });
    });

    it('lists every bad field at once', async () => {
      const response = await t.http
        .post('/api/v1/auth/login')
        .send({ username: 7, extra: true })
        .expect(400);
      const messages: string[] = response.body.message;
      for (const field of ['username', 'password', 'extra']) {
        expect(messages.some((message) => message.includes(field))).toBe(true);
      }
    });

    it.each([
      ['an empty JSON body', 'application/json', undefined],
      ['a JSON array', 'application/json', '[]'],
      ['a JSON string', 'application/json', '"counselor"'],
      ['JSON null', 'application/json', 'null'],
    ])('answers 400, not 500, to %s', async (_case, contentType, raw) => {
      const request = t.http.post('/api/v1/auth/login').set('Content-Type', contentType);
      const response = await (raw === undefined ? request : request.send(raw));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });

    it('answers 400 naming both fields when there is no body at all', async () => {
      const response = await t.http.post('/api/v1/auth/login').expect(400);
      expect(response.body.message).toEqual(
        expect.arrayContaining([
          expect.stringContaining('username'),
          expect.stringContaining('password'),
        ]),
      );
    });

    it('answers 400 to malformed JSON', async () => {
      const response = await t.http
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"username": "a", ')
        .expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });
  });

  describe('POST /api/v1/auth/refresh', () => {
    it('exchanges a refresh token for a new working pair', async () => {
      const user = await freshUser();
      const first = await signIn(user);

      const response = await refresh(first.refreshToken).expect(200);

      expect(response.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 900,
        user: { id: user.id, role: 'staff', displayName: user.displayName },
      });
      expect(response.body.refreshToken).not.toBe(first.refreshToken);
      const profile = await me(response.body.accessToken).expect(200);
      expect(profile.body.id).toBe(user.id);
      await refresh(response.body.refreshToken).expect(200);
    });

    it('refuses the old refresh token once it has been exchanged', async () => {
      const first = await signIn(await freshUser());
      await refresh(first.refreshToken).expect(200);

      const reused = await refresh(first.refreshToken).expect(401);

      expect(reused.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: expect.any(String),
      });
    });

    it('revokes the whole family when a rotated token is presented again', async () => {
      const user = await freshUser();
      const stolen = await signIn(user);
      const second = (await refresh(stolen.refreshToken).expect(200)).body;
      const newest = (await refresh(second.refreshToken).expect(200)).body;

      await refresh(stolen.refreshToken).expect(401);

      await refresh(newest.refreshToken).expect(401);
    });

    it('leaves the same user’s other sign-ins working when one family is revoked', async () => {
      const user = await freshUser();
      const laptop = await signIn(user);
      const phone = await signIn(user);
      await refresh(laptop.refreshToken).expect(200);

      await refresh(laptop.refreshToken).expect(401);

      const phoneRefreshed = await refresh(phone.refreshToken).expect(200);
      await refresh(phoneRefreshed.body.refreshToken).expect(200);
    });

    it('ends the access tokens of the user when a rotated token is presented again', async () => {
      const session = await signIn(await freshUser());
      const rotated = (await refresh(session.refreshToken).expect(200)).body;
      await me(rotated.accessToken).expect(200);

      await refresh(session.refreshToken).expect(401);

      await me(rotated.accessToken).expect(401);
      await me(session.accessToken).expect(401);
    });

    it('lets only one of two simultaneous refreshes with the same token succeed', async () => {
      const session = await signIn(await freshUser());

      const answers = await Promise.all([
        refresh(session.refreshToken),
        refresh(session.refreshToken),
      ]);

      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
      const winner = answers.find((answer) => answer.status === 200)!;
      // The second use looked like a stolen copy, so the family is gone.
      await refresh(winner.body.refreshToken).expect(401);
    });

    it('answers 401 to an unknown refresh token', async () => {
      const response = await refresh('this-token-was-never-issued').expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    });

    it('answers 401 to an expired refresh token', async () => {
      const user = await freshUser();
      const session = await signIn(user);
      await t.dataSource.query(
        `UPDATE refresh_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
        [user.id],
      );

      await refresh(session.refreshToken).expect(401);
    });

    it.each([
      ['missing', {}],
      ['empty', { refreshToken: '' }],
      ['a number', { refreshToken: 123 }],
      ['an object', { refreshToken: { token: 'x' } }],
    ])('answers 400 naming refreshToken when it is %s', async (_case, body) => {
      const response = await t.http.post('/api/v1/auth/refresh').send(body).expect(400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.arrayContaining([expect.stringContaining('refreshToken')]),
      });
    });

    it('answers 400 naming an unknown extra field', async () => {
      const session = await signIn(await freshUser());
      const response = await t.http
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: session.refreshToken, userId: world.users.districtAdmin.id })
        .expect(400);
      expect(response.body.message).toEqual([expect.stringContaining('userId')]);
      // The refused request did not use the token up.
      await refresh(session.refreshToken).expect(200);
    });
  });

  describe('POST /api/v1/auth/logout', () => {
    it('answers 204 and the refresh token stops working', async () => {
      const session = await signIn(await freshUser());

      const response = await logout(session.refreshToken).expect(204);

      expect(response.text).toBe('');
      await refresh(session.refreshToken).expect(401);
    });

    it('ends the session that the token belongs to, including its newer tokens', async () => {
      const session = await signIn(await freshUser());
      const rotated = (await refresh(session.refreshToken).expect(200)).body;

      await logout(rotated.refreshToken).expect(204);

      await refresh(rotated.refreshToken).expect(401);
    });

    it('leaves the user’s other sessions signed in: they refresh for a new access token', async () => {
      const user = await freshUser();
      const leaving = await signIn(user);
      const staying = await signIn(user);

      await logout(leaving.refreshToken).expect(204);

      await me(staying.accessToken).expect(401);
      const renewed = await refresh(staying.refreshToken).expect(200);
      await me(renewed.body.accessToken).expect(200);
    });

    it('ends the access token of the session at once, not when it expires', async () => {
      const session = await signIn(await freshUser());
      await me(session.accessToken).expect(200);

      await logout(session.refreshToken).expect(204);

      const response = await me(session.accessToken).expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    });

    it('lets the user sign in again at once, within the same second as the sign-out', async () => {
      const user = await freshUser();
      for (let round = 0; round < 3; round += 1) {
        const before = await signIn(user);
        await logout(before.refreshToken).expect(204);
        const after = await signIn(user);

        await me(before.accessToken).expect(401);
        await me(after.accessToken).expect(200);
        await logout(after.refreshToken).expect(204);
      }
    });

    it('refuses a whole-second token issued in the second of the sign-out', async () => {
      const user = await freshUser();
      const session = await signIn(user);
      const issuedAt = Number(decodePart(session.accessToken, 1).iat);

      await logout(session.refreshToken).expect(204);

      await me(signToken(claimsFor(user, { iat: issuedAt, exp: issuedAt + 900 }))).expect(401);
    });

    it('answers 204 to an unknown token', async () => {
      await logout('this-token-was-never-issued').expect(204);
    });

    it('answers 204 when the same token is logged out twice', async () => {
      const session = await signIn(await freshUser());
      await logout(session.refreshToken).expect(204);
      await logout(session.refreshToken).expect(204);
    });

    it('answers 400 naming refreshToken when it is missing', async () => {
      const response = await t.http.post('/api/v1/auth/logout').send({}).expect(400);
      expect(response.body.message).toEqual(
        expect.arrayContaining([expect.stringContaining('refreshToken')]),
      );
    });
  });

  describe('disabled accounts', () => {
    it('cannot sign in, with the same answer as a wrong password', async () => {
      const user = await freshUser({ disabled: true });

      const withCorrectPassword = await login(user.username).expect(401);
      const withWrongPassword = await login(user.username, WRONG_PASSWORD).expect(401);

      expect(withCorrectPassword.body).toEqual(INVALID_CREDENTIALS);
      expect(withWrongPassword.body).toEqual(INVALID_CREDENTIALS);
    });

    it('lose their refresh and access tokens as soon as they are disabled', async () => {
      const user = await freshUser();
      const session = await signIn(user);
      await me(session.accessToken).expect(200);

      await t.dataSource.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);

      const profile = await me(session.accessToken).expect(401);
      expect(profile.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      await refresh(session.refreshToken).expect(401);
    });

    it('stay signed out after being enabled again', async () => {
      const user = await freshUser();
      const session = await signIn(user);
      await t.dataSource.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);
      await refresh(session.refreshToken).expect(401);

      await t.dataSource.query('UPDATE users SET disabled = false WHERE id = $1', [user.id]);

      await refresh(session.refreshToken).expect(401);
      await signIn(user);
    });

    it('lose access at once when an administrator disables them through the API', async () => {
      const user = await freshUser();
      const session = await signIn(user);
      const adminToken = await t.login(world.users.schoolAdmin.username);

      await t.http
        .patch(`/api/v1/users/${user.id}`)
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ disabled: true })
        .expect(200);

      await me(session.accessToken).expect(401);
      await refresh(session.refreshToken).expect(401);
      const again = await login(user.username).expect(401);
      expect(again.body).toEqual(INVALID_CREDENTIALS);
    });
  });

  describe('access tokens', () => {
    it('accepts a well-formed token signed with the server secret', async () => {
      // The control for the refusals below: only the one flaw differs.
      const response = await me(signToken(claimsFor(world.users.counselor))).expect(200);
      expect(response.body.id).toBe(world.users.counselor.id);
    });

    it('answers 401 without a token', async () => {
      const response = await t.http.get('/api/v1/me').expect(401);
      expect(response.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: expect.any(String),
      });
    });

    it.each([
      ['garbage', 'Bearer not-a-token'],
      ['three garbage parts', 'Bearer aaa.bbb.ccc'],
      ['an empty bearer token', 'Bearer '],
      ['another scheme', 'Basic dXNlcjpwYXNz'],
      ['a refresh token', 'Bearer REFRESH'],
      ['a token without the scheme', 'TOKEN'],
    ])('answers 401 to %s', async (_case, header) => {
      const session = await signIn(world.users.staff);
      const value = header
        .replace('REFRESH', session.refreshToken)
        .replace('TOKEN', session.accessToken);
      const response = await t.http.get('/api/v1/me').set('Authorization', value).expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    });

    it('answers 401 to a token signed with another secret', async () => {
      const token = signToken(claimsFor(world.users.counselor), {
        secret: 'some-other-secret-that-is-long-enough-too',
      });
      await me(token).expect(401);
    });

    it('answers 401 to an unsigned token (alg none)', async () => {
      await me(signToken(claimsFor(world.users.counselor), { alg: 'none' })).expect(401);
    });

    it('answers 401 to a token signed with another algorithm, even with the right secret', async () => {
      await me(signToken(claimsFor(world.users.counselor), { alg: 'HS512' })).expect(401);
    });

    it('answers 401 to an expired token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = signToken(
        claimsFor(world.users.counselor, { iat: now - 1000, exp: now - 100 }),
      );
      await me(token).expect(401);
    });

    it.each([
      ['issuer', { iss: 'someone-else' }],
      ['audience', { aud: 'another-api' }],
    ])('answers 401 to a token for another %s', async (_case, overrides) => {
      await me(signToken(claimsFor(world.users.counselor, overrides))).expect(401);
    });

    it('answers 401 to a token whose payload was altered after signing', async () => {
      const { accessToken } = await signIn(world.users.student);
      const [header, , signature] = accessToken.split('.');
      const forged = base64url({
        ...decodePart(accessToken, 1),
        sub: world.users.districtAdmin.id,
        role: 'district_admin',
      });

      await me(`${header}.${forged}.${signature}`).expect(401);
    });

    it('answers 401 to a validly signed token without an expiry', async () => {
      await me(signToken(claimsFor(world.users.counselor, { exp: undefined }))).expect(401);
    });

    it('answers 401 to a validly signed token without an issue time', async () => {
      await me(signToken(claimsFor(world.users.counselor, { iat: undefined }))).expect(401);
    });

    it('ends every access token of a user when an administrator resets the password', async () => {
      const user = await freshUser();
      const session = await signIn(user);
      const adminToken = await t.login(world.users.schoolAdmin.username);

      await t.http
        .patch(`/api/v1/users/${user.id}`)
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ password: 'an entirely new passphrase' })
        .expect(200);

      await me(session.accessToken).expect(401);
      await refresh(session.refreshToken).expect(401);
    });

    it('answers 401 to a validly signed token for an account that does not exist', async () => {
      await me(signToken(claimsFor({ id: randomUUID(), role: 'district_admin' }))).expect(401);
    });
  });
});

function capitalise(username: string): string {
  return username
    .split('.')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('.');
}
