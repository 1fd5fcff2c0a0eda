import type { User } from '@app/identity';
import { Factory } from './support/factory';
import { TestApp } from './support/test-app';

const WRONG_PASSWORD = 'not the right password';
const LIMITS = {
  LOGIN_FREE_FAILURES_PER_USERNAME_AND_CLIENT: '3',
  LOGIN_FREE_FAILURES_PER_CLIENT: '6',
};
const FIRST_WAIT_SECONDS = 60;

let clientNumber = 0;
/** A client address of its own, so each scenario starts with a clean per-client count. */
const newClient = () => {
  clientNumber += 1;
  return `203.0.113.${clientNumber}`;
};

const tooManyAttempts = {
  statusCode: 429,
  error: 'Too Many Requests',
  message: expect.any(String),
};

function expectRetryAfter(header: string | undefined, maxSeconds: number): void {
  expect(header).toMatch(/^\d+$/);
  expect(Number(header)).toBeGreaterThan(0);
  expect(Number(header)).toBeLessThanOrEqual(maxSeconds);
}

describe('sign-in throttling (behind a trusted proxy, one address per scenario)', () => {
  let t: TestApp;
  let district: Awaited<ReturnType<Factory['district']>>;
  let school: Awaited<ReturnType<Factory['school']>>;

  beforeAll(async () => {
    t = await TestApp.start({
      ...LIMITS,
      LOGIN_BACKOFF_BASE_SECONDS: String(FIRST_WAIT_SECONDS),
      TRUST_PROXY: 'true',
    });
    district = await t.factory.district();
    school = await t.factory.school(district);
  });

  afterAll(() => t.close());

  const newUser = (): Promise<User> => t.factory.user('counselor', { district, schools: [school] });
  const login = (client: string, username: string, password = Factory.PASSWORD) =>
    t.http.post('/api/v1/auth/login').set('X-Forwarded-For', client).send({ username, password });

  async function failTimes(times: number, client: string, username: string): Promise<void> {
    for (let i = 0; i < times; i += 1) await login(client, username, WRONG_PASSWORD).expect(401);
  }

  it('answers 429 after repeated failures for one username from one client, even with the right password', async () => {
    const user = await newUser();
    const client = newClient();
    await failTimes(3, client, user.username);

    const response = await login(client, user.username).expect(429);

    expect(response.body).toEqual(tooManyAttempts);
    expectRetryAfter(response.headers['retry-after'], FIRST_WAIT_SECONDS);
  });

  it('counts the username in any letter case from that client', async () => {
    const user = await newUser();
    const client = newClient();
    await failTimes(3, client, user.username.toUpperCase());

    await login(client, user.username).expect(429);
  });

  it('never refuses the owner signing in from another client, however many failures elsewhere', async () => {
    const user = await newUser();
    const attacker = newClient();
    await failTimes(3, attacker, user.username);
    for (let i = 0; i < 5; i += 1) await login(attacker, user.username, WRONG_PASSWORD).expect(429);

    const response = await login(newClient(), user.username).expect(200);

    expect(response.body.user.id).toBe(user.id);
  });

  it('does not let failures spread over many clients lock the account', async () => {
    const user = await newUser();
    for (let i = 0; i < 4; i += 1) await failTimes(3, newClient(), user.username);

    await login(newClient(), user.username).expect(200);
  });

  it('blocks an unknown username like a known one', async () => {
    const client = newClient();
    await failTimes(3, client, 'nobody.by.this.name');

    const response = await login(client, 'nobody.by.this.name').expect(429);

    expect(response.body).toEqual(tooManyAttempts);
    expectRetryAfter(response.headers['retry-after'], FIRST_WAIT_SECONDS);
  });

  it('leaves other usernames free to sign in while one is blocked', async () => {
    const blocked = await newUser();
    const other = await newUser();
    const client = newClient();
    await failTimes(3, client, blocked.username);
    await login(client, blocked.username).expect(429);

    const response = await login(client, other.username).expect(200);

    expect(response.body.user.id).toBe(other.id);
  });

  it('allows the free failures before the wait', async () => {
    const user = await newUser();
    const client = newClient();
    await failTimes(2, client, user.username);

    await login(client, user.username).expect(200);
  });

  it('resets the count of the username from that client after a successful sign-in', async () => {
    const user = await newUser();
    const client = newClient();
    await failTimes(2, client, user.username);
    await login(client, user.username).expect(200);

    // Without the reset this would be the third and fourth failure: blocked.
    await failTimes(2, client, user.username);
    await login(client, user.username).expect(200);
  });

  it('does not let a burst of simultaneous guesses for one username past the free failures', async () => {
    const user = await newUser();
    const client = newClient();

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => login(client, user.username, WRONG_PASSWORD)),
    );

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it('does not let a burst of simultaneous guesses from one client past its free failures', async () => {
    const client = newClient();

    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(client, `burst.${i}`, WRONG_PASSWORD)),
    );

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(6);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
  });

  it('answers 429 after failures spread across many usernames from one client', async () => {
    const user = await newUser();
    const client = newClient();
    for (let i = 0; i < 3; i += 1) {
      await login(client, (await newUser()).username, WRONG_PASSWORD).expect(401);
      await login(client, `unknown.${i}`, WRONG_PASSWORD).expect(401);
    }

    const response = await login(client, user.username).expect(429);

    expect(response.body).toEqual(tooManyAttempts);
    expectRetryAfter(response.headers['retry-after'], FIRST_WAIT_SECONDS);
  });

  it('blocks only that client: the same account still signs in from elsewhere', async () => {
    const user = await newUser();
    const client = newClient();
    for (let i = 0; i < 6; i += 1) {
      await login(client, `guess.${i}`, WRONG_PASSWORD).expect(401);
    }
    await login(client, user.username).expect(429);

    await login(newClient(), user.username).expect(200);
  });

  it('does not let a successful sign-in reset the per-client count', async () => {
    const user = await newUser();
    const client = newClient();
    for (let i = 0; i < 5; i += 1) {
      await login(client, `spray.${i}`, WRONG_PASSWORD).expect(401);
    }
    await login(client, user.username).expect(200);
    await login(client, 'spray.last', WRONG_PASSWORD).expect(401);

    await login(client, user.username).expect(429);
  });

  it('does not count successful sign-ins against the client', async () => {
    const client = newClient();
    for (let i = 0; i < 8; i += 1) {
      const user = await newUser();
      await login(client, user.username).expect(200);
    }

    for (let i = 0; i < 5; i += 1) {
      await login(client, `still.allowed.${i}`, WRONG_PASSWORD).expect(401);
    }
    await login(client, (await newUser()).username).expect(200);
  });

  it('does not count malformed requests as failed sign-ins', async () => {
    const user = await newUser();
    const client = newClient();
    for (let i = 0; i < 8; i += 1) {
      await t.http
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', client)
        .send({ username: user.username })
        .expect(400);
    }

    await login(client, user.username).expect(200);
  });
});

