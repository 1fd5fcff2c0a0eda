import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EmbeddedPostgresServer, runPendingMigrations } from '@app/database';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { ALERT_TARGET_MS, measureAlertLatency, percentile } from './alert-latency';
import { freePort, startProcess, waitForHttp } from './processes';

/**
 * Two API processes and two worker processes on one database: files reports
 * through both APIs at once, lets both workers deliver, and counts. Every
 * report must be stored, every notice delivered exactly once. Then measures
 * how fast a critical report's alert reaches a caseworker's live stream on
 * each process (target: 2 s).
 *
 * Usage: npm run scale-out [-- --reports 200 --alerts 50]
 */
const say = (line: string) => process.stdout.write(`${line}\n`);
const DIST = join(__dirname, '..', '..', '..');
const API = join(DIST, 'apps/api/src/main.js');
const WORKER = join(DIST, 'apps/worker/src/main.js');

async function main(): Promise<void> {
  const option = (name: string, fallback: number) =>
    Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
  const reportsPerApi = option('--reports', 100);
  const alerts = option('--alerts', 20);
  const children: ChildProcess[] = [];
  const database = await EmbeddedPostgresServer.start({
    dataDir: '.data/scale-out/postgres',
    ephemeral: true,
  });
  const mail = await startMailSink();
  try {
    await runPendingMigrations(database.url);
    const environment = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: database.url,
      JWT_SECRET: 'scale-out-check-secret-scale-out-check-secret',
      SEED_DEMO: 'true',
      WORKER_IN_PROCESS: 'false',
      WORKER_POLL_MS: '200',
      SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
      LOG_LEVEL: 'warn',
      LOGIN_FREE_FAILURES_PER_USERNAME_AND_CLIENT: '100000',
      LOGIN_FREE_FAILURES_PER_CLIENT: '100000',
    };
    const apis: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const port = await freePort();
      const api = startProcess(API, [], [], {
        ...environment,
        PORT: String(port),
        HOST: '127.0.0.1',
      });
      children.push(api);
      await waitForHttp(`http://127.0.0.1:${port}/health`, api);
      apis.push(`http://127.0.0.1:${port}`);
    }
    for (let i = 0; i < 2; i += 1) children.push(startProcess(WORKER, [], [], environment));
    say(`Two API processes (${apis.join(', ')}) and two workers on one database.`);

    const filed = await Promise.all(apis.map((api) => fileReports(api, reportsPerApi)));
    const references = filed.flat();
    say(`Filed ${references.length} reports (${reportsPerApi} through each API).`);

    const client = new Client({ connectionString: database.url });
    await client.connect();
    const deadline = Date.now() + 120_000;
    let pending = Infinity;
    while (pending > 0 && Date.now() < deadline) {
      const { rows } = await client.query<{ pending: string }>(
        `SELECT (SELECT count(*) FROM outbox WHERE status = 'pending')
              + (SELECT count(*) FROM email_deliveries WHERE status = 'pending') AS pending`,
      );
      pending = Number(rows[0].pending);
      await sleep(500);
    }
    await sleep(1000);
    const count = async (sql: string, params: unknown[] = []) =>
      Number((await client.query<{ n: string }>(sql, params)).rows[0].n);
    const stored = await count('SELECT count(*) AS n FROM incidents WHERE reference = ANY($1)', [
      references,
    ]);
    const notifications = await count('SELECT count(*) AS n FROM notifications');
    const distinct = await count(
      'SELECT count(DISTINCT (outbox_id, user_id)) AS n FROM notifications',
    );
    const emails = await count(`SELECT count(*) AS n FROM email_deliveries WHERE status = 'sent'`);
    const expected =
      references.length *
      (await count(
        `SELECT count(*) AS n FROM users u JOIN school_memberships m ON m.user_id = u.id
         JOIN schools s ON s.id = m.school_id WHERE s.code = 'MAPLE' AND u.role = 'counselor'`,
      ));
    await client.end();
    const received = mail.messageIds.length;
    const uniqueReceived = new Set(mail.messageIds).size;
    say('');
    say(`reports filed: ${references.length}, stored: ${stored}`);
    say(
      `in-app notifications: ${notifications} (expected ${expected}), distinct (event, person): ${distinct}`,
    );
    say(
      `e-mails sent: ${emails}; received by the SMTP server: ${received}, distinct Message-IDs: ${uniqueReceived}`,
    );

    // Casey listens on the first API, Morgan on the second; Sam files through each in turn.
    const [casey, morgan] = await Promise.all([
      signIn(apis[0], 'counselor.casey'),
      signIn(apis[1], 'counselor.morgan'),
    ]);
    const filers = await Promise.all(
      apis.map(async (api) => {
        const token = await signIn(api, 'student.sam');
        return { api, token, schoolId: await firstSchoolOf(api, token) };
      }),
    );
    const latency = await measureAlertLatency(
      [
        { api: apis[0], token: casey },
        { api: apis[1], token: morgan },
      ],
      filers,
      alerts,
    );
    const p95 = percentile(latency.samples, 0.95);
    const ms = (value: number) => `${Math.round(value)} ms`;
    say(
      `critical alerts on both API processes' streams, from filing: ${latency.samples.length} of ${alerts}; ` +
        `median ${ms(percentile(latency.samples, 0.5))}, p95 ${ms(p95)}, ` +
        `max ${ms(Math.max(...latency.samples))} (target ${ms(ALERT_TARGET_MS)})`,
    );
    const ok =
      latency.missed === 0 &&
      p95 <= ALERT_TARGET_MS &&
      stored === references.length &&
      notifications === expected &&
      distinct === notifications &&
      received === uniqueReceived &&
      uniqueReceived === emails;
    say(
      ok
        ? 'OK: every report stored, every notice delivered exactly once, every alert in time.'
        : 'FAILED: see the counts above.',
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await sleep(500);
    await new Promise<void>((resolve) => mail.server.close(() => resolve()));
    await database.stop();
  }
}

async function firstSchoolOf(api: string, token: string): Promise<string> {
  const me = (await (
    await fetch(`${api}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { schools: { id: string }[] };
  return me.schools[0].id;
}

async function fileReports(api: string, count: number): Promise<string[]> {
  const token = await signIn(api, 'student.sam');
  const schoolId = await firstSchoolOf(api, token);
  const references: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const response = await fetch(`${api}/api/v1/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        schoolId,
        category: 'verbal',
        location: 'cafeteria',
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        description: `Scale-out check report number ${i} through ${api}`,
      }),
    });
    if (response.status !== 201) throw new Error(`filing answered ${response.status}`);
    references.push(((await response.json()) as { reference: string }).reference);
  }
  return references;
}

async function signIn(api: string, username: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const response = await fetch(`${api}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'safe-schools-demo' }),
    });
    if (response.ok) return ((await response.json()) as { accessToken: string }).accessToken;
    await sleep(500); // the other API may still be seeding the demo
  }
  throw new Error(`could not sign in as ${username}`);
}

/** A local SMTP server that records each message's Message-ID. */
async function startMailSink(): Promise<{
  server: SMTPServer;
  port: number;
  messageIds: string[];
}> {
  const messageIds: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        const id = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1];
        if (id) messageIds.push(id);
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, port, messageIds };
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The scale-out check failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
