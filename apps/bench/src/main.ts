import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadEnvironmentFile } from '@app/common';
import { EmbeddedPostgresServer, runPendingMigrations } from '@app/database';
import { parseBenchOptions, type BenchOptions } from './bench-options';
import { generatedIncidents, loadFixtures, type BenchFixtures } from './fixtures';
import type { LoadPlan, LoadResult } from './load-runner';
import { freePort, RssSampler, runLoad, startProcess, waitForHttp } from './processes';

const say = (line: string) => process.stdout.write(`${line}\n`);
const DIST = join(__dirname, '..', '..', '..');
const SCRIPTS = {
  api: join(DIST, 'apps/api/src/main.js'),
  cli: join(DIST, 'apps/cli/src/main.js'),
  load: join(__dirname, 'load-runner.js'),
  baseline: join(__dirname, 'baseline-server.js'),
};
const POOL_SIZE = 16;
/** The API runs with the V8 flags of `npm run start:prod`. */
const API_NODE_FLAGS = ['--max-old-space-size=160'];
/** Statements per request in baseline-server.ts (the same as the API's filing). */
const BASELINE_STATEMENTS = 9;
const SCALE_PASSWORD = 'scale-test-password';

interface Row {
  name: string;
  result: LoadResult;
  queries: string;
}

async function main(): Promise<void> {
  loadEnvironmentFile();
  const options = parseBenchOptions(process.argv.slice(2));
  const children: ChildProcess[] = [];
  let embedded: EmbeddedPostgresServer | undefined;
  const stop = async () => {
    for (const child of children) child.kill('SIGTERM');
    await embedded?.stop();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    let url = options.databaseUrl ?? process.env.DATABASE_URL;
    if (!url) {
      embedded = await EmbeddedPostgresServer.start({ dataDir: '.data/bench/postgres', log: say });
      url = embedded.url;
    }
    await runPendingMigrations(url);
    await ensureData(url, options);
    const fixtures = await loadFixtures(url);
    say(
      `Data: ${fixtures.totalIncidents.toLocaleString('en-US')} incidents; measuring school ${fixtures.schoolCode} ` +
        `(${fixtures.schoolIncidents.toLocaleString('en-US')} incidents).`,
    );
    say(
      `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    );
    say(
      `Load: ${options.connections} connections, ${options.duration} s per scenario, autocannon in its own process.\n`,
    );

    const api = await startApi(url);
    children.push(api.child);
    const rss = new RssSampler(api.child.pid!);
    const rows = await measureApi(api.base, fixtures, options);
    rss.stop();

    const baseline = await measureBaseline(url, fixtures, options, children);
    printReport(rows, baseline, rss.peakBytes, options);
  } finally {
    await stop();
  }
}

async function ensureData(url: string, options: BenchOptions): Promise<void> {
  const existing = await generatedIncidents(url);
  if (existing >= options.incidents) return;
  const missing = options.incidents - existing;
  const schools = Math.max(1, Math.round((options.schools * missing) / options.incidents));
  const districts = Math.max(
    1,
    Math.min(schools, Math.round((options.districts * missing) / options.incidents)),
  );
  say(
    `The database holds ${existing.toLocaleString('en-US')} generated incidents; adding ${missing.toLocaleString('en-US')}.`,
  );
  const seeded = spawnSync(
    process.execPath,
    [
      SCRIPTS.cli,
      'seed:scale',
      '--incidents',
      String(missing),
      '--schools',
      String(schools),
      '--districts',
      String(districts),
    ],
    { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } },
  );
  if (seeded.status !== 0) throw new Error('seed:scale failed');
}

async function startApi(url: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = startProcess(SCRIPTS.api, [], API_NODE_FLAGS, {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    JWT_SECRET: randomBytes(36).toString('base64url'),
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    WORKER_IN_PROCESS: 'false',
    MIGRATIONS_RUN: 'false',
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    LOGIN_FREE_FAILURES_PER_USERNAME_AND_CLIENT: '1000000',
    LOGIN_FREE_FAILURES_PER_CLIENT: '1000000',
    QUERY_COUNT_HEADER: 'true',
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/health`, child);
  return { child, base };
}

async function login(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: SCALE_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login of ${username} failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

function reportBody(schoolId: string): string {
  return JSON.stringify({
    schoolId,
    category: 'verbal',
    location: 'cafeteria',
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    description: 'They laugh at me at lunch every day and throw food at my tray.',
  });
}

async function measureApi(
  base: string,
  fixtures: BenchFixtures,
  options: BenchOptions,
): Promise<Row[]> {
  const counselor = { authorization: `Bearer ${await login(base, fixtures.counselorUsername)}` };
  const student = { authorization: `Bearer ${await login(base, fixtures.studentUsername)}` };
  const json = { 'content-type': 'application/json' };
  const scenarios: { name: string; plan: Omit<LoadPlan, 'url' | 'duration' | 'connections'> }[] = [
    {
      name: 'file a report',
      plan: {
        method: 'POST',
        paths: ['/api/v1/incidents'],
        headers: { ...student, ...json },
        body: reportBody(fixtures.schoolId),
        freshIdempotencyKey: true,
      },
    },
    {
      name: 'queue, page 1',
      plan: { method: 'GET', paths: ['/api/v1/incidents'], headers: counselor },
    },
    {
      name: 'queue, deep cursor page',
      plan: {
        method: 'GET',
        paths: [`/api/v1/incidents?cursor=${fixtures.deepCursor}`],
        headers: counselor,
      },
    },
    {
      name: 'incident detail (staff)',
      plan: {
        method: 'GET',
        paths: fixtures.incidentIds.map((id) => `/api/v1/incidents/${id}`),
        headers: counselor,
      },
    },
    { name: 'caseload', plan: { method: 'GET', paths: ['/api/v1/caseload'], headers: counselor } },
    {
      name: 'login (argon2id)',
      plan: {
        method: 'POST',
        paths: ['/api/v1/auth/login'],
        headers: json,
        body: JSON.stringify({ username: fixtures.studentUsername, password: SCALE_PASSWORD }),
      },
    },
  ];
  const rows: Row[] = [];
  for (const scenario of scenarios.filter(
    (s) => !options.only || options.only.some((o) => s.name.startsWith(o)),
  )) {
    const queries = await queriesPerRequest(base, scenario.plan);
    say(`  ${scenario.name}...`);
    const result = await runLoad<LoadResult>(SCRIPTS.load, {
      ...scenario.plan,
      url: base,
      duration: options.duration,
      connections: options.connections,
    });
    rows.push({ name: scenario.name, result, queries });
  }
  return rows;
}

/** One lone request, to read the API's x-query-count (exact when nothing else runs). */
async function queriesPerRequest(
  base: string,
  plan: Omit<LoadPlan, 'url' | 'duration' | 'connections'>,
): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 1000)); // let the previous load's last requests finish
  const response = await fetch(`${base}${plan.paths[0]}`, {
    method: plan.method,
    headers: {
      ...plan.headers,
      ...(plan.freshIdempotencyKey ? { 'idempotency-key': randomBytes(8).toString('hex') } : {}),
    },
    body: plan.body,
  });
  if (!response.ok)
    throw new Error(
      `${plan.method} ${plan.paths[0]} answered ${response.status}: ${await response.text()}`,
    );
  return response.headers.get('x-query-count') ?? '?';
}

