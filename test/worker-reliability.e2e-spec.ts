import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runPendingMigrations } from '@app/database';
import { Client } from 'pg';
import { MailSink } from './support/mail-sink';
import { PostgresProcess } from './support/postgres-process';
import { TestApp } from './support/test-app';

// jest.config.js sets testTimeout inside the e2e project, where jest ignores it.
jest.setTimeout(90_000);

const ROOT = resolve(__dirname, '..');
const WORKER_MAIN = join(ROOT, 'dist/apps/worker/src/main.js');

interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
}

describe('the worker process survives crashes and database restarts', () => {
  const children = new Set<ChildProcess>();
  const sinks: MailSink[] = [];
  let dataDir: string;

  /** `node dist/apps/worker/src/main.js`, exactly as operators run it. */
  const spawnWorker = (databaseUrl: string, smtpUrl: string): WorkerProcess => {
    if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: run npm run build`);
    const child = spawn(process.execPath, [WORKER_MAIN], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        SMTP_URL: smtpUrl,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        WORKER_POLL_MS: '50',
        DEADLINE_SCAN_SECONDS: '3600',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', () => children.delete(child));
    return { child, output: () => output };
  };
  const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
  const kill = async (child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL') => {
    if (!alive(child)) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };
  const stop = async (child: ChildProcess) => {
    if (!alive(child)) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const waitUntil = async (
    what: string,
    done: () => boolean | Promise<boolean>,
    timeoutMs = 30_000,
  ) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(25);
    }
  };
  const startSink = async (options: Parameters<typeof MailSink.start>[0] = {}) => {
    const sink = await MailSink.start(options);
    sinks.push(sink);
    return sink;
  };

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'safe-schools-worker-'));
    chmodSync(dataDir, 0o755);
  });

  afterAll(async () => {
    await Promise.all([...children].map((child) => kill(child)));
    await Promise.all(sinks.map((sink) => sink.close()));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  describe('killed with SIGKILL in the middle of a batch', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await TestApp.start();
    });

    afterAll(async () => {
      await Promise.all([...children].map((child) => kill(child)));
      await t?.close();
    });

    it('delivers every event and every e-mail exactly once after restarts', async () => {
      const { district, school, users } = await t.factory.world();
      const counselors = [
        users.counselor,
        await t.factory.user('counselor', { district, schools: [school] }),
        await t.factory.user('counselor', { district, schools: [school] }),
      ];
      // Each SMTP session costs the server's 100 ms greeting delay: one counselor has an address.
      await t.dataSource.query(
        `UPDATE users SET email = username || '@mail.test' WHERE id = ANY($1)`,
        [[counselors[0], users.student, users.parent].map((user) => user.id)],
      );
      const student = await t.login(users.student.username);
      const admin = await t.login(users.schoolAdmin.username);

      // 24 new reports (3 counselors each) and 12 status changes (the student and the parent).
      const EVENTS = 24 + 12;
      const NOTICES = 24 * 3 + 12 * 2;
      const EMAILS = 24 + 12 * 2;
      const incidents: string[] = [];
      for (let i = 0; i < 24; i += 1) {
        const response = await t.http
          .post('/api/v1/incidents')
          .set({ Authorization: `Bearer ${student}` })
          .send({
            schoolId: school.id,
            category: 'verbal',
            location: 'cafeteria',
            occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
            description: `They laughed at me again at lunch, time number ${i + 1}.`,
          })
          .expect(201);
        incidents.push(response.body.id as string);
      }
      for (const id of incidents.slice(0, 12)) {
        await t.http
          .post(`/api/v1/incidents/${id}/triage`)
          .set({ Authorization: `Bearer ${admin}` })
          .send({ version: 1, severity: 'low' })
          .expect(200);
      }
      // Keep the workers' start-up deadline scans out of this count.
      await t.dataSource.query(
        `UPDATE incidents SET triage_due_at = now() + interval '3 days',
                              resolve_due_at = now() + interval '20 days' WHERE id = ANY($1)`,
        [incidents],
      );
      const events = (
        await t.dataSource.query<{ id: string }[]>(
          'SELECT id FROM outbox WHERE incident_id = ANY($1)',
          [incidents],
        )
      ).map((row) => row.id);
      expect(events).toHaveLength(EVENTS);
      const query = <T>(sql: string) => t.dataSource.query<T[]>(sql, [events]);
      const number = async (sql: string) => (await query<{ n: number }>(sql))[0].n;
      const delivered = () =>
        number(`SELECT count(*)::int AS n FROM outbox WHERE id = ANY($1) AND status = 'delivered'`);
      const sent = () =>
        number(
          `SELECT count(*)::int AS n FROM email_deliveries WHERE outbox_id = ANY($1) AND status = 'sent'`,
        );
      const url = (t.dataSource.options as { url: string }).url;

      const second: { worker?: WorkerProcess; killed: boolean } = { killed: false };
      const sink = await startSink({
        delayMs: 10,
        // The second worker dies while the server holds its 21st message, unanswered.
        beforeReply: async (mail, server) => {
          if (!second.worker || second.killed || server.accepted.length < 20) return;
          second.killed = true;
          await kill(second.worker.child);
          await waitUntil('the SMTP session to close', () => server.isClosed(mail.sessionId));
        },
      });

      // 1. Killed while turning events into notices.
      const first = spawnWorker(url, sink.url);
      let deliveredAtKill = 0;
      await waitUntil(
        'the first worker to deliver part of the events',
        async () => {
          if (!alive(first.child)) throw new Error(`worker exited: ${first.output()}`);
          deliveredAtKill = await delivered();
          return deliveredAtKill > 0;
        },
        20_000,
      );
      await kill(first.child);
      expect(deliveredAtKill).toBeLessThan(EVENTS);

      // 2. Killed while handing e-mails to the mail server.
      const secondWorker = spawnWorker(url, sink.url);
      second.worker = secondWorker;
      await waitUntil('the second worker to be killed', () => {
        if (!second.killed && !alive(secondWorker.child))
          throw new Error(`worker exited: ${secondWorker.output()}`);
        return second.killed;
      });
      expect(await sent()).toBeLessThan(EMAILS);

      // 3. A third worker finishes the work.
      const third = spawnWorker(url, sink.url);
      await waitUntil('every event and e-mail', async () => {
        if (!alive(third.child)) throw new Error(`worker exited: ${third.output()}`);
        return (await delivered()) === EVENTS && (await sent()) === EMAILS;
      });
      await stop(third.child);

      const perRecipient = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications WHERE outbox_id = ANY($1) GROUP BY outbox_id, user_id`,
      );
      expect(perRecipient).toHaveLength(NOTICES);
      expect(perRecipient.every((row) => row.n === 1)).toBe(true);
      const emails = await query<{ id: string; status: string }>(
        'SELECT id, status FROM email_deliveries WHERE outbox_id = ANY($1)',
      );
      expect(emails).toHaveLength(EMAILS);
      const expectedIds = emails.map((email) => `<${email.id}@safe-schools>`).sort();
      const counts = sink.acceptedCounts();
      expect([...counts.keys()].sort()).toEqual(expectedIds);
      expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
      // The one message the server held when the worker died was never answered: sent again once.
      const unanswered = sink.received.filter((mail) => !sink.accepted.includes(mail));
      expect(unanswered.length).toBeGreaterThanOrEqual(1);
      for (const mail of unanswered) expect(counts.get(mail.messageId)).toBe(1);

      // One record per status change, its two family recipients each told once per channel.
      const familyRecords = await query<{ outbox_id: string; channels: string[] }>(
        `SELECT data->>'outboxId' AS outbox_id, r->'channels' AS channels FROM incident_events,
                jsonb_array_elements(data->'recipients') AS r
          WHERE type = 'family_notified' AND data->>'outboxId' = ANY($1)`,
      );
      expect(new Set(familyRecords.map((row) => row.outbox_id)).size).toBe(12);
      expect(familyRecords.map((row) => row.channels.join())).toEqual(
        Array<string>(24).fill('in_app,email'),
      );
      expect(
        await number(
          `SELECT count(*)::int AS n FROM incident_events
            WHERE type = 'family_notified' AND data->>'outboxId' = ANY($1)`,
        ),
      ).toBe(12);
    });
  });

  describe('when its database stops and starts again', () => {
    let postgres: PostgresProcess | undefined;

    afterAll(async () => {
      await Promise.all([...children].map((child) => kill(child)));
      await postgres?.destroy();
    });

    it('recovers on its own and delivers the events written after the restart', async () => {
      postgres = await PostgresProcess.create();
      await postgres.start();
      const url = await postgres.createDatabase('safe_schools_restart');
      await runPendingMigrations(url);
      const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> => {
        const client = new Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query(text, params)).rows as T[];
        } finally {
          await client.end();
        }
      };
      const [district] = await sql<{ id: string }>(
        `INSERT INTO districts (name) VALUES ('Restart District') RETURNING id`,
      );
      const [school] = await sql<{ id: string }>(
        `INSERT INTO schools (district_id, name, code, time_zone) VALUES ($1, 'Restart Middle', 'RESTART', 'America/New_York') RETURNING id`,
        [district.id],
      );
      const [counselor] = await sql<{ id: string }>(
        `INSERT INTO users (district_id, username, display_name, email, role, password_hash)
         VALUES ($1, 'counselor.rae', 'Rae Counselor', 'rae@mail.test', 'counselor', 'x') RETURNING id`,
        [district.id],
      );
      await sql('INSERT INTO school_memberships (user_id, school_id) VALUES ($1, $2)', [
        counselor.id,
        school.id,
      ]);
      /** An event as CaseRecorder writes it: the recipients and the facts of the notice. */
      const queue = async (reference: string, delaySeconds = 0) =>
        (
          await sql<{ id: string }>(
            `INSERT INTO outbox (type, school_id, payload, available_at)
             VALUES ('filed', $1, $2, now() + make_interval(secs => $3)) RETURNING id`,
            [
              school.id,
              JSON.stringify({
                actorId: null,
                recipients: [{ userId: counselor.id, family: false }],
                facts: {
                  reference,
                  schoolName: 'Restart Middle',
                  category: 'verbal',
                  location: 'bus',
                  status: 'submitted',
                },
              }),
              delaySeconds,
            ],
          )
        )[0].id;
      const sink = await startSink();
      const arrived = (reference: string) =>
        sink.accepted.some((mail) => mail.headers.subject === `New report ${reference}`);
      const noticed = async (outboxId: string) =>
        (
          await sql<{ n: number }>(
            'SELECT count(*)::int AS n FROM notifications WHERE outbox_id = $1',
            [outboxId],
          )
        )[0].n === 1;

      const worker = spawnWorker(url, sink.url);
      const before = await queue('R-BEFORE');
      await waitUntil('the first event', async () => {
        if (!alive(worker.child)) throw new Error(`worker exited: ${worker.output()}`);
        return (await noticed(before)) && arrived('R-BEFORE');
      });
      // Due while the database is down.
      const dueMeanwhile = await queue('R-MEANWHILE', 3);

      await postgres.stop();
      await sleep(4_000);
      expect({ alive: alive(worker.child), output: worker.output() }).toMatchObject({
        alive: true,
      });
      await postgres.start();

      const after = await queue('R-AFTER');
      await waitUntil(
        'the events after the restart',
        async () => {
          if (!alive(worker.child)) throw new Error(`worker exited: ${worker.output()}`);
          return (
            (await noticed(after)) &&
            (await noticed(dueMeanwhile)) &&
            arrived('R-AFTER') &&
            arrived('R-MEANWHILE')
          );
        },
        30_000,
      );
      const statuses = await sql<{ status: string }>(
        'SELECT status FROM outbox WHERE id = ANY($1)',
        [[before, dueMeanwhile, after]],
      );
      expect(statuses.map((row) => row.status)).toEqual(['delivered', 'delivered', 'delivered']);
      expect([...sink.acceptedCounts().values()]).toEqual([1, 1, 1]);
      await stop(worker.child);
      expect(worker.child.exitCode).toBe(0);
    });
  });
});
