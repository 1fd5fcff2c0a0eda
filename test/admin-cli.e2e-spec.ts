import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');
const PASSWORD = 'a first administrator password';

/**
 * The installation commands as an operator runs them: the built CLI in a
 * process of its own, with production settings, against this file's database.
 */
describe('npm run admin', () => {
  let t: TestApp;
  let environment: NodeJS.ProcessEnv;

  /** Runs `node dist/apps/cli/src/main.js ...args`, with `stdin` as its standard input. */
  const admin = (args: string[], stdin = '') => {
    const result = spawnSync(process.execPath, ['dist/apps/cli/src/main.js', ...args], {
      cwd: ROOT,
      env: environment,
      input: stdin,
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  const createUser = (district: string, username: string, role: string, more: string[] = []) =>
    admin(
      [
        'create-user',
        '--district',
        district,
        '--username',
        username,
        '--display-name',
        `Name of ${username}`,
        '--role',
        role,
        '--password-stdin',
        ...more,
      ],
      `${PASSWORD}\n`,
    );

  const count = async (sql: string, parameters: unknown[] = []): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(sql, parameters);
    return rows[0].n;
  };

  /** A refusal: a non-zero exit and one line on standard error, matching `message`. */
  const expectRefusal = (result: ReturnType<typeof admin>, message: RegExp) => {
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  };

  beforeAll(async () => {
    // Builds dist/ when a source is newer (npm test has built it already).
    execFileSync('sh', ['scripts/ensure-built.sh'], { cwd: ROOT, stdio: 'inherit' });
    t = await TestApp.start();
    environment = {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: (t.dataSource.options as { url: string }).url,
      JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
      LOG_LEVEL: 'silent',
    };
  }, 180_000);

  afterAll(() => t.close());

  describe('on an empty installation', () => {
    it('creates a district, a school and their administrators, who can sign in', async () => {
      const district = admin(['create-district', '--name', 'Riverside Unified']);
      expect(district).toMatchObject({ status: 0, stderr: '' });
      expect(district.stdout).toMatch(/^Created district "Riverside Unified" \(id [0-9a-f-]{36}\)/);

      const school = admin([
        'create-school',
        '--district',
        'riverside unified',
        '--name',
        'Maple Ridge Middle School',
        '--code',
        'maple',
        '--time-zone',
        'America/Chicago',
      ]);
      expect(school).toMatchObject({ status: 0, stderr: '' });
      expect(school.stdout).toMatch(/with the code MAPLE/);

      expect(createUser('Riverside Unified', 'District.Dana', 'district_admin')).toMatchObject({
        status: 0,
        stderr: '',
      });
      const districtId = /id ([0-9a-f-]{36})/.exec(district.stdout)![1];
      expect(
        createUser(districtId, 'admin.alex', 'school_admin', [
          '--school',
          'MAPLE',
          '--email',
          'alex@example.org',
        ]),
      ).toMatchObject({ status: 0, stderr: '' });

      const token = await t.login('district.dana', PASSWORD);
      const schools = await t.http
        .get('/api/v1/schools')
        .auth(token, { type: 'bearer' })
        .expect(200);
      expect(schools.body.items).toEqual([
        expect.objectContaining({ name: 'Maple Ridge Middle School', code: 'MAPLE' }),
      ]);
      const me = await t.http
        .get('/api/v1/me')
        .auth(await t.login('admin.alex', PASSWORD), { type: 'bearer' })
        .expect(200);
      expect(me.body).toMatchObject({ role: 'school_admin' });
      await expect(
        count(
          `SELECT count(*)::int AS n FROM users u JOIN school_memberships m ON m.user_id = u.id
           JOIN schools s ON s.id = m.school_id
           WHERE u.username = 'admin.alex' AND u.email = 'alex@example.org' AND s.code = 'MAPLE'`,
        ),
      ).resolves.toBe(1);
    });
  });

  describe('refusals', () => {
    let district: string;

    beforeAll(async () => {
      district = (await t.factory.district('Second District')).name;
      await t.factory.school(await t.factory.district('Third District'), { code: 'ELSEWHERE' });
    });

    it('refuses a second district of the same name, whatever its case', async () => {
      expectRefusal(admin(['create-district', '--name', 'RIVERSIDE unified']), /already exists/);
      await expect(
        count("SELECT count(*)::int AS n FROM districts WHERE lower(name) = 'riverside unified'"),
      ).resolves.toBe(1);
    });

    it('refuses a username that is taken', () => {
      expectRefusal(
        createUser(district, 'DISTRICT.dana', 'district_admin'),
        /district\.dana is already taken/,
      );
    });

    it('refuses a school code that is taken', () => {
      expectRefusal(
        admin([
          'create-school',
          '--district',
          district,
          '--name',
          'Copy',
          '--code',
          'MAPLE',
          '--time-zone',
          'UTC',
        ]),
        /School code MAPLE is already taken/,
      );
    });

    it.each([
      ['a short password', ['--role', 'district_admin'], 'short', /at least 12 characters/],
      ['an unknown role', ['--role', 'janitor'], PASSWORD, /role must be one of/],
      [
        'a district_admin with a school',
        ['--role', 'district_admin', '--school', 'MAPLE'],
        PASSWORD,
        /belongs to the district, not to schools/,
      ],
      [
        'a counselor without a school',
        ['--role', 'counselor'],
        PASSWORD,
        /belongs to at least one school/,
      ],
      [
        'a school of another district',
        ['--role', 'counselor', '--school', 'ELSEWHERE'],
        PASSWORD,
        /has no school with the code ELSEWHERE/,
      ],
      [
        'a bad username',
        ['--role', 'district_admin', '--username', 'no spaces'],
        PASSWORD,
        /username must be/,
      ],
      [
        'a bad e-mail address',
        ['--role', 'district_admin', '--email', 'not-an-address'],
        PASSWORD,
        /email is not an e-mail address/,
      ],
    ])('refuses %s and creates nobody', async (_case, options, password, message) => {
      const before = await count('SELECT count(*)::int AS n FROM users');
      const args = [
        'create-user',
        '--district',
        district,
        '--username',
        'new.person',
        '--display-name',
        'New Person',
        '--password-stdin',
      ];
      // A later --username wins over the one above.
      expectRefusal(admin([...args, ...options], `${password}\n`), message);
      await expect(count('SELECT count(*)::int AS n FROM users')).resolves.toBe(before);
    });

    it('refuses an unknown district', () => {
      expectRefusal(
        createUser('Nowhere Unified', 'nobody.here', 'district_admin'),
        /No district is named "Nowhere Unified"/,
      );
    });

    it('never takes the password from the command line', () => {
      expectRefusal(
        admin([
          'create-user',
          '--district',
          district,
          '--username',
          'p.w',
          '--display-name',
          'P',
          '--role',
          'district_admin',
          '--password',
          PASSWORD,
        ]),
        /Unknown option '--password'/,
      );
    });

    it('asks for --password-stdin when there is no terminal to type the password', () => {
      expectRefusal(
        admin([
          'create-user',
          '--district',
          district,
          '--username',
          'p.w',
          '--display-name',
          'P',
          '--role',
          'district_admin',
        ]),
        /--password-stdin/,
      );
    });

    it('names a missing option', () => {
      expectRefusal(admin(['create-district']), /--name is required/);
    });
  });
});