describe('sign-in throttling (no trusted proxy)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start(LIMITS);
  });

  afterAll(() => t.close());

  it('ignores a spoofed X-Forwarded-For when counting failures per client', async () => {
    const district = await t.factory.district();
    const user = await t.factory.user('district_admin', { district });
    for (let i = 0; i < 6; i += 1) {
      await t.http
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `198.51.100.${i}`)
        .send({ username: `spoofer.${i}`, password: WRONG_PASSWORD })
        .expect(401);
    }

    const response = await t.http
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '198.51.100.200')
      .send({ username: user.username, password: Factory.PASSWORD })
      .expect(429);

    expect(response.body).toEqual(tooManyAttempts);
  });
});

describe('sign-in throttling (short waits)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({
      ...LIMITS,
      LOGIN_BACKOFF_BASE_SECONDS: '1',
      LOGIN_BACKOFF_MAX_SECONDS: '2',
    });
  });

  afterAll(() => t.close());

  const sleep = (seconds: number) =>
    new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 100));

  it('lets the username try again once the wait has passed, doubling the wait up to the cap', async () => {
    const district = await t.factory.district();
    const user = await t.factory.user('district_admin', { district });
    const login = (password: string) =>
      t.http.post('/api/v1/auth/login').send({ username: user.username, password });
    for (let i = 0; i < 3; i += 1) await login(WRONG_PASSWORD).expect(401);
    const first = await login(Factory.PASSWORD).expect(429);
    expect(first.headers['retry-after']).toBe('1');

    await sleep(1);
    await login(WRONG_PASSWORD).expect(401);
    const second = await login(Factory.PASSWORD).expect(429);
    expect(second.headers['retry-after']).toBe('2');

    await sleep(2);
    await login(WRONG_PASSWORD).expect(401);
    const capped = await login(Factory.PASSWORD).expect(429);
    expect(capped.headers['retry-after']).toBe('2');

    await sleep(2);
    await login(Factory.PASSWORD).expect(200);
  });
});
