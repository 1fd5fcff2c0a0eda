import { ConfigurationError, DEVELOPMENT_JWT_SECRET, parseEnvironment } from './environment';

const STRONG_SECRET = 'a-production-secret-of-at-least-32-characters';
const problemsOf = (env: Record<string, string>) => {
  try {
    parseEnvironment(env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
};

describe('parseEnvironment', () => {
  it('gives a working development setup with no variables at all', () => {
    const config = parseEnvironment({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      MIGRATIONS_RUN: true,
      SEED_DEMO: true,
      DEMO_PASSWORD: 'safe-schools-demo',
      JWT_SECRET: DEVELOPMENT_JWT_SECRET,
      JWT_ACCESS_TTL_SECONDS: 900,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('converts numbers and booleans and treats empty values as unset', () => {
    const config = parseEnvironment({
      PORT: '8080',
      SEED_DEMO: 'false',
      MIGRATIONS_RUN: '0',
      DATABASE_URL: ' ',
    });
    expect(config.PORT).toBe(8080);
    expect(config.SEED_DEMO).toBe(false);
    expect(config.MIGRATIONS_RUN).toBe(false);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('throttles sign-in per username and client with a growing wait, not per username', () => {
    const config = parseEnvironment({ LOGIN_BACKOFF_MAX_SECONDS: '600' });
    expect(config).toMatchObject({
      LOGIN_FREE_FAILURES_PER_USERNAME_AND_CLIENT: 5,
      LOGIN_FREE_FAILURES_PER_CLIENT: 100,
      LOGIN_BACKOFF_BASE_SECONDS: 2,
      LOGIN_BACKOFF_MAX_SECONDS: 600,
      LOGIN_FAILURE_MEMORY_SECONDS: 3600,
    });
    expect(problemsOf({ LOGIN_BACKOFF_BASE_SECONDS: '0' }).join()).toMatch(
      /LOGIN_BACKOFF_BASE_SECONDS/,
    );
  });

  it('has one due-soon window, 24 hours unless set, between 1 hour and a week', () => {
    expect(parseEnvironment({}).DUE_SOON_HOURS).toBe(24);
    expect(parseEnvironment({ DUE_SOON_HOURS: '48' }).DUE_SOON_HOURS).toBe(48);
    for (const value of ['0', '169', 'soon'])
      expect(problemsOf({ DUE_SOON_HOURS: value }).join()).toMatch(/DUE_SOON_HOURS/);
  });

  it('links e-mails to the web app at PUBLIC_URL, an http(s) URL kept without a trailing slash', () => {
    expect(parseEnvironment({}).PUBLIC_URL).toBe('http://localhost:3000');
    expect(parseEnvironment({ PUBLIC_URL: 'https://reports.example.org/' }).PUBLIC_URL).toBe(
      'https://reports.example.org',
    );
    expect(parseEnvironment({ PUBLIC_URL: 'https://example.org/safe//' }).PUBLIC_URL).toBe(
      'https://example.org/safe',
    );
    for (const value of [
      'reports.example.org',
      'ftp://reports.example.org',
      'javascript:alert(1)',
      'https://example.org/?next=x',
      'https://example.org/#cases',
      'not a url',
    ])
      expect(problemsOf({ PUBLIC_URL: value }).join()).toMatch(/PUBLIC_URL/);
  });

  it('names every bad variable', () => {
    const problems = problemsOf({ PORT: 'eighty', SEED_DEMO: 'maybe', LOG_LEVEL: 'loud' });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/SEED_DEMO/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL/);
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://localhost/db' }).join()).toMatch(/DATABASE_URL/);
  });

  describe('API_DOCS', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/app',
      JWT_SECRET: STRONG_SECRET,
    };

    it('serves the Swagger UI outside production and not in it, unless set', () => {
      expect(parseEnvironment({}).API_DOCS).toBe(true);
      expect(parseEnvironment({ NODE_ENV: 'test' }).API_DOCS).toBe(true);
      expect(parseEnvironment(production).API_DOCS).toBe(false);
      expect(parseEnvironment({ ...production, API_DOCS: 'true' }).API_DOCS).toBe(true);
      expect(parseEnvironment({ API_DOCS: 'false' }).API_DOCS).toBe(false);
    });

    it('refuses a value that is not a boolean', () => {
      expect(problemsOf({ API_DOCS: 'sometimes' }).join()).toMatch(/API_DOCS/);
    });
  });

  describe('in production', () => {
    it('refuses to start without DATABASE_URL and JWT_SECRET', () => {
      const problems = problemsOf({ NODE_ENV: 'production' }).join('\n');
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/JWT_SECRET is required/);
    });

    it('refuses a short secret and the development default', () => {
      const base = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/app' };
      expect(problemsOf({ ...base, JWT_SECRET: 'short' }).join()).toMatch(/at least 32/);
      expect(problemsOf({ ...base, JWT_SECRET: DEVELOPMENT_JWT_SECRET }).join()).toMatch(
        /development default/,
      );
    });

    it('starts with a database URL and a strong secret', () => {
      const config = parseEnvironment({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgresql://user:pw@db.internal:5432/safe_schools',
        JWT_SECRET: STRONG_SECRET,
      });
      expect(config.JWT_SECRET).toBe(STRONG_SECRET);
    });
  });
});
