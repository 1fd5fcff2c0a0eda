import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { parseEnvironment } from '@app/common';
import { DemoSeedService } from '@app/identity';
import { EmailSender, OutboxDispatcher } from '@app/notifications';
import { startWorker } from '@app/worker';
import { parseMail } from './support/mail-sink';
import { TestApp } from './support/test-app';

// jest.config.js sets testTimeout inside the e2e project, where jest ignores it.
jest.setTimeout(60_000);

const DEMO_PASSWORD = 'safe-schools-demo';
const DEMO_USERNAMES = [
  'district.dana',
  'admin.alex',
  'counselor.casey',
  'counselor.morgan',
  'staff.taylor',
  'student.sam',
  'student.jo',
  'parent.pat',
  'admin.avery',
  'counselor.chris',
  'student.riley',
  'parent.quinn',
] as const;
type DemoUser = (typeof DEMO_USERNAMES)[number];

interface TimelineEntry {
  type: string;
  visibility?: string;
  data: Record<string, unknown>;
}

describe('the demo: a critical report reaches the right staff and, once resolved, the family', () => {
  let t: TestApp;
  let dataDir: string;
  let worker: INestApplicationContext;
  const ids = new Map<string, DemoUser>();
  const userIds = {} as Record<DemoUser, string>;

  const deliverAll = async () => {
    for (let round = 0; round < 100; round += 1) {
      const events = await worker.get(OutboxDispatcher).dispatchBatch();
      const emails = await worker.get(EmailSender).sendBatch();
      if (events + emails === 0) return;
    }
    throw new Error('the worker never ran out of work');
  };
  const noticesOf = async (incidentId: string) =>
    (
      await t.dataSource.query<{ user_id: string; type: string }[]>(
        'SELECT user_id, type FROM notifications WHERE incident_id = $1',
        [incidentId],
      )
    ).map((row) => `${ids.get(row.user_id)} ${row.type}`);
  const view = async (id: string, who: DemoUser) =>
    (await (await t.signIn(who, DEMO_PASSWORD)).get(`/incidents/${id}`).expect(200)).body as {
      version: number;
      reference: string;
      timeline: TimelineEntry[];
    };
  const step = async (
    who: DemoUser,
    id: string,
    path: 'triage' | 'transitions' | 'resolve',
    body: Record<string, unknown>,
  ) =>
    (await t.signIn(who, DEMO_PASSWORD))
      .post(`/incidents/${id}/${path}`)
      .send({ version: (await view(id, who)).version, ...body })
      .expect(200);
  const mails = () => {
    const dir = join(dataDir, 'mail');
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((file) => file.endsWith('.eml'))
          .map((file) => parseMail(readFileSync(join(dir, file), 'utf8')))
      : [];
  };
  const schoolOf = async (who: DemoUser) =>
    (
      (await (await t.signIn(who, DEMO_PASSWORD)).get('/me').expect(200)).body as {
        schools: { id: string; name: string }[];
      }
    ).schools[0];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'safe-schools-demo-mail-'));
    chmodSync(dataDir, 0o755);
    t = await TestApp.start({ DATA_DIR: dataDir });
    await expect(t.app.get(DemoSeedService).seedIfEmpty(DEMO_PASSWORD)).resolves.toBe(true);
    const rows = await t.dataSource.query<{ id: string; username: DemoUser }[]>(
      'SELECT id, username FROM users',
    );
    expect(rows.map((row) => row.username).sort()).toEqual([...DEMO_USERNAMES].sort());
    for (const row of rows) {
      ids.set(row.id, row.username);
      userIds[row.username] = row.id;
    }
    worker = await startWorker(
      parseEnvironment({
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        WORKER_POLL_MS: '60000',
        DEADLINE_SCAN_SECONDS: '3600',
      }),
      (t.dataSource.options as { url: string }).url,
    );
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("alerts Maple Ridge's counselors and admin once each, tells parent.pat in the app and by e-mail when it is resolved, and records both on the staff timeline", async () => {
    const maple = await schoolOf('student.sam');
    expect(maple.name).toBe('Maple Ridge Middle School');
    const filed = await (
      await t.signIn('student.sam', DEMO_PASSWORD)
    )
      .post('/incidents')
      .send({
        schoolId: maple.id,
        category: 'threat',
        location: 'playground',
        occurredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
        description: 'An older boy said he would hurt me after school if I tell anyone.',
        urgent: true,
      })
      .expect(201);
    const id = filed.body.id as string;
    expect(filed.body.severity).toBe('critical');

    // Nothing is sent by the request itself.
    expect(await noticesOf(id)).toEqual([]);
    expect(mails()).toEqual([]);

    await deliverAll();
    expect((await noticesOf(id)).sort()).toEqual([
      'admin.alex escalated',
      'counselor.casey escalated',
      'counselor.morgan escalated',
    ]);
    // The school's on-call contact is e-mailed too when this runs outside Maple Ridge's hours
    // (test/after-hours.e2e-spec.ts covers that with a fixed clock); here: the accounts.
    const staffMail = mails()
      .map((mail) => mail.headers.to)
      .filter((to) => !to.startsWith('oncall.'));
    expect(staffMail.sort()).toEqual([
      'admin.alex@riverside.example',
      'counselor.casey@riverside.example',
      'counselor.morgan@riverside.example',
    ]);

    // counselor.casey triages, starts and resolves it.
    await step('counselor.casey', id, 'triage', { severity: 'critical' });
    await step('counselor.casey', id, 'transitions', { action: 'start' });
    await step('counselor.casey', id, 'resolve', {
      outcome: 'substantiated',
      summary: 'We met with the students and their families; a safety plan is in place.',
    });
    await deliverAll();

    // parent.pat: in the app ...
    const inbox = await (
      await t.signIn('parent.pat', DEMO_PASSWORD)
    )
      .get('/notifications?unread=true')
      .expect(200);
    const patNotices = (inbox.body.items as { type: string; incidentId: string; title: string }[])
      .filter((item) => item.incidentId === id)
      .map((item) => item.type)
      .sort();
    expect(patNotices).toEqual(['resolved', 'status_changed', 'status_changed']);
    // ... and by e-mail, written to DATA_DIR/mail without SMTP.
    const patMail = mails().filter((mail) => mail.headers.to === 'parent.pat@riverside.example');
    expect(patMail.map((mail) => mail.headers.subject)).toContainEqual(
      `Report ${filed.body.reference as string} was resolved`,
    );
    expect(patMail).toHaveLength(3);

    // Nobody at Oak Hill, nobody uninvolved, and not the one who acted.
    const everyone = await noticesOf(id);
    for (const outsider of [
      'admin.avery',
      'counselor.chris',
      'student.riley',
      'parent.quinn',
      'staff.taylor',
      'student.jo',
      'district.dana',
    ]) {
      expect(everyone.filter((notice) => notice.startsWith(`${outsider} `))).toEqual([]);
    }
    expect(everyone.filter((notice) => notice.startsWith('counselor.casey '))).toEqual([
      'counselor.casey escalated',
    ]);

    // The staff timeline records what reached the family, and how.
    const staff = await view(id, 'counselor.casey');
    const told = staff.timeline.filter((entry) => entry.type === 'family_notified');
    expect(told.map((entry) => entry.data.notice as string).sort()).toEqual([
      'resolved',
      'status_changed',
      'status_changed',
    ]);
    for (const entry of told) {
      expect(entry.visibility).toBe('internal');
      expect(entry.data).toEqual({
        notice: expect.any(String),
        outboxId: expect.any(String),
        recipients: expect.arrayContaining([
          {
            recipientId: userIds['parent.pat'],
            recipientName: 'Pat Carter',
            channels: ['in_app', 'email'],
          },
        ]),
      });
    }

    // ... and the family never sees that record.
    for (const who of ['parent.pat', 'student.sam'] as const) {
      const own = await view(id, who);
      expect(own.timeline.map((entry) => entry.type)).not.toContain('family_notified');
    }
  });

  it('writes to parent.quinn in Spanish, in the app and by e-mail', async () => {
    const oak = await schoolOf('student.riley');
    const filed = await (
      await t.signIn('student.riley', DEMO_PASSWORD)
    )
      .post('/incidents')
      .send({
        schoolId: oak.id,
        category: 'social',
        location: 'classroom',
        occurredAt: new Date(Date.now() - 60 * 60_000).toISOString(),
        description: 'Nobody lets me sit with them and they hide my backpack every day.',
      })
      .expect(201);
    const id = filed.body.id as string;
    const reference = filed.body.reference as string;
    await deliverAll();
    expect((await noticesOf(id)).sort()).toEqual(['counselor.chris filed']);

    await step('counselor.chris', id, 'triage', { severity: 'medium' });
    await deliverAll();

    const inbox = await (
      await t.signIn('parent.quinn', DEMO_PASSWORD)
    )
      .get('/notifications')
      .expect(200);
    const notice = (inbox.body.items as { incidentId: string; title: string; body: string }[]).find(
      (item) => item.incidentId === id,
    );
    expect(notice?.title).toBe(`Novedades sobre el reporte ${reference}`);
    expect(notice?.body).toContain('Inicie sesión en Safe Schools');
    const mail = mails().find((m) => m.headers.to === 'parent.quinn@riverside.example');
    expect(mail?.headers.subject).toBe(`Novedades sobre el reporte ${reference}`);
    expect(mail?.text).toContain('ahora está revisado por la escuela');

    // student.riley reads English.
    const rileyMail = mails().find(
      (m) =>
        m.headers.to === 'student.riley@riverside.example' &&
        m.headers.subject === `Update on report ${reference}`,
    );
    expect(rileyMail).toBeDefined();
  });
});
