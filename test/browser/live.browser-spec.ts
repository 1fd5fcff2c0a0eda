import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  BrowserHarness,
  DEMO_PASSWORD,
  describeInBrowser,
  DESKTOP,
  expectNoAxeViolations,
  PHONE,
} from './support/browser-harness';

jest.setTimeout(180_000);

/** The test app's secret (test/support/test-app.ts): tokens of one process are good on the other. */
const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
/** The promise: a critical report is on every caseworker's screen within 2 seconds. */
const ALERT_WITHIN_MS = 2_000;
const DESCRIPTION =
  'An older student said he will hurt me after school today and showed a knife in the bathroom.';

interface Me {
  schools: { id: string }[];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A second API process, as production runs them: `node dist/apps/api/src/main.js`
 * on the test database, with its own pool and its own LISTEN connection.
 */
async function startSecondApi(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join('dist', 'apps', 'api', 'src', 'main.js')], {
    cwd: join(__dirname, '..', '..'),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      MIGRATIONS_RUN: 'false',
      WORKER_IN_PROCESS: 'false',
      JWT_SECRET,
      PUBLIC_URL: 'http://127.0.0.1',
      LOG_LEVEL: 'silent',
      DATABASE_POOL_SIZE: '3',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the second API exited:\n${output}`);
    const ready = await fetch(`${url}/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) return { child, url };
    if (Date.now() > deadline) throw new Error(`the second API did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * A critical report reaches every caseworker's screen within 2 seconds, with
 * two API processes behind them: Casey's browser talks to the first, Morgan's
 * to the second. Morgan acknowledges; it leaves Casey's screen too.
 */
describeInBrowser('live: a critical report on every screen', () => {
  let h: BrowserHarness;
  let second: { child: ChildProcess; url: string };

  /** A page whose every request goes to the second API process. */
  const pageOnSecond = async (viewport = PHONE): Promise<Page> => {
    const page = await h.newPage({ viewport });
    await page.context().unroute('**/*');
    await page
      .context()
      .route('**/*', (route) =>
        route.request().url().startsWith(second.url) ? route.continue() : route.abort(),
      );
    return page;
  };

  const signInAt = async (page: Page, base: string, username: string) => {
    await page.goto(`${base}/`);
    await page.getByLabel(/^(Username|Nombre de usuario)$/).fill(username);
    await page.getByLabel(/^(Password|Contraseña)$/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /^(Sign in|Iniciar sesión)$/ }).click();
    await page.getByRole('link', { name: /^(Settings|Configuración)$/ }).waitFor();
  };

  const alertFor = (page: Page, reference: string) =>
    page.getByRole('alert').filter({ hasText: reference });

  const queueRowFor = (page: Page, reference: string) =>
    page.locator('main').getByRole('link', { name: new RegExp(reference) });

  /** Waits until the page's stream is open (the app asked for the open alerts first). */
  const streamOpen = (page: Page) =>
    page.waitForResponse((response) => response.url().endsWith('/api/v1/events'));

  const fileCritical = async (username: string) => {
    const student = await h.api(username);
    const me = (await student.me().expectStatus(200)) as unknown as Me;
    return student
      .file(me.schools[0].id, { urgent: true, description: DESCRIPTION })
      .expectStatus(201);
  };

  beforeAll(async () => {
    h = await BrowserHarness.start();
    second = await startSecondApi((h.t.dataSource.options as { url: string }).url);
  });

  afterAll(async () => {
    if (second?.child.exitCode === null) second.child.kill('SIGTERM');
    await h?.close();
  });

  afterEach(() => expect(h.externalRequests).toEqual([]));

  it('shows the alert to Casey (first API) and Morgan (second API) within 2 s; Morgan acknowledges, it leaves both', async () => {
    const casey = await h.newPage({ viewport: PHONE });
    const caseyStream = streamOpen(casey);
    await h.signIn(casey, 'counselor.casey');
    const morgan = await pageOnSecond(DESKTOP);
    const morganStream = streamOpen(morgan);
    await signInAt(morgan, second.url, 'counselor.morgan');
    await Promise.all([caseyStream, morganStream]);

    const filed = await fileCritical('student.sam');
    const answeredAt = Date.now();
    // Both are on their queue (their home page): the alert shows and the queue lists the report.
    const seenAt = await Promise.all(
      [casey, morgan].flatMap((page) => [
        alertFor(page, filed.reference)
          .waitFor({ timeout: 15_000 })
          .then(() => Date.now()),
        queueRowFor(page, filed.reference)
          .waitFor({ timeout: 15_000 })
          .then(() => Date.now()),
      ]),
    );
    const latency = Math.max(...seenAt) - answeredAt;
    process.stdout.write(
      `critical alert and queue row on both screens ${latency} ms after the API answered\n`,
    );
    expect(latency).toBeLessThan(ALERT_WITHIN_MS);

    // What it says and offers: the case, a link to it, the Acknowledge button.
    const onCasey = alertFor(casey, filed.reference);
    await onCasey.getByText('Critical', { exact: true }).waitFor();
    expect(
      await onCasey
        .getByRole('link', { name: `Open report ${filed.reference}` })
        .getAttribute('href'),
    ).toBe(`/cases/${filed.id}`);
    await h.screenshot(casey, 'critical-alert');

    // It stays there on every page until someone acknowledges it.
    await casey.getByRole('link', { name: 'Settings' }).click();
    await alertFor(casey, filed.reference).waitFor();

    await alertFor(morgan, filed.reference)
      .getByRole('button', { name: `Acknowledge ${filed.reference}` })
      .click();
    await alertFor(morgan, filed.reference).waitFor({ state: 'detached' });
    await alertFor(casey, filed.reference).waitFor({ state: 'detached', timeout: 5_000 });

    // Who and when: on the staff timeline.
    const counselor = await h.api('counselor.casey');
    const view = await counselor.incident(filed.id).expectStatus(200);
    expect(view.timeline.map((entry) => entry.type)).toContain('alert_acknowledged');

    // A screen that opens later shows only what is still open.
    const later = await h.newPage({ viewport: PHONE });
    await h.signIn(later, 'admin.alex');
    await later.getByRole('link', { name: 'Settings' }).waitFor();
    expect(await alertFor(later, filed.reference).count()).toBe(0);
  });

  it('renews the session when the stream is refused with 401, then listens again', async () => {
    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'counselor.casey');
    // The first stream request meets an expired token (as after a laptop's sleep).
    let refused = 0;
    await page.route('**/api/v1/events', async (route) => {
      if (refused === 0) {
        refused += 1;
        return route.fulfill({ status: 401, contentType: 'application/json', body: '{}' });
      }
      return route.continue();
    });
    // A page load renews the session once by itself; the refused stream renews it again.
    let renewals = 0;
    page.on('response', (response) => {
      if (response.url().endsWith('/api/v1/auth/session/refresh') && response.ok()) renewals += 1;
    });
    const reopened = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/events') && response.status() === 200,
    );
    await page.goto('/settings');
    await reopened;
    expect(refused).toBe(1);
    expect(renewals).toBe(2);
    const filed = await fileCritical('student.sam');
    await alertFor(page, filed.reference).waitFor({ timeout: 5_000 });
    await alertFor(page, filed.reference)
      .getByRole('button', { name: `Acknowledge ${filed.reference}` })
      .click();
    await alertFor(page, filed.reference).waitFor({ state: 'detached' });
  });

  it('shows a critical alert that was raised before the screen opened', async () => {
    const filed = await fileCritical('student.jo');
    const page = await pageOnSecond(PHONE);
    await signInAt(page, second.url, 'admin.alex');
    await alertFor(page, filed.reference).waitFor();
    await alertFor(page, filed.reference)
      .getByRole('button', { name: `Acknowledge ${filed.reference}` })
      .click();
    await alertFor(page, filed.reference).waitFor({ state: 'detached' });
  });

  it.each([
    ['en', 'counselor.casey', 'student.sam', 'Acknowledge'],
    ['es', 'counselor.chris', 'student.riley', 'Confirmar recepción'],
  ])(
    'has no axe violations with an alert showing (%s, phone and desktop)',
    async (language, who, reporter, button) => {
      // The page speaks the counselor's language (their profile's).
      await h.t.dataSource.query(`UPDATE users SET locale = $2 WHERE username = $1`, [
        who,
        language,
      ]);
      const page = await h.newPage({ viewport: PHONE });
      const open = streamOpen(page);
      await h.signIn(page, who);
      await open;
      const filed = await fileCritical(reporter);
      const alert = alertFor(page, filed.reference);
      await alert.waitFor();
      await alert.getByRole('button', { name: `${button} ${filed.reference}` }).waitFor();
      for (const viewport of [PHONE, DESKTOP]) {
        await page.setViewportSize(viewport);
        await expectNoAxeViolations(page);
      }
      await alert.getByRole('button', { name: `${button} ${filed.reference}` }).click();
      await alert.waitFor({ state: 'detached' });
    },
  );

  it('stops an API process promptly while screens hold streams open on it', async () => {
    const page = await pageOnSecond(PHONE);
    const open = streamOpen(page);
    await signInAt(page, second.url, 'counselor.morgan');
    await open;
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => second.child.once('exit', resolve));
    second.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('lets a staff page load finish: the stream opens after the page settled', async () => {
    const page = await h.newPage({ viewport: PHONE });
    await h.signIn(page, 'counselor.casey');
    const open = streamOpen(page);
    await page.goto('/settings');
    await page.waitForLoadState('networkidle', { timeout: 10_000 });
    await open;
  });

  it('never loads the live code for students', async () => {
    const page = await h.newPage({ viewport: PHONE });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await h.signIn(page, 'student.sam');
    await page.waitForLoadState('networkidle');
    expect(requested.filter((url) => /StaffLive|\/api\/v1\/(events|alerts)/.test(url))).toEqual([]);
  });
});
