import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from '../../../scripts/web/chromium';
import { freePort, startProcess, waitForHttp } from './processes';

/**
 * `npm run bench:web`: what a phone downloads on its first visit to each main
 * page (compressed JS and CSS, as the API serves them), against the budget.
 * Starts the built API on a throw-away embedded PostgreSQL with the demo data.
 */
const BUDGET_BYTES = 150 * 1024;
const DEMO_PASSWORD = 'safe-schools-demo';
const API = join(__dirname, '..', '..', 'api', 'src', 'main.js');
const say = (line: string) => process.stdout.write(`${line}\n`);

interface Weight {
  route: string;
  files: number;
  jsBytes: number;
  cssBytes: number;
}

/** Bytes on the wire for the page's scripts and styles (Resource Timing, fresh context). */
async function weigh(page: Page, route: string): Promise<Weight> {
  // Runs in the page: this file is compiled without the DOM's types.
  const entries = JSON.parse(
    await page.evaluate<string>(
      `JSON.stringify(performance.getEntriesByType('resource').map((entry) => ({ name: entry.name, bytes: entry.encodedBodySize })))`,
    ),
  ) as { name: string; bytes: number }[];
  const js = entries.filter((entry) => /\.js(\?|$)/.test(entry.name));
  const css = entries.filter((entry) => /\.css(\?|$)/.test(entry.name));
  const sum = (list: { bytes: number }[]) => list.reduce((total, entry) => total + entry.bytes, 0);
  return { route, files: js.length + css.length, jsBytes: sum(js), cssBytes: sum(css) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-web-'));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as the 'postgres' user under root
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = startProcess(API, [], [], {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    DEMO_PASSWORD,
    LOG_LEVEL: 'warn',
  });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    await waitForHttp(`${base}/health`, api);
    const weights: Weight[] = [];
    const fresh = async () =>
      (
        await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL: base })
      ).newPage();

    for (const route of ['/report/MAPLE', '/track', '/']) {
      const page = await fresh();
      await page.goto(route, { waitUntil: 'networkidle' });
      weights.push(await weigh(page, route === '/' ? '/ (sign in)' : route));
    }
    const student = await fresh();
    await student.goto('/');
    await student.getByLabel('Username').fill('student.sam');
    await student.getByLabel('Password').fill(DEMO_PASSWORD);
    await student.getByRole('button', { name: 'Sign in' }).click();
    await student.getByRole('link', { name: 'Settings' }).waitFor();
    // The student home on a later visit: the cookie signs in, the files come fresh.
    const again = await browser.newContext({
      viewport: { width: 360, height: 740 },
      baseURL: base,
      storageState: await student.context().storageState(),
    });
    const home = await again.newPage();
    await home.goto('/', { waitUntil: 'networkidle' });
    await home.getByRole('link', { name: 'Settings' }).waitFor();
    weights.push(await weigh(home, '/ (student home)'));

    say(`First load of each page at 360x740, compressed JS + CSS (budget ${kb(BUDGET_BYTES)}):\n`);
    const over = weights.filter((weight) => weight.jsBytes + weight.cssBytes > BUDGET_BYTES);
    say('| page | files | JS | CSS | total | within budget |');
    say('| --- | --- | --- | --- | --- | --- |');
    for (const weight of weights) {
      const total = weight.jsBytes + weight.cssBytes;
      say(
        `| ${weight.route} | ${weight.files} | ${kb(weight.jsBytes)} | ${kb(weight.cssBytes)} | ${kb(total)} | ${total <= BUDGET_BYTES ? 'yes' : 'NO'} |`,
      );
    }
    // Bytes, not time: the same build always weighs the same, so CI can hold the line.
    if (over.length > 0) process.exitCode = 1;
  } finally {
    await browser.close();
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
