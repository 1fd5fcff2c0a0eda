import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { User } from '@app/identity';
import type { Response, Test } from 'supertest';
import { Factory } from './support/factory';
import { TestApp } from './support/test-app';

const SESSION = '/api/v1/auth/session';
const COOKIE = 'ss_refresh';
const WRONG_PASSWORD = 'not the right password';
const REFRESH_TOKEN_TTL_DAYS = 14;
const NEW_PASSWORD = 'lantern orchard velvet compass';
const ROLES = [
  'student',
  'parent',
  'staff',
  'counselor',
  'school_admin',
  'district_admin',
] as const;

interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

/** The one `Set-Cookie` of a response, its attributes keyed in lower case. */
function setCookieOf(response: Response): SetCookie {
  const header = response.headers['set-cookie'] as unknown as string[] | undefined;
  expect(header).toHaveLength(1);
  const [pair, ...attributes] = header![0].split(';').map((part) => part.trim());
  const equals = pair.indexOf('=');
  return {
    name: pair.slice(0, equals),
    value: pair.slice(equals + 1),
    attributes: Object.fromEntries(
      attributes.map((attribute) => {
        const [key, ...value] = attribute.split('=');
        return [key.toLowerCase(), value.length ? value.join('=') : true];
      }),
    ),
  };
}

/** A Set-Cookie that removes the session cookie. */
function expectCleared(response: Response): void {
  const cookie = setCookieOf(response);
  expect(cookie.name).toBe(COOKIE);
  expect(cookie.value).toBe('');
  expect(cookie.attributes).toMatchObject({ path: SESSION, 'max-age': '0', httponly: true });
  expect(Date.parse(cookie.attributes.expires as string)).toBeLessThanOrEqual(0);
}

