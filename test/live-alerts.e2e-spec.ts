import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AlertEscalation } from '@app/casework';
import { Clock, parseEnvironment } from '@app/common';
import { TestDatabases } from '@app/database';
import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  type User,
} from '@app/identity';
import { OutboxDispatcher } from '@app/notifications';
import { startWorker } from '@app/worker';
import { createApiApp } from '../apps/api/src/app.factory';
import { EventsController, HEARTBEAT_MS } from '../apps/api/src/live/events.controller';
import type { ApiClient } from './support/api-driver';
import type { Factory } from './support/factory';
import { openSse, type SseEvent, type SseStream } from './support/sse-reader';
import { TestApp } from './support/test-app';

jest.setTimeout(120_000);

type World = Awaited<ReturnType<Factory['world']>>;
interface LiveData {
  id: string;
  kind: string;
  schoolId: string;
  incidentId: string | null;
  payload: Record<string, unknown>;
}
interface AlertBody {
  id: string;
  incidentId: string;
  reference: string;
  acknowledgedAt: string | null;
  acknowledgedBy: { id: string; displayName: string } | null;
  escalatedAt: string | null;
}

const MINUTE = 60_000;
/** The test app's (test/support/test-app.ts). */
const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
const databases = () =>
  new TestDatabases(process.env.TEST_DATABASE_ADMIN_URL!, process.env.TEST_DATABASE_PREFIX!);
const DESCRIPTION = 'He said he would hurt me after school and showed a knife in the bathroom.';
const data = (event: SseEvent) => JSON.parse(event.data) as LiveData;
const about = (incidentId: string, kind: string) => (event: SseEvent) =>
  event.event === kind && data(event).incidentId === incidentId;

/**
 * The live stream and critical alerts: who may listen, what a screen hears
 * (and from which API process), catching up with Last-Event-ID, acknowledging
 * and the escalation after CRITICAL_ALERT_ESCALATION_MINUTES (fixed clock).
 */
