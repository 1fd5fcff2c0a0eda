import { Client } from 'pg';
import type { Test } from 'supertest';
import type { Factory } from './support/factory';
import { TestApp } from './support/test-app';

type World = Awaited<ReturnType<Factory['world']>>;

const ERROR_KEYS = ['error', 'message', 'statusCode'];
const SQL_INJECTION = "'; DROP TABLE users; --";

const cursorOf = (keys: unknown[]) => Buffer.from(JSON.stringify(keys)).toString('base64url');

/** A small deterministic generator (mulberry32), so a failing fuzz case can be replayed. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}

describe('HTTP hardening', () => {
  let t: TestApp;
  let world: World;
  let adminToken: string;
  let schoolAdminToken: string;

  const asAdmin = () => ({ Authorization: `Bearer ${adminToken}` });
  const tableExists = async (name: string): Promise<boolean> => {
    const rows: { exists: string | null }[] = await t.dataSource.query(
      'SELECT to_regclass($1)::text AS exists',
      [`public.${name}`],
    );
    return rows[0].exists !== null;
  };
  const userCount = async (): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query('SELECT count(*)::int AS n FROM users');
    return rows[0].n;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    adminToken = await t.login(world.users.districtAdmin.username);
    schoolAdminToken = await t.login(world.users.schoolAdmin.username);
  });

  afterAll(() => t.close());

  describe('request bodies', () => {
    it('answers 400 to malformed JSON', async () => {
      const response = await t.http
        .post('/api/v1/users')
        .set(asAdmin())
        .set('Content-Type', 'application/json')
        .send('{"username": "half.a.body", ')
        .expect(400);

      expect(Object.keys(response.body).sort()).toEqual(ERROR_KEYS);
      expect(response.body.statusCode).toBe(400);
    });

    it('answers 400 to an empty JSON body on a route that needs one', async () => {
      await t.http
        .post('/api/v1/schools')
        .set(asAdmin())
        .set('Content-Type', 'application/json')
        .send('')
        .expect(400);
    });

    it('answers 400 to a prototype-poisoning body', async () => {
      const before = await userCount();
      await t.http
        .post('/api/v1/users')
        .set(asAdmin())
        .set('Content-Type', 'application/json')
        .send('{"username":"proto.user","__proto__":{"role":"district_admin"}}')
        .expect(400);
      await expect(userCount()).resolves.toBe(before);
    });

    it('answers 400, not 500, to a NUL character that PostgreSQL cannot store', async () => {
      const before = await userCount();
      const response = await t.http
        .post('/api/v1/users')
        .set(asAdmin())
        .send({
          username: 'nul.byte',
          displayName: 'Null\u0000Byte',
          role: 'staff',
          password: 'long enough password',
          schoolIds: [world.school.id],
        })
        .expect(400);

      expect(response.body.message).toEqual(['displayName contains an invalid character']);
      await expect(userCount()).resolves.toBe(before);
      await t.http
        .patch(`/api/v1/schools/${world.school.id}`)
        .set(asAdmin())
        .send({ name: 'Nul\u0000School' })
        .expect(400);
    });

    describe('nested too deep to validate', () => {
      const deepArrays = '['.repeat(2000) + ']'.repeat(2000);
      const deepObjects = '{"a":'.repeat(2000) + '{}' + '}'.repeat(2000);

      it.each([
        ['arrays', '/api/v1/auth/login', deepArrays],
        ['objects', '/api/v1/auth/login', deepObjects],
        ['arrays', '/api/v1/users', deepArrays],
        ['objects', '/api/v1/schools', `{"name":${deepObjects}}`],
      ])('answers 400 to 2,000 levels of %s on %s', async (_kind, path, body) => {
        const before = await userCount();
        const response = await t.http
          .post(path)
          .set(asAdmin())
          .set('Content-Type', 'application/json')
          .send(body)
          .expect(400);

        expect(response.body).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          message: ['body is nested more than 32 levels deep'],
        });
        await expect(userCount()).resolves.toBe(before);
      });

      it('still accepts ordinary nesting', async () => {
        await t.http
          .post('/api/v1/schools')
          .set(asAdmin())
          .send({
            name: 'Nested Policy School',
            code: 'NESTED',
            timeZone: 'UTC',
            policy: { triageSchoolDays: 2, resolveSchoolDays: 12 },
          })
          .expect(201);
      });
    });

    describe('strings that are not text', () => {
      const userBody = (email: string, displayName = 'Lone Surrogate') =>
        `{"username":"lone.surrogate","displayName":"${displayName}","role":"staff",` +
        `"password":"long enough password","schoolIds":["${world.school.id}"],"email":"${email}"}`;

      it.each([
        ['a lone high surrogate', '\\ud800', 'email'],
        ['a lone low surrogate', 'x\\udc00@example.com', 'email'],
        ['a lone surrogate in another field', 'ok@example.com', 'displayName'],
      ])('answers 400 naming the field to %s', async (_case, email, field) => {
        const before = await userCount();
        const body =
          field === 'email' ? userBody(email) : userBody(email, 'Lone \\ud83d Surrogate');
        const response = await t.http
          .post('/api/v1/users')
          .set(asAdmin())
          .set('Content-Type', 'application/json')
          .send(body)
          .expect(400);

        expect(response.body).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          message: [`${field} contains an invalid character`],
        });
        await expect(userCount()).resolves.toBe(before);
      });

      it('answers 400 to a lone surrogate on a public route', async () => {
        const response = await t.http
          .post('/api/v1/auth/login')
          .set('Content-Type', 'application/json')
          .send('{"username":"\\ud800","password":"whatever it is"}')
          .expect(400);
        expect(response.body.message).toEqual(['username contains an invalid character']);
      });

      it('answers 400 naming the parameter to a NUL in the query string', async () => {
        const response = await t.http.get('/api/v1/users?role=%00').set(asAdmin()).expect(400);
        expect(response.body.message).toEqual(['role contains an invalid character']);
      });

      it('keeps a well-formed surrogate pair (emoji)', async () => {
        const response = await t.http
          .post('/api/v1/users')
          .set(asAdmin())
          .set('Content-Type', 'application/json')
          .send(
            userBody('emoji@example.com', 'Emoji \\ud83d\\ude00 Person').replace(
              'lone.surrogate',
              'emoji.person',
            ),
          )
          .expect(201);
        expect(response.body.displayName).toBe('Emoji \u{1F600} Person');
      });
    });

    it.each(['/api/v1/users', '/api/v1/schools', '/api/v1/auth/login'])(
      'answers 400 or 415, never 5xx, to text/plain on %s',
      async (path) => {
        const response = await t.http
          .post(path)
          .set(asAdmin())
          .set('Content-Type', 'text/plain')
          .send('username=someone&password=secret');

        expect([400, 415]).toContain(response.status);
        expect(Object.keys(response.body).sort()).toEqual(ERROR_KEYS);
      },
    );

    it('answers 415 to a content type the API does not parse', async () => {
      const response = await t.http
        .post('/api/v1/schools')
        .set(asAdmin())
        .set('Content-Type', 'application/xml')
        .send('<school><name>XML School</name></school>')
        .expect(415);
      expect(Object.keys(response.body).sort()).toEqual(ERROR_KEYS);
    });

    it.each([
      ['a number for a string', '/api/v1/users', { displayName: 12345 }, 'displayName'],
      ['a boolean for a string', '/api/v1/users', { username: true }, 'username'],
      ['an object for an array', '/api/v1/users', { schoolIds: { 0: 'x' } }, 'schoolIds'],
      ['a string for a boolean', '/api/v1/users', { role: ['student'] }, 'role'],
      ['an array for an object', '/api/v1/schools', { policy: [1, 10] }, 'policy'],
      [
        'an array of objects for an object',
        '/api/v1/schools',
        { policy: [{ triageSchoolDays: 1, resolveSchoolDays: 10 }] },
        'policy',
      ],
      [
        'a string for a number',
        '/api/v1/schools',
        { policy: { triageSchoolDays: '1', resolveSchoolDays: 10 } },
        'policy.triageSchoolDays',
      ],
      ['a number for a list of dates', '/api/v1/schools', { holidays: 20260101 }, 'holidays'],
    ])('answers 400 naming the field for %s', async (_case, path, fields, field) => {
      const valid =
        path === '/api/v1/users'
          ? {
              username: 'typed.user',
              displayName: 'Typed User',
              role: 'staff',
              password: 'long enough password',
              schoolIds: [world.school.id],
            }
          : { name: 'Typed School', code: 'TYPED', timeZone: 'UTC' };
      const response = await t.http
        .post(path)
        .set(asAdmin())
        .send({ ...valid, ...fields })
        .expect(400);

      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.arrayContaining([expect.stringContaining(field)]),
      });
    });

    it.each([
      ['an array', []],
      ['a string', 'just a string'],
      ['a number', 42],
      ['null', null],
    ])('answers 400 to %s where an object is expected', async (_case, body) => {
      const response = await t.http
        .post('/api/v1/schools')
        .set(asAdmin())
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body))
        .expect(400);
      expect(Object.keys(response.body).sort()).toEqual(ERROR_KEYS);
    });
  });

  describe('SQL-looking input', () => {
    it('stores SQL-looking text verbatim and leaves the tables alone', async () => {
      const before = await userCount();
      const displayName = `Robert${SQL_INJECTION}`;
      const created = await t.http
        .post('/api/v1/users')
        .set(asAdmin())
        .send({
          username: 'bobby.tables',
          displayName,
          role: 'staff',
          password: 'long enough password',
          schoolIds: [world.school.id],
        })
        .expect(201);

      expect(created.body.displayName).toBe(displayName);
      const rows: { display_name: string }[] = await t.dataSource.query(
        'SELECT display_name FROM users WHERE id = $1',
        [created.body.id],
      );
      expect(rows).toEqual([{ display_name: displayName }]);
      await expect(tableExists('users')).resolves.toBe(true);
      await expect(userCount()).resolves.toBe(before + 1);

      const school = await t.http
        .post('/api/v1/schools')
        .set(asAdmin())
        .send({ name: "O'Brien'); DROP TABLE schools; --", code: 'OBRIEN', timeZone: 'UTC' })
        .expect(201);
      expect(school.body.name).toBe("O'Brien'); DROP TABLE schools; --");
      await expect(tableExists('schools')).resolves.toBe(true);
    });

    it.each([
      ['a username', '/api/v1/users', { username: SQL_INJECTION }],
      ['a school code', '/api/v1/schools', { code: "X' OR '1'='1" }],
      ['a time zone', '/api/v1/schools', { timeZone: SQL_INJECTION }],
      ['a school id', '/api/v1/users', { schoolIds: [SQL_INJECTION] }],
    ])('refuses SQL in %s with 400', async (_case, path, body) => {
      const before = await userCount();
      const response = await t.http.post(path).set(asAdmin()).send(body);
      expect(response.status).toBe(400);
      await expect(tableExists('users')).resolves.toBe(true);
      await expect(userCount()).resolves.toBe(before);
    });

    it.each([
      ['role', { role: SQL_INJECTION }],
      ['schoolId', { schoolId: "1' OR '1'='1" }],
      ['limit', { limit: '10; DROP TABLE users' }],
      ['cursor', { cursor: SQL_INJECTION }],
    ])('refuses SQL in the %s query parameter with 400', async (field, query) => {
      const response = await t.http.get('/api/v1/users').query(query).set(asAdmin()).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(field);
      await expect(tableExists('users')).resolves.toBe(true);
    });

    it('treats SQL inside a well-formed cursor as a plain value', async () => {
      const response = await t.http
        .get('/api/v1/users')
        .query({ cursor: cursorOf([`' OR 1=1; DROP TABLE users; --`]) })
        .set('Authorization', `Bearer ${schoolAdminToken}`)
        .expect(200);

      expect(response.body.items.length).toBeGreaterThan(0);
      for (const user of response.body.items as { role: string; schoolIds: string[] }[]) {
        expect(user.role).not.toBe('district_admin');
        expect(user.schoolIds).toContain(world.school.id);
      }
      await expect(tableExists('users')).resolves.toBe(true);
    });

    it('answers 4xx to a school cursor whose id is SQL', async () => {
      const response = await t.http
        .get('/api/v1/schools')
        .query({ cursor: cursorOf(['A', "'; DROP TABLE schools; --"]) })
        .set(asAdmin());
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      await expect(tableExists('schools')).resolves.toBe(true);
    });

    it('answers 401 to a login with SQL for a username', async () => {
      await t.http
        .post('/api/v1/auth/login')
        .send({ username: "admin' --", password: "' OR '1'='1" })
        .expect(401);
    });
  });

  describe('list parameters', () => {
    it.each(['/api/v1/users', '/api/v1/schools'])(
      'accepts limit=1 and limit=100 on %s',
      async (path) => {
        for (const limit of ['1', '100']) {
          const response = await t.http.get(path).query({ limit }).set(asAdmin()).expect(200);
          expect(response.body.items.length).toBeLessThanOrEqual(Number(limit));
        }
      },
    );

    const BAD_LIST_QUERIES: [string, Record<string, string | string[]>, string][] = [
      ['limit=0', { limit: '0' }, 'limit'],
      ['limit=101', { limit: '101' }, 'limit'],
      ['limit=abc', { limit: 'abc' }, 'limit'],
      ['limit=-5', { limit: '-5' }, 'limit'],
      ['limit=2.5', { limit: '2.5' }, 'limit'],
      ['limit given twice', { limit: ['1', '2'] }, 'limit'],
      ['cursor=garbage', { cursor: 'garbage' }, 'cursor'],
      ['a cursor with the wrong number of keys', { cursor: cursorOf([1, 2, 3]) }, 'cursor'],
      ['a 600-character cursor', { cursor: 'a'.repeat(600) }, 'cursor'],
      ['an unknown parameter', { page: '2' }, 'page'],
    ];

    it.each(
      ['/api/v1/users', '/api/v1/schools'].flatMap((path) =>
        BAD_LIST_QUERIES.map(([label, query, field]) => [path, label, query, field] as const),
      ),
    )('GET %s with %s answers 400', async (path, _label, query, field) => {
      const response = await t.http.get(path).query(query).set(asAdmin()).expect(400);
      expect(Object.keys(response.body).sort()).toEqual(ERROR_KEYS);
      expect(JSON.stringify(response.body.message)).toContain(field);
    });
  });

  describe('error shape', () => {
    it.each([
      'GET /api/v1/nothing-here',
      'POST /api/v1/nothing-here',
      'GET /api',
      'DELETE /health',
    ])('answers 404 with { statusCode, error, message } to %s', async (route) => {
      const [method, path] = route.split(' ');
      const response = await t.http[method.toLowerCase() as 'get' | 'post' | 'delete'](path)
        .set(asAdmin())
        .expect(404);
      expect(response.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: expect.any(String),
      });
      expect(response.headers['content-type']).toMatch(/application\/json/);
    });

    const failures: [string, number, () => Test][] = [
      ['validation', 400, () => t.http.post('/api/v1/schools').set(asAdmin()).send({})],
      ['bad uuid', 400, () => t.http.patch('/api/v1/users/nope').set(asAdmin()).send({})],
      [
        'malformed JSON',
        400,
        () =>
          t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{oops'),
      ],
      ['no token', 401, () => t.http.get('/api/v1/users')],
      [
        'bad token',
        401,
        () => t.http.get('/api/v1/users').set('Authorization', 'Bearer not.a.jwt'),
      ],
      [
        'bad credentials',
        401,
        () => t.http.post('/api/v1/auth/login').send({ username: 'nobody', password: 'nothing' }),
      ],
      [
        'role refused',
        403,
        () =>
          t.http
            .post('/api/v1/schools')
            .set('Authorization', `Bearer ${schoolAdminToken}`)
            .send({ name: 'Nope', code: 'NOPE', timeZone: 'UTC' }),
      ],
      [
        'out of reach',
        404,
        () =>
          t.http
            .patch(`/api/v1/schools/${world.foreignSchool.id}`)
            .set(asAdmin())
            .send({ name: 'Mine Now' }),
      ],
      ['unknown route', 404, () => t.http.get('/api/v1/does-not-exist')],
      [
        'duplicate',
        409,
        () =>
          t.http
            .post('/api/v1/schools')
            .set(asAdmin())
            .send({ name: 'Duplicate', code: world.school.code, timeZone: 'UTC' }),
      ],
      [
        'unsupported media type',
        415,
        () =>
          t.http
            .post('/api/v1/users')
            .set(asAdmin())
            .set('Content-Type', 'application/xml')
            .send('<a/>'),
      ],
      [
        'rule broken',
        422,
        () =>
          t.http.post('/api/v1/users').set(asAdmin()).send({
            username: 'lonely.student',
            displayName: 'Lonely',
            role: 'student',
            password: 'long enough password',
            schoolIds: [],
          }),
      ],
    ];

    it.each(failures)(
      'a %s error (%i) has exactly the keys statusCode, error and message',
      async (_case, status, send) => {
        const response = await send().expect(status);
        expect(Object.keys(response.body).sort()).toEqual(ERROR_KEYS);
        expect(response.body.statusCode).toBe(status);
        expect(typeof response.body.error).toBe('string');
        expect(['string', 'object']).toContain(typeof response.body.message);
        expect(JSON.stringify(response.body)).not.toMatch(/stack|QueryFailedError|SELECT /);
      },
    );
  });

  describe('health, headers and docs', () => {
    it('GET /health answers 200 { status: "ok" } without a token', async () => {
      const response = await t.http.get('/health').expect(200);
      expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    });

    it('sends the helmet security headers', async () => {
      const response = await t.http.get('/health').expect(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['strict-transport-security']).toEqual(expect.any(String));
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it('sends security headers on API errors too', async () => {
      const response = await t.http.get('/api/v1/users').expect(401);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it('gives every response an x-request-id', async () => {
      const health = await t.http.get('/health').expect(200);
      const api = await t.http.get('/api/v1/users').set(asAdmin()).expect(200);
      const error = await t.http.get('/api/v1/users').expect(401);
      const missing = await t.http.get('/api/v1/no-such-route').expect(404);
      const malformed = await t.http
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send('{')
        .expect(400);

      for (const response of [health, api, error, missing, malformed]) {
        expect(response.headers['x-request-id']).toMatch(/^[\w-]{8,64}$/);
      }
      expect(health.headers['x-request-id']).not.toBe(api.headers['x-request-id']);
    });

    it('echoes a valid incoming x-request-id', async () => {
      const response = await t.http
        .get('/health')
        .set('x-request-id', 'trace-0123456789abcdef')
        .expect(200);
      expect(response.headers['x-request-id']).toBe('trace-0123456789abcdef');

      const api = await t.http
        .get('/api/v1/schools')
        .set(asAdmin())
        .set('x-request-id', 'api-trace-42424242')
        .expect(200);
      expect(api.headers['x-request-id']).toBe('api-trace-42424242');
    });

    it('replaces an invalid incoming x-request-id with its own', async () => {
      const response = await t.http
        .get('/health')
        .set('x-request-id', 'bad id\twith <script>')
        .expect(200);
      expect(response.headers['x-request-id']).toMatch(/^[\w-]{8,64}$/);
      expect(response.headers['x-request-id']).not.toContain('script');
    });

    it('serves the Swagger UI at /api/docs', async () => {
      const response = await t.http.get('/api/docs').redirects(2).expect(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.text).toContain('swagger');
    });

    it('serves the OpenAPI document at /api/docs-json', async () => {
      const response = await t.http.get('/api/docs-json').expect(200);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.body.openapi).toMatch(/^3\./);
      expect(Object.keys(response.body.paths)).toEqual(
        expect.arrayContaining([
          '/health',
          '/api/v1/auth/login',
          '/api/v1/me',
          '/api/v1/users',
          '/api/v1/users/{id}',
          '/api/v1/schools',
          '/api/v1/schools/{id}',
          '/api/v1/guardianships',
          '/api/v1/guardianships/{id}',
        ]),
      );
    });
  });

  describe('fuzzing', () => {
    const SCHOOL_FIELDS = ['name', 'code', 'timeZone', 'holidays', 'policy', 'crisisContacts'];
    const USER_FIELDS = [
      'username',
      'displayName',
      'role',
      'password',
      'schoolIds',
      'email',
      'locale',
    ];
    const NASTY_STRINGS = [
      '',
      ' ',
      '\u0000',
      'nul\u0000byte',
      '\uD800',
      '💥🏫',
      'ünïcødé',
      'x'.repeat(300),
      'y'.repeat(70_000),
      SQL_INJECTION,
      "' OR '1'='1",
      '{"$gt": ""}',
      '../../etc/passwd',
      '<script>alert(1)</script>',
      '%00',
      'NaN',
      '-1',
      '1e309',
      'null',
      'America/New_York',
      'UTC',
      '2026-02-30',
      '0000-01-01',
      '9999-12-31',
      'student',
      'district_admin',
      'es',
      'x@example.org',
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
    ];
    const NASTY_NUMBERS = [0, -1, 1, 1.5, 61, 121, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, -0];

    function fuzzBodies(
      seed: number,
      fields: string[],
      valid: (i: number) => Record<string, unknown>,
    ) {
      const random = randomSource(seed);
      const value = (depth: number): unknown => {
        switch (random.int(depth > 2 ? 4 : 7)) {
          case 0:
            return random.pick(NASTY_STRINGS);
          case 1:
            return random.pick(NASTY_NUMBERS);
          case 2:
            return random.pick([true, false, null]);
          case 3:
            return random.pick([world.school.id, world.foreignSchool.id, world.users.student.id]);
          case 4:
            return Array.from({ length: random.int(4) }, () => value(depth + 1));
          case 5:
            return { triageSchoolDays: value(depth + 1), resolveSchoolDays: value(depth + 1) };
          default:
            return Object.fromEntries(
              Array.from({ length: random.int(4) }, () => [
                random.pick([...fields, 'x', 'constructor', 'toString', '']),
                value(depth + 1),
              ]),
            );
        }
      };
      return Array.from({ length: 200 }, (_, i) => {
        if (random.next() < 0.3) {
          // fully random keys and values
          return Object.fromEntries(
            Array.from({ length: random.int(6) }, () => [
              random.pick([...fields, 'extra', 'id', 'districtId', 'disabled']),
              value(0),
            ]),
          );
        }
        // a valid body with one to three fields replaced, removed or added
        const body: Record<string, unknown> = valid(i);
        for (let n = 1 + random.int(3); n > 0; n--) {
          const field = random.pick(fields);
          if (random.next() < 0.15) delete body[field];
          else body[field] = value(0);
        }
        return body;
      });
    }

    it.each([
      [
        'POST /api/v1/users',
        '/api/v1/users',
        USER_FIELDS,
        (i: number) => ({
          username: `fuzz.user.${i}`,
          displayName: `Fuzz ${i}`,
          role: 'staff',
          password: 'fuzzing password',
          schoolIds: [world.school.id],
        }),
      ],
      [
        'POST /api/v1/schools',
        '/api/v1/schools',
        SCHOOL_FIELDS,
        (i: number) => ({
          name: `Fuzz School ${i}`,
          code: `FUZZ-${i}`,
          timeZone: 'America/Denver',
          holidays: ['2026-12-25'],
          policy: { triageSchoolDays: 2, resolveSchoolDays: 12 },
        }),
      ],
    ])('never answers 5xx to 200 random bodies on %s', async (_route, path, fields, valid) => {
      const bodies = fuzzBodies(path.length * 7919, fields, valid);
      const serverErrors: { body: unknown; status: number; answer: unknown }[] = [];
      const statuses = new Set<number>();
      for (const body of bodies) {
        const response = await t.http.post(path).set(asAdmin()).send(body);
        statuses.add(response.status);
        if (response.status >= 500) {
          serverErrors.push({ body, status: response.status, answer: response.body });
        }
      }

      expect(serverErrors).toEqual([]);
      // the fuzzing reached past validation as well as failing it
      expect([...statuses].some((status) => status >= 200 && status < 300)).toBe(true);
      expect(statuses.has(400)).toBe(true);
      await t.http.get('/health').expect(200);
    });
  });

  /*
   * The apps below run in the same process as `t`. Passport keeps its strategies
   * in a process-wide registry, so once another app has started, `t` would
   * authenticate against that app's (soon closed) database: these describes
   * come last, after every test that needs `t` with a token.
   */
  describe('with a small body limit', () => {
    it('answers 413 to a body over BODY_LIMIT_BYTES, before touching the database', async () => {
      const small = await TestApp.start({ BODY_LIMIT_BYTES: '2048' });
      try {
        const token = await small.login(
          (await small.factory.user('district_admin', { district: await small.factory.district() }))
            .username,
        );
        const response = await small.http
          .post('/api/v1/schools')
          .set('Authorization', `Bearer ${token}`)
          .send({ name: 'x'.repeat(4000), code: 'BIG', timeZone: 'UTC' })
          .expect(413);

        expect(Object.keys(response.body).sort()).toEqual(ERROR_KEYS);
        expect(response.body.statusCode).toBe(413);
        const rows: unknown[] = await small.dataSource.query(
          "SELECT 1 FROM schools WHERE code = 'BIG'",
        );
        expect(rows).toEqual([]);

        await small.http
          .post('/api/v1/schools')
          .set('Authorization', `Bearer ${token}`)
          .send({ name: 'Small Enough School', code: 'SMALL', timeZone: 'UTC' })
          .expect(201);
      } finally {
        await small.close();
      }
    });
  });

  describe('in production without API_DOCS', () => {
    it('serves the OpenAPI document but not the Swagger UI', async () => {
      const production = await TestApp.start({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://the-test-database-is-passed-apart/unused',
      });
      try {
        await production.http.get('/api/docs').redirects(2).expect(404);
        await production.http.get('/api/docs/').expect(404);
        const response = await production.http.get('/api/docs-json').expect(200);
        expect(response.body.openapi).toMatch(/^3\./);
      } finally {
        await production.close();
      }
    });
  });

  describe('when the database is gone', () => {
    it('GET /health answers 503, and the app still shuts down cleanly', async () => {
      const doomed = await TestApp.start();
      let closed = false;
      try {
        await doomed.http.get('/health').expect(200);

        const admin = new Client({ connectionString: process.env.TEST_DATABASE_ADMIN_URL });
        await admin.connect();
        try {
          await admin.query(
            `DROP DATABASE ${admin.escapeIdentifier(doomed.databaseName)} WITH (FORCE)`,
          );
        } finally {
          await admin.end();
        }

        const response = await doomed.http.get('/health').expect(503);
        expect(response.body).toMatchObject({ statusCode: 503 });

        await expect(doomed.close()).resolves.toBeUndefined();
        closed = true;
      } finally {
        if (!closed) await doomed.close().catch(() => undefined);
      }
    });
  });
});