describe('browser sessions: the refresh token in an HttpOnly cookie (behind a trusted proxy)', () => {
  let t: TestApp;
  let district: Awaited<ReturnType<Factory['district']>>;
  let school: Awaited<ReturnType<Factory['school']>>;
  /** `http://127.0.0.1:<port>`: the origin supertest's requests reach. */
  let ownOrigin: string;
  let clientNumber = 0;

  beforeAll(async () => {
    t = await TestApp.start({
      TRUST_PROXY: 'true',
      REFRESH_TOKEN_TTL_DAYS: String(REFRESH_TOKEN_TTL_DAYS),
      LOGIN_FREE_FAILURES_PER_USERNAME_AND_CLIENT: '3',
      LOGIN_BACKOFF_BASE_SECONDS: '60',
    });
    district = await t.factory.district();
    school = await t.factory.school(district);
    // Listening on one port, so that every request reaches the same origin.
    const server: Server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ownOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => t.close());

  /** A client address of its own, so that sign-in throttling starts clean. */
  const newClient = () => {
    clientNumber += 1;
    return `198.51.100.${clientNumber}`;
  };
  const freshUser = (overrides: Partial<User> = {}) =>
    t.factory.user('student', { district, schools: [school] }, overrides);

  /** A request to the session routes as the web app sends it: same origin, from one client. */
  const send = (
    path: '' | '/refresh' | '/logout' | '/password',
    client: string,
    cookie?: string,
  ): Test => {
    const request = t.http
      .post(`${SESSION}${path}`)
      .set('X-Forwarded-For', client)
      .set('Sec-Fetch-Site', 'same-origin')
      .set('Origin', ownOrigin);
    return cookie === undefined ? request : request.set('Cookie', `${COOKIE}=${cookie}`);
  };
  const signIn = (user: User, client = newClient(), password = Factory.PASSWORD) =>
    send('', client).send({ username: user.username, password });
  const refresh = (cookie: string | undefined, client = newClient()) =>
    send('/refresh', client, cookie);
  const logout = (cookie: string | undefined, client = newClient()) =>
    send('/logout', client, cookie);
  const me = (accessToken: string) =>
    t.http.get('/api/v1/me').set('Authorization', `Bearer ${accessToken}`);
  const liveTokens = async (user: User) => {
    const rows: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM refresh_tokens
        WHERE user_id = $1 AND revoked_at IS NULL AND rotated_at IS NULL`,
      [user.id],
    );
    return rows[0].n;
  };

  const hashOf = async (user: User) => {
    const rows: { password_hash: string }[] = await t.dataSource.query(
      'SELECT password_hash FROM users WHERE id = $1',
      [user.id],
    );
    return rows[0].password_hash;
  };

  /** A signed-in browser: its access token and the value of its session cookie. */
  async function session(user: User): Promise<{ accessToken: string; cookie: string }> {
    const response = await signIn(user).expect(200);
    return { accessToken: response.body.accessToken, cookie: setCookieOf(response).value };
  }

  describe(`POST ${SESSION}`, () => {
    it('answers the access token and the user, and sets the refresh token as an HttpOnly, Strict cookie on the session path', async () => {
      const user = await freshUser();

      const response = await signIn(user).expect(200);

      expect(response.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: 900,
        user: { id: user.id, role: 'student', displayName: user.displayName },
      });
      expect(response.headers['cache-control']).toBe('no-store');
      const cookie = setCookieOf(response);
      expect(cookie.name).toBe(COOKIE);
      expect(cookie.value).toMatch(/^[\w-]{43}$/);
      expect(cookie.attributes).toEqual({
        'max-age': String(REFRESH_TOKEN_TTL_DAYS * 86_400),
        path: SESSION,
        httponly: true,
        samesite: 'Strict',
      });
      expect(JSON.stringify(response.body)).not.toContain(cookie.value);
      await me(response.body.accessToken).expect(200);
      await expect(liveTokens(user)).resolves.toBe(1);
    });

    it('marks the cookie Secure when the request came over HTTPS', async () => {
      const user = await freshUser();

      const response = await t.http
        .post(SESSION)
        .set('X-Forwarded-For', newClient())
        .set('X-Forwarded-Proto', 'https')
        .set('X-Forwarded-Host', 'reports.example.org')
        .set('Sec-Fetch-Site', 'same-origin')
        .set('Origin', 'https://reports.example.org')
        .send({ username: user.username, password: Factory.PASSWORD })
        .expect(200);

      expect(setCookieOf(response).attributes).toMatchObject({
        secure: true,
        httponly: true,
        samesite: 'Strict',
      });
    });

    it('answers a wrong password and an unknown user with the same 401 as /auth/login, setting no cookie', async () => {
      const user = await freshUser();

      const wrong = await signIn(user, newClient(), WRONG_PASSWORD).expect(401);
      const unknown = await send('', newClient())
        .send({ username: 'nobody.by.this.name', password: Factory.PASSWORD })
        .expect(401);
      const json = await t.http
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', newClient())
        .send({ username: user.username, password: WRONG_PASSWORD })
        .expect(401);

      expect(wrong.body).toEqual(json.body);
      expect(unknown.body).toEqual(json.body);
      expect(wrong.headers['set-cookie']).toBeUndefined();
      expect(unknown.headers['set-cookie']).toBeUndefined();
      await expect(liveTokens(user)).resolves.toBe(0);
    });

    it('refuses a disabled account with the same 401', async () => {
      const user = await freshUser({ disabled: true });
      const response = await signIn(user).expect(401);
      expect(response.body.message).toBe('Invalid username or password');
    });

    it('slows down repeated failures like /auth/login, counting both routes together', async () => {
      const user = await freshUser();
      const client = newClient();
      await signIn(user, client, WRONG_PASSWORD).expect(401);
      await t.http
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', client)
        .send({ username: user.username, password: WRONG_PASSWORD })
        .expect(401);
      await signIn(user, client, WRONG_PASSWORD).expect(401);

      const response = await signIn(user, client).expect(429);

      expect(response.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(response.headers['set-cookie']).toBeUndefined();
      // Another client is not held back.
      await signIn(user, newClient()).expect(200);
    });

    it.each([
      ['no body', undefined, 'username'],
      ['no password', { username: 'someone' }, 'password'],
      ['a number for a username', { username: 7, password: 'x' }, 'username'],
      ['an unknown field', { username: 'a', password: 'b', remember: true }, 'remember'],
    ])('answers 400 naming the field for %s', async (_case, body, field) => {
      const request = send('', newClient());
      const response = await (body === undefined ? request : request.send(body)).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(field);
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('answers 400, not 500, to malformed JSON', async () => {
      const response = await send('', newClient())
        .set('Content-Type', 'application/json')
        .send('{"username": ');
      expect(response.status).toBe(400);
    });

    it('keeps the JSON sign-in for other clients as it was, refresh token in the body', async () => {
      const user = await freshUser();
      const response = await t.http
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', newClient())
        .send({ username: user.username, password: Factory.PASSWORD })
        .expect(200);
      expect(response.body.refreshToken).toEqual(expect.any(String));
      expect(response.headers['set-cookie']).toBeUndefined();
    });
  });

  describe(`POST ${SESSION}/refresh`, () => {
    it('rotates the cookie and answers a new access token in the same shape', async () => {
      const user = await freshUser();
      const first = await session(user);

      const response = await refresh(first.cookie).expect(200);

      expect(response.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: 900,
        user: { id: user.id, role: 'student', displayName: user.displayName },
      });
      const rotated = setCookieOf(response);
      expect(rotated.name).toBe(COOKIE);
      expect(rotated.value).not.toBe(first.cookie);
      expect(rotated.attributes).toMatchObject({
        path: SESSION,
        httponly: true,
        samesite: 'Strict',
        'max-age': String(REFRESH_TOKEN_TTL_DAYS * 86_400),
      });
      await me(response.body.accessToken).expect(200);
      await refresh(rotated.value).expect(200);
    });

    it('answers 401 without a cookie, and clears it', async () => {
      const response = await refresh(undefined).expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      expectCleared(response);
    });

    it.each([
      ['a value never issued', 'this-token-was-never-issued'],
      ['an empty value', ''],
      ['an overlong value', 'x'.repeat(5000)],
    ])('answers 401 to %s, and clears the cookie', async (_case, value) => {
      const response = await refresh(value).expect(401);
      expectCleared(response);
    });

    it('answers 401 to an expired session, and clears the cookie', async () => {
      const user = await freshUser();
      const { cookie } = await session(user);
      await t.dataSource.query(
        `UPDATE refresh_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
        [user.id],
      );

      expectCleared(await refresh(cookie).expect(401));
    });

    it('ends the whole session, access tokens included, when a rotated cookie comes back', async () => {
      const user = await freshUser();
      const stolen = await session(user);
      const second = setCookieOf(await refresh(stolen.cookie).expect(200)).value;
      const newest = await refresh(second).expect(200);

      const reused = await refresh(stolen.cookie).expect(401);

      expectCleared(reused);
      await refresh(setCookieOf(newest).value).expect(401);
      await me(newest.body.accessToken).expect(401);
      await expect(liveTokens(user)).resolves.toBe(0);
    });

    it('ends the session of an account disabled meanwhile', async () => {
      const user = await freshUser();
      const { cookie } = await session(user);
      await t.dataSource.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);

      expectCleared(await refresh(cookie).expect(401));
    });

    it('shares its sessions with the JSON refresh: a cookie session is one family like any other', async () => {
      const user = await freshUser();
      const { cookie } = await session(user);

      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: cookie }).expect(200);

      // The cookie was rotated through the JSON route: presenting it again is a reuse.
      await refresh(cookie).expect(401);
    });

    it('ignores a body', async () => {
      const { cookie } = await session(await freshUser());
      await refresh(cookie).send({ refreshToken: 'something-else' }).expect(200);
    });
  });

  describe(`POST ${SESSION}/logout`, () => {
    it('answers 204, ends the session and its access tokens, and clears the cookie', async () => {
      const user = await freshUser();
      const { accessToken, cookie } = await session(user);

      const response = await logout(cookie).expect(204);

      expect(response.text).toBe('');
      expectCleared(response);
      await refresh(cookie).expect(401);
      await me(accessToken).expect(401);
      await expect(liveTokens(user)).resolves.toBe(0);
    });

    it('answers 204 and clears the cookie without a session too', async () => {
      expectCleared(await logout(undefined).expect(204));
      expectCleared(await logout('never-issued').expect(204));
    });
  });

  describe(`POST ${SESSION}/password`, () => {
    /** The web app's password change: the bearer token, and the cookie the browser sends along. */
    const changePassword = (
      accessToken: string,
      body: Record<string, unknown>,
      cookie?: string,
      client = newClient(),
    ) => send('/password', client, cookie).set('Authorization', `Bearer ${accessToken}`).send(body);

    it.each(ROLES)(
      'lets a %s change their own password: a new session in the cookie, none in the body, every other one ended',
      async (role) => {
        const user = await t.factory.user(role, {
          district,
          schools: role === 'district_admin' ? [] : [school],
        });
        const current = await session(user);
        const other = await session(user);
        const json = (
          await t.http
            .post('/api/v1/auth/login')
            .set('X-Forwarded-For', newClient())
            .send({ username: user.username, password: Factory.PASSWORD })
            .expect(200)
        ).body as { accessToken: string; refreshToken: string };

        const response = await changePassword(
          current.accessToken,
          { currentPassword: Factory.PASSWORD, newPassword: NEW_PASSWORD },
          current.cookie,
        ).expect(200);

        expect(response.body).toEqual({
          accessToken: expect.any(String),
          expiresIn: 900,
          user: { id: user.id, role, displayName: user.displayName },
        });
        expect(response.headers['cache-control']).toBe('no-store');
        const cookie = setCookieOf(response);
        expect(cookie.name).toBe(COOKIE);
        expect(cookie.value).toMatch(/^[\w-]{43}$/);
        expect(cookie.value).not.toBe(current.cookie);
        expect(cookie.attributes).toEqual({
          'max-age': String(REFRESH_TOKEN_TTL_DAYS * 86_400),
          path: SESSION,
          httponly: true,
          samesite: 'Strict',
        });
        expect(JSON.stringify(response.body)).not.toContain(cookie.value);
        // Only the new session lives: its access token works and its cookie refreshes.
        await expect(liveTokens(user)).resolves.toBe(1);
        await me(response.body.accessToken).expect(200);
        for (const old of [current, other, json]) await me(old.accessToken).expect(401);
        await refresh(current.cookie).expect(401);
        await refresh(other.cookie).expect(401);
        await t.http
          .post('/api/v1/auth/refresh')
          .send({ refreshToken: json.refreshToken })
          .expect(401);
        await refresh(cookie.value).expect(200);
        await signIn(user).expect(401);
        await signIn(user, newClient(), NEW_PASSWORD).expect(200);
      },
    );

    it('answers 422 to a wrong current password, setting no cookie and changing nothing', async () => {
      const user = await freshUser();
      const before = await hashOf(user);
      const { accessToken, cookie } = await session(user);

      const response = await changePassword(
        accessToken,
        { currentPassword: WRONG_PASSWORD, newPassword: NEW_PASSWORD },
        cookie,
      ).expect(422);

      expect(response.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'currentPassword is not your current password',
      });
      expect(response.headers['set-cookie']).toBeUndefined();
      await expect(hashOf(user)).resolves.toBe(before);
      await me(accessToken).expect(200);
      await refresh(cookie).expect(200);
    });

    it('refuses an unacceptable new password or a missing field with 400, changing nothing', async () => {
      const user = await freshUser();
      const before = await hashOf(user);
      const { accessToken } = await session(user);

      const common = await changePassword(accessToken, {
        currentPassword: Factory.PASSWORD,
        newPassword: 'password1234',
      }).expect(400);
      const missing = await changePassword(accessToken, {}).expect(400);

      expect(common.body.message).toEqual([expect.stringMatching(/^newPassword .*common/)]);
      expect(missing.body.message).toEqual(
        expect.arrayContaining([
          expect.stringContaining('currentPassword'),
          expect.stringContaining('newPassword'),
        ]),
      );
      expect(common.headers['set-cookie']).toBeUndefined();
      await expect(hashOf(user)).resolves.toBe(before);
    });

    it('counts wrong current passwords as failed sign-ins: 429 after repeated ones', async () => {
      const user = await freshUser();
      const { accessToken } = await session(user);
      const client = newClient();
      const change = (currentPassword: string) =>
        changePassword(
          accessToken,
          { currentPassword, newPassword: NEW_PASSWORD },
          undefined,
          client,
        );
      for (let i = 0; i < 3; i += 1) await change(`wrong guess ${i}`).expect(422);

      const blocked = await change(Factory.PASSWORD).expect(429);

      expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(blocked.headers['set-cookie']).toBeUndefined();
      await signIn(user, client).expect(429);
    });

    it('answers 401 without an access token, even with the session cookie, and changes nothing', async () => {
      const user = await freshUser();
      const before = await hashOf(user);
      const { cookie } = await session(user);

      const response = await send('/password', newClient(), cookie)
        .send({ currentPassword: Factory.PASSWORD, newPassword: NEW_PASSWORD })
        .expect(401);

      expect(response.headers['set-cookie']).toBeUndefined();
      await expect(hashOf(user)).resolves.toBe(before);
      await refresh(cookie).expect(200);
    });

    it.each([
      ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
      ['another Origin', { Origin: 'https://evil.example' }],
    ])('refuses %s with 403, changing nothing', async (_label, headers) => {
      const user = await freshUser();
      const before = await hashOf(user);
      const { accessToken, cookie } = await session(user);

      const response = await t.http
        .post(`${SESSION}/password`)
        .set('X-Forwarded-For', newClient())
        .set('Authorization', `Bearer ${accessToken}`)
        .set('Cookie', `${COOKIE}=${cookie}`)
        .set(headers)
        .send({ currentPassword: Factory.PASSWORD, newPassword: NEW_PASSWORD })
        .expect(403);

      expect(response.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: expect.stringContaining('this site only'),
      });
      expect(response.headers['set-cookie']).toBeUndefined();
      await expect(hashOf(user)).resolves.toBe(before);
      await expect(liveTokens(user)).resolves.toBe(1);
      await me(accessToken).expect(200);
      await refresh(cookie).expect(200);
    });
  });

  describe('requests from another site', () => {
    type Route = '' | '/refresh' | '/logout';
    const ROUTES: Route[] = ['', '/refresh', '/logout'];
    const CROSS_SITE: [string, Record<string, string>][] = [
      ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
      ['Sec-Fetch-Site: same-site', { 'Sec-Fetch-Site': 'same-site' }],
      ['another Origin', { Origin: 'https://evil.example' }],
      ['Origin: null', { Origin: 'null' }],
    ];

    /** A request to `route` with the session cookie and the given headers only. */
    const from = (route: Route, headers: Record<string, string>, cookie: string, user: User) => {
      const request = t.http
        .post(`${SESSION}${route}`)
        .set('X-Forwarded-For', newClient())
        .set('Cookie', `${COOKIE}=${cookie}`)
        .set(headers);
      return route === ''
        ? request.send({ username: user.username, password: Factory.PASSWORD })
        : request;
    };

    it.each(
      ROUTES.flatMap((route) =>
        CROSS_SITE.map(([label, headers]) => [route, label, headers] as const),
      ),
    )('refuses %s with %s (403), changing no session', async (route, _label, headers) => {
      const user = await freshUser();
      const { accessToken, cookie } = await session(user);

      const response = await from(route, headers, cookie, user).expect(403);

      expect(response.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: expect.stringContaining('this site only'),
      });
      expect(response.headers['set-cookie']).toBeUndefined();
      // Nothing happened: the session still refreshes, its access token still works, no new one.
      await expect(liveTokens(user)).resolves.toBe(1);
      await me(accessToken).expect(200);
      await refresh(cookie).expect(200);
    });

    it('does not count a refused cross-site sign-in as a failed attempt', async () => {
      const user = await freshUser();
      const client = newClient();
      for (let i = 0; i < 5; i += 1) {
        await t.http
          .post(SESSION)
          .set('X-Forwarded-For', client)
          .set('Sec-Fetch-Site', 'cross-site')
          .send({ username: user.username, password: WRONG_PASSWORD })
          .expect(403);
      }
      await signIn(user, client).expect(200);
    });

    it.each([
      ['Sec-Fetch-Site: none (typed in the address bar)', { 'Sec-Fetch-Site': 'none' }],
      ['only the own Origin', {}],
    ])('lets through %s', async (_label, headers) => {
      const user = await freshUser();
      const response = await t.http
        .post(SESSION)
        .set('X-Forwarded-For', newClient())
        .set({ Origin: ownOrigin, ...headers })
        .send({ username: user.username, password: Factory.PASSWORD });
      expect(response.status).toBe(200);
    });

    it('lets through a client that sends neither header (not a browser)', async () => {
      const user = await freshUser();
      const response = await t.http
        .post(SESSION)
        .set('X-Forwarded-For', newClient())
        .send({ username: user.username, password: Factory.PASSWORD })
        .expect(200);
      await refresh(setCookieOf(response).value).expect(200);
    });

    it('knows its own origin behind the proxy: the forwarded scheme and host', async () => {
      const user = await freshUser();
      const proxied = (origin: string) =>
        t.http
          .post(SESSION)
          .set('X-Forwarded-For', newClient())
          .set('X-Forwarded-Proto', 'https')
          .set('X-Forwarded-Host', 'reports.example.org')
          .set('Origin', origin)
          .send({ username: user.username, password: Factory.PASSWORD });

      await proxied('https://reports.example.org').expect(200);
      await proxied('http://reports.example.org').expect(403);
      await proxied(ownOrigin).expect(403);
    });
  });

  it('describes the session routes and their answer in the OpenAPI document', async () => {
    const document = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    for (const [path, status] of [
      [SESSION, '200'],
      [`${SESSION}/refresh`, '200'],
      [`${SESSION}/logout`, '204'],
      [`${SESSION}/password`, '200'],
    ]) {
      expect(document.paths[path]?.post?.responses[status]).toBeDefined();
      expect(document.paths[path].post.responses['403']).toBeDefined();
    }
    for (const path of [SESSION, `${SESSION}/password`]) {
      expect(document.paths[path].post.responses['200'].content).toEqual({
        'application/json': { schema: { $ref: '#/components/schemas/SessionDto' } },
      });
    }
    expect(Object.keys(document.components.schemas.SessionDto.properties).sort()).toEqual([
      'accessToken',
      'expiresIn',
      'user',
    ]);
  });
});