describe('live updates and critical alerts', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let secondClosed = false;
  let world: World;
  let base: string;
  let secondBase: string;
  let counselor2: User;
  const api: Record<string, ApiClient> = {};
  const tokens: Record<string, string> = {};
  const streams: SseStream[] = [];

  const listen = async (app: NestFastifyApplication) => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  };
  const open = async (who: string, at = base, lastEventId?: string) => {
    const stream = await openSse(`${at}/api/v1/events`, {
      Authorization: `Bearer ${tokens[who]}`,
      ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
    });
    streams.push(stream);
    return stream;
  };
  const fileCritical = async (who = 'student') =>
    (
      await api[who]
        .file(world.school.id, { urgent: true, description: DESCRIPTION })
        .expectStatus(201)
    ).id;

  beforeAll(async () => {
    t = await TestApp.start({ CRITICAL_ALERT_ESCALATION_MINUTES: '15' });
    world = await t.factory.world();
    counselor2 = await t.factory.user('counselor', {
      district: world.district,
      schools: [world.school],
    });
    const cast = { ...world.users, counselor2 };
    for (const [key, user] of Object.entries(cast)) {
      api[key] = await t.signIn(user);
      tokens[key] = await t.login(user.username);
    }
    base = await listen(t.app);
    // A second API process on the same database: its own pool and LISTEN connection.
    second = await createApiApp(
      parseEnvironment({
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        JWT_SECRET,
        DATABASE_POOL_SIZE: '3',
      }),
      databases().urlOf(t.databaseName),
    );
    secondBase = await listen(second);
  });

  afterAll(async () => {
    for (const stream of streams) stream.close();
    if (!secondClosed) await second?.close();
    await t?.close();
  });

  describe('who may listen and acknowledge', () => {
    it.each(['staff', 'student', 'parent', 'districtAdmin'])(
      'refuses the stream and the alerts to %s (403)',
      async (who) => {
        const stream = await open(who);
        expect(stream.response.status).toBe(403);
        await api[who].get('/alerts').expect(403);
      },
    );

    it('refuses the stream without a token, and does not take one in the URL (401)', async () => {
      const anonymous = await openSse(`${base}/api/v1/events`, {});
      expect(anonymous.response.status).toBe(401);
      const inUrl = await openSse(
        `${base}/api/v1/events?access_token=${tokens.counselor}&token=${tokens.counselor}`,
        {},
      );
      expect(inUrl.response.status).toBe(401);
      await t.anonymous().get('/alerts').expect(401);
    });

    it('refuses acknowledging to roles without it (403) and outside the school (404)', async () => {
      const id = await fileCritical();
      for (const who of ['staff', 'student', 'parent', 'districtAdmin'])
        await api[who].post(`/incidents/${id}/alert/acknowledge`).expect(403);
      for (const who of ['sisterAdmin', 'foreignAdmin'])
        await api[who].post(`/incidents/${id}/alert/acknowledge`).expect(404);
      await api.counselor
        .post('/incidents/00000000-0000-4000-8000-000000000000/alert/acknowledge')
        .expect(404);
      await api.counselor.post('/incidents/not-a-uuid/alert/acknowledge').expect(400);
      await api.counselor.post(`/incidents/${id}/alert/acknowledge`).expect(200);
    });

    it('answers 404 for a case that never had an alert', async () => {
      const { id } = await api.student.file(world.school.id).expectStatus(201);
      await api.counselor.post(`/incidents/${id}/alert/acknowledge`).expect(404);
    });
  });

  describe('the stream', () => {
    it('is an event stream with the app headers, and says hello', async () => {
      const stream = await open('counselor');
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(stream.response.headers.get('cache-control')).toMatch(/no-cache/);
      expect(stream.response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(stream.response.headers.get('x-request-id')).toBeTruthy();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(stream.comments).toContain('connected');
    });

    it('ends when the access token expires, so that the screen comes back with a fresh one', async () => {
      const shortLived = new JwtService({ secret: JWT_SECRET }).sign(
        { sub: world.users.counselor.id, role: 'counselor' },
        {
          expiresIn: 2,
          algorithm: ACCESS_TOKEN_ALGORITHM,
          issuer: ACCESS_TOKEN_ISSUER,
          audience: ACCESS_TOKEN_AUDIENCE,
        },
      );
      const stream = await openSse(`${base}/api/v1/events`, {
        Authorization: `Bearer ${shortLived}`,
      });
      streams.push(stream);
      expect(stream.response.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      expect(stream.ended()).toBe(true);
      const again = await openSse(`${base}/api/v1/events`, {
        Authorization: `Bearer ${shortLived}`,
      });
      expect(again.response.status).toBe(401);
    });

    it('sends a heartbeat comment while nothing happens', async () => {
      const controller = t.app.get(EventsController);
      controller.heartbeatMs = 100;
      try {
        const stream = await open('schoolAdmin');
        await new Promise((resolve) => setTimeout(resolve, 350));
        expect(
          stream.comments.filter((comment) => comment === 'heartbeat').length,
        ).toBeGreaterThanOrEqual(2);
      } finally {
        controller.heartbeatMs = HEARTBEAT_MS;
      }
    });

    it('tells the staff of the school, on every API process, of a critical report and its alert; never its text', async () => {
      const onFirst = await open('counselor');
      const onSecond = await open('counselor2', secondBase);
      const admin = await open('schoolAdmin', secondBase);
      const sister = await open('sisterAdmin', secondBase);
      const id = await fileCritical();

      for (const stream of [onFirst, onSecond, admin]) {
        const filed = await stream.waitFor(about(id, 'incident.filed'));
        const raised = await stream.waitFor(about(id, 'alert.raised'));
        await stream.waitFor(about(id, 'incident.severity_changed'));
        expect(filed.id).toMatch(/^\d+$/);
        expect(data(raised)).toMatchObject({
          kind: 'alert.raised',
          schoolId: world.school.id,
          incidentId: id,
          payload: { reference: expect.stringMatching(/-\d{5}$/), alertId: expect.any(String) },
        });
      }
      expect(onSecond.events.every((event) => event.id && /^\d+$/.test(event.id))).toBe(true);
      const everything = onSecond.events.map((event) => event.data).join('\n');
      expect(everything).not.toContain('knife');
      expect(everything).not.toContain('hurt');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sister.events.filter((event) => data(event).incidentId === id)).toEqual([]);
    });

    it('tells of triage, assignment and status changes', async () => {
      const stream = await open('counselor', secondBase);
      const { id } = await api.student.file(world.school.id).expectStatus(201);
      await stream.waitFor(about(id, 'incident.filed'));
      const view = await api.counselor
        .triage(id, { version: 1, severity: 'high', assigneeId: world.users.counselor.id })
        .expectStatus(200);
      const triaged = await stream.waitFor(about(id, 'incident.triaged'));
      expect(data(triaged).payload).toMatchObject({ severity: 'high' });
      await stream.waitFor(about(id, 'incident.assigned'));
      const changed = await stream.waitFor(about(id, 'incident.status_changed'));
      expect(data(changed).payload).toMatchObject({ status: 'triaged' });
      expect(view.status).toBe('triaged');
      expect(stream.events.some(about(id, 'alert.raised'))).toBe(false);
    });

    it('catches up from Last-Event-ID: only the caller’s schools, only what came after', async () => {
      const first = await open('counselor');
      const a = await api.student.file(world.school.id).expectStatus(201);
      const seen = await first.waitFor(about(a.id, 'incident.filed'));
      first.close();
      const b = await fileCritical();
      const foreign = await api.sisterStudent.file(world.sisterSchool.id).expectStatus(201);

      const again = await open('counselor', base, seen.id);
      await again.waitFor(about(b, 'alert.raised'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const ids = again.events.map((event) => BigInt(event.id!));
      expect(ids.every((value) => value > BigInt(seen.id!))).toBe(true);
      expect([...ids].sort((x, y) => (x < y ? -1 : 1))).toEqual(ids);
      expect(again.events.some((event) => data(event).incidentId === a.id)).toBe(false);
      expect(again.events.some((event) => data(event).incidentId === foreign.id)).toBe(false);
    });
  });

  describe('critical alerts', () => {
    it('stay listed until someone acknowledges; then every screen hears it, once is enough', async () => {
      const casey = await open('counselor');
      const morgan = await open('counselor2', secondBase);
      const id = await fileCritical();
      await casey.waitFor(about(id, 'alert.raised'));

      const listed = await api.counselor2.get('/alerts').expect(200);
      const alert = (listed.body as { items: AlertBody[] }).items.find((a) => a.incidentId === id);
      expect(alert).toMatchObject({ acknowledgedAt: null, acknowledgedBy: null });
      expect((await api.sisterAdmin.get('/alerts').expect(200)).body).toEqual({ items: [] });

      const acknowledged = await api.counselor2
        .post(`/incidents/${id}/alert/acknowledge`)
        .expect(200);
      const body = acknowledged.body as AlertBody;
      expect(body).toMatchObject({
        id: alert!.id,
        acknowledgedBy: { id: counselor2.id, displayName: counselor2.displayName },
      });
      for (const stream of [casey, morgan]) {
        const heard = await stream.waitFor(about(id, 'alert.acknowledged'));
        expect(data(heard).payload).toMatchObject({ alertId: alert!.id });
      }
      const items = (await api.counselor.get('/alerts').expect(200)).body as { items: AlertBody[] };
      expect(items.items.some((a) => a.incidentId === id)).toBe(false);

      // Again: the first acknowledgement stands, nothing new is recorded.
      const twice = await api.schoolAdmin.post(`/incidents/${id}/alert/acknowledge`).expect(200);
      expect(twice.body).toMatchObject({
        acknowledgedAt: body.acknowledgedAt,
        acknowledgedBy: { id: counselor2.id },
      });

      const staffView = await api.counselor.incident(id).expectStatus(200);
      const entries = staffView.timeline.filter((entry) => entry.type === 'alert_acknowledged');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ visibility: 'internal' });
      const familyView = await api.student.incident(id).expectStatus(200);
      expect(familyView.timeline.map((entry) => entry.type)).not.toContain('alert_acknowledged');
      const audit = await t.dataSource.query<{ actor_id: string }[]>(
        `SELECT actor_id FROM audit_log WHERE incident_id = $1 AND action = 'incident.alert_acknowledged'`,
        [id],
      );
      expect(audit).toEqual([{ actor_id: counselor2.id }]);
    });

    it('are raised when triage makes a case critical, not twice for a case filed critical', async () => {
      const stream = await open('schoolAdmin');
      const { id } = await api.student.file(world.school.id).expectStatus(201);
      await api.counselor.triage(id, { version: 1, severity: 'critical' }).expectStatus(200);
      await stream.waitFor(about(id, 'alert.raised'));

      const critical = await fileCritical();
      await stream.waitFor(about(critical, 'alert.raised'));
      const { version } = await api.counselor.incident(critical).expectStatus(200);
      await api.counselor.triage(critical, { version, severity: 'critical' }).expectStatus(200);
      await stream.waitFor(about(critical, 'incident.triaged'));
      const [{ count }] = await t.dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM critical_alerts WHERE incident_id = $1`,
        [critical],
      );
      expect(count).toBe(1);
    });

    it('escalate once to the school’s and the district’s admins after the configured time (fixed clock)', async () => {
      const id = await fileCritical();
      const acknowledgedId = await fileCritical();
      await api.counselor.post(`/incidents/${acknowledgedId}/alert/acknowledge`).expect(200);
      const [{ raised_at }] = await t.dataSource.query<{ raised_at: Date }[]>(
        `SELECT raised_at FROM critical_alerts WHERE incident_id = $1`,
        [id],
      );
      const clock = t.app.get(Clock);
      const escalation = t.app.get(AlertEscalation);
      const at = (minutes: number) =>
        jest.spyOn(clock, 'now').mockReturnValue(new Date(raised_at.getTime() + minutes * MINUTE));
      const stream = await open('counselor');
      try {
        at(14);
        await escalation.scan();
        expect(await escalatedAlerts([id, acknowledgedId])).toEqual([]);

        at(16);
        expect(await escalation.scan()).toBeGreaterThanOrEqual(1);
        expect(await escalatedAlerts([id, acknowledgedId])).toEqual([id]);
        at(60);
        await escalation.scan();
        expect(await escalatedAlerts([id, acknowledgedId])).toEqual([id]);
      } finally {
        jest.restoreAllMocks();
      }

      const outbox = await t.dataSource.query<{ payload: { recipients: { userId: string }[] } }[]>(
        `SELECT payload FROM outbox WHERE incident_id = $1 AND type = 'alert_escalated'`,
        [id],
      );
      expect(outbox).toHaveLength(1);
      expect(outbox[0].payload.recipients.map((r) => r.userId).sort()).toEqual(
        [world.users.schoolAdmin.id, world.users.districtAdmin.id].sort(),
      );
      // Delivered like every notice: the worker writes the e-mails.
      await t.dataSource.query(
        `UPDATE users SET email = username || '@example.org' WHERE id = ANY($1)`,
        [[world.users.schoolAdmin.id, world.users.districtAdmin.id, world.users.counselor.id]],
      );
      const dataDir = mkdtempSync(join(tmpdir(), 'live-alerts-'));
      const worker = await startWorker(
        parseEnvironment({
          DATA_DIR: dataDir,
          LOG_LEVEL: 'silent',
          WORKER_POLL_MS: '60000',
          DEADLINE_SCAN_SECONDS: '3600',
        }),
        databases().urlOf(t.databaseName),
      );
      try {
        while ((await worker.get(OutboxDispatcher).dispatchBatch()) > 0);
      } finally {
        await worker.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
      const emails = await t.dataSource.query<{ user_id: string; subject: string }[]>(
        `SELECT e.user_id, e.subject FROM email_deliveries e JOIN outbox o ON o.id = e.outbox_id
          WHERE o.incident_id = $1 AND o.type = 'alert_escalated' ORDER BY e.user_id`,
        [id],
      );
      expect(emails.map((email) => email.user_id).sort()).toEqual(
        [world.users.schoolAdmin.id, world.users.districtAdmin.id].sort(),
      );
      expect(emails[0].subject).toMatch(/^URGENT: nobody has acknowledged critical report /);

      const view = await api.counselor.incident(id).expectStatus(200);
      expect(view.timeline.filter((entry) => entry.type === 'alert_escalated')).toHaveLength(1);
      await stream.waitFor(about(id, 'alert.escalated'));
      // Escalated, it still waits on every screen for someone to acknowledge it.
      const open_ = (await api.counselor.get('/alerts').expect(200)).body as { items: AlertBody[] };
      expect(open_.items.find((a) => a.incidentId === id)?.escalatedAt).toBeTruthy();
    });

    async function escalatedAlerts(incidentIds: string[]): Promise<string[]> {
      const rows = await t.dataSource.query<{ incident_id: string }[]>(
        `SELECT incident_id FROM critical_alerts WHERE incident_id = ANY($1) AND escalated_at IS NOT NULL`,
        [incidentIds],
      );
      return rows.map((row) => row.incident_id);
    }
  });

  it('keeps the stream going when the LISTEN connection drops: reconnects and replays what it missed', async () => {
    const stream = await open('counselor');
    const [{ killed }] = await t.dataSource.query<{ killed: number }[]>(
      `SELECT count(pg_terminate_backend(pid))::int AS killed FROM pg_stat_activity
        WHERE application_name = 'safe-schools-live' AND datname = current_database()`,
    );
    expect(killed).toBeGreaterThanOrEqual(1);
    // Committed while nobody listens: the process reads it back from the table.
    const id = await fileCritical();
    await stream.waitFor(about(id, 'alert.raised'), 10_000);
    const later = await api.student.file(world.school.id).expectStatus(201);
    await stream.waitFor(about(later.id, 'incident.filed'), 10_000);
  });

  it('ends its open streams when the API shuts down, without waiting for them', async () => {
    const stream = await open('counselor', secondBase);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await second.close();
    secondClosed = true;
    expect(Date.now() - started).toBeLessThan(5_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.ended()).toBe(true);
  });
});