async function measureBaseline(
  url: string,
  fixtures: BenchFixtures,
  options: BenchOptions,
  children: ChildProcess[],
) {
  if (options.only && !options.only.some((o) => 'file a report'.startsWith(o))) return undefined;
  const port = await freePort();
  const child = startProcess(
    SCRIPTS.baseline,
    [String(port), url, String(POOL_SIZE)],
    [],
    process.env,
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', () => reject(new Error('the baseline server exited')));
  });
  say('  baseline: file a report (bare node:http + pg, the same SQL)...');
  return runLoad<LoadResult>(SCRIPTS.load, {
    url: `http://127.0.0.1:${port}`,
    method: 'POST',
    paths: ['/api/v1/incidents'],
    headers: { 'content-type': 'application/json', 'x-user-id': fixtures.studentId },
    body: reportBody(fixtures.schoolId),
    freshIdempotencyKey: true,
    duration: options.duration,
    connections: options.connections,
  } satisfies LoadPlan);
}

function printReport(
  rows: Row[],
  baseline: LoadResult | undefined,
  peakRss: number,
  options: BenchOptions,
): void {
  const line = (cells: string[]) =>
    say(
      `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(26) : cell.padStart(9))).join(' | ')} |`,
    );
  say('');
  line(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'queries']);
  say(`|${'-'.repeat(28)}|${['', '', '', '', '', ''].map(() => '-'.repeat(11)).join('|')}|`);
  const cells = (name: string, r: LoadResult, queries: string) => [
    name,
    r.rps.toFixed(0),
    String(r.p50),
    String(r.p99),
    String(r.errors),
    String(r.non2xx),
    queries,
  ];
  for (const row of rows) line(cells(row.name, row.result, row.queries));
  if (baseline) line(cells('baseline: file a report', baseline, String(BASELINE_STATEMENTS)));
  say('');
  const file = rows.find((row) => row.name === 'file a report');
  if (file && baseline) {
    say(
      `file a report: ${(file.result.rps / baseline.rps).toFixed(2)}x the baseline's req/s (target >= 0.6x).`,
    );
  }
  say(`API peak RSS: ${(peakRss / 2 ** 20).toFixed(0)} MB (target <= 250 MB).`);
  say(`(${options.connections} connections, ${options.duration} s per scenario.)`);
  const failed = [...rows.map((row) => row.result), ...(baseline ? [baseline] : [])].some(
    (result) => result.errors > 0 || result.non2xx > 0,
  );
  if (failed) {
    say('Some requests failed (errors or non-2xx answers above): the figures are not valid.');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
