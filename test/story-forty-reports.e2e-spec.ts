import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { parseEnvironment } from '@app/common';
import type { District, School, User } from '@app/identity';
import { EmailSender, OutboxDispatcher } from '@app/notifications';
import { startWorker } from '@app/worker';
import type { ApiClient } from './support/api-driver';
import { parseMail } from './support/mail-sink';
import { TestApp } from './support/test-app';

// Forty filings, forty staff views and a worker run take a while on a busy machine.
jest.setTimeout(180_000);

/**
 * The story of issue 13's "Done when": a video of a lunchroom fight goes
 * round the school and forty people report it. The counselor opens the first
 * report, finds the other thirty-nine among its suggestions, links them into
 * one group, investigates once and resolves once; every reporter and family
 * is told the outcome in their own language, and none of them learns anything
 * about the others.
 */

type Locale = 'en' | 'es';

interface Reporter {
  kind: 'student' | 'parent' | 'anonymous';
  locale: Locale;
  /** Signed in: the reporter's account; the parent of a student reporter is `family`. */
  user?: User;
  family?: User;
  /** Filed by a parent: the child it is about. */
  child?: User;
  trackingCode?: string;
  id?: string;
  reference?: string;
  story?: string;
}

const EN_STORIES = [
  'There is a video going around of the fight in the lunchroom today, two boys pushed Marco off the bench and everyone filmed it.',
  'Someone filmed two boys pushing Marco off the bench in the lunchroom at lunch today and the video is all over the group chat.',
  'In the lunchroom today two boys knocked Marco off the bench and kids filmed it, now the video is going around.',
  'I saw the video of the lunchroom fight today, Marco got pushed off the bench by two boys while people filmed.',
];
const ES_STORIES = [
  'Hay un video del comedor de hoy donde dos chicos empujan a Marco del banco y todos lo grabaron.',
  'En el comedor hoy dos chicos tiraron a Marco del banco y el video circula por todo el chat del grado.',
];

const RESOLVED_TITLE: Record<Locale, (reference: string) => string> = {
  en: (reference) => `Report ${reference} was resolved`,
  es: (reference) => `El reporte ${reference} fue resuelto`,
};

describe('story: forty reports about one lunchroom video', () => {
  let t: TestApp;
  let dataDir: string;
  let worker: INestApplicationContext;
  let district: District;
  let school: School;
  let counselor: ApiClient;
  const reporters: Reporter[] = [];
  let primary: Reporter;
  const outcome = {
    outcome: 'substantiated',
    summary:
      'We met every student involved; the video was taken down and the two students face consequences under the code of conduct.',
  };
  const note = 'Met the two students seen pushing in the video; both admit it. Parents called.';
  const intervention = 'Talked with Marco and agreed a safety plan for lunch periods.';

  const deliverAll = async () => {
    for (let round = 0; round < 200; round += 1) {
      const events = await worker.get(OutboxDispatcher).dispatchBatch();
      const emails = await worker.get(EmailSender).sendBatch();
      if (events + emails === 0) return;
    }
    throw new Error('the worker never ran out of work');
  };
  const mails = () => {
    const dir = join(dataDir, 'mail');
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((file) => file.endsWith('.eml'))
          .map((file) => parseMail(readFileSync(join(dir, file), 'utf8')))
      : [];
  };
  const person = (role: 'student' | 'parent', locale: Locale) =>
    t.factory.user(role, { district, schools: [school] }, { locale, email: null });
  const signedIn = (reporter: Reporter) => t.signIn(reporter.user!);
  const occurredAt = new Date(Date.now() - 4 * 60 * 60_000).toISOString();
  const storyOf = (index: number, locale: Locale) =>
    locale === 'es' && index % 3 === 0
      ? ES_STORIES[index % ES_STORIES.length]
      : EN_STORIES[index % EN_STORIES.length];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'safe-schools-forty-'));
    chmodSync(dataDir, 0o755);
    t = await TestApp.start({ DATA_DIR: dataDir });
    district = await t.factory.district();
    school = await t.factory.school(district);
    counselor = await t.signIn(await t.factory.user('counselor', { district, schools: [school] }));
    // 16 students (half in Spanish) with a parent each, 14 parents filing for their
    // child (half in Spanish), 10 anonymous reports.
    for (let i = 0; i < 16; i += 1) {
      const locale: Locale = i % 2 ? 'es' : 'en';
      const user = await person('student', locale);
      const family = await person('parent', locale);
      await t.factory.guardianship(family, user);
      reporters.push({ kind: 'student', locale, user, family });
    }
    for (let i = 0; i < 14; i += 1) {
      const locale: Locale = i % 2 ? 'es' : 'en';
      const user = await person('parent', locale);
      const child = await person('student', locale);
      await t.factory.guardianship(user, child);
      reporters.push({ kind: 'parent', locale, user, child });
    }
    for (let i = 0; i < 10; i += 1)
      reporters.push({ kind: 'anonymous', locale: i % 2 ? 'es' : 'en' });
    await t.dataSource.query(
      `UPDATE users SET email = username || '@mail.test' WHERE id = ANY($1)`,
      [reporters.flatMap((r) => [r.user?.id, r.family?.id]).filter(Boolean)],
    );
    worker = await startWorker(
      parseEnvironment({
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        WORKER_POLL_MS: '60000',
        DEADLINE_SCAN_SECONDS: '3600',
        PUBLIC_URL: 'https://reports.example-district.org/',
      }),
      (t.dataSource.options as { url: string }).url,
    );
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('forty people report the video: students, parents for their children and anonymous reporters', async () => {
    for (const [index, reporter] of reporters.entries()) {
      const report = {
        category: 'physical',
        location: 'cafeteria',
        occurredAt,
        description: storyOf(index, reporter.locale),
      };
      reporter.story = report.description;
      if (reporter.kind === 'anonymous') {
        const filed = await t.http
          .post('/api/v1/public/reports')
          .set('X-Forwarded-For', `198.51.100.${index + 1}`)
          .send({ schoolCode: school.code, ...report })
          .expect(201);
        reporter.trackingCode = filed.body.trackingCode;
        reporter.reference = filed.body.reference;
        const [row] = await t.dataSource.query<{ id: string }[]>(
          'SELECT id FROM incidents WHERE reference = $1',
          [filed.body.reference],
        );
        reporter.id = row.id;
      } else {
        const client = await signedIn(reporter);
        const filed = await client
          .file(school.id, {
            ...report,
            ...(reporter.child ? { onBehalfOfStudentId: reporter.child.id } : {}),
          })
          .expectStatus(201);
        reporter.id = filed.id;
        reporter.reference = filed.reference;
      }
    }
    primary = reporters[0];
    expect(new Set(reporters.map((r) => r.id)).size).toBe(40);
  });

  it('the counselor opens the first report and finds the other thirty-nine among its suggestions, ranked', async () => {
    const { items } = (
      await counselor.get(`/incidents/${primary.id}/related-suggestions`).expect(200)
    ).body as {
      items: {
        id: string;
        score: number;
        reasons: { sameLocation: boolean; daysApart: number; textSimilarity: number };
      }[];
    };
    expect(items.map((item) => item.id).sort()).toEqual(
      reporters
        .slice(1)
        .map((r) => r.id!)
        .sort(),
    );
    for (const item of items) {
      expect(item.reasons.sameLocation).toBe(true);
      expect(item.reasons.daysApart).toBeLessThan(1);
    }
    const scores = items.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The same story in the same words ranks above the same story told in Spanish.
    const rank = (r: Reporter) => items.findIndex((item) => item.id === r.id);
    const sameWords = reporters.slice(1).filter((r) => r.story === primary.story);
    const spanish = reporters.filter((r) => ES_STORIES.includes(r.story!));
    expect(sameWords.length).toBeGreaterThan(0);
    expect(spanish.length).toBeGreaterThan(0);
    for (const r of sameWords) {
      for (const s of spanish) expect(rank(r)).toBeLessThan(rank(s));
    }
  });

  it('links all of them into one group with the first report as primary', async () => {
    const group = (
      await counselor
        .post(`/incidents/${primary.id}/related`, {
          incidentIds: reporters.slice(1).map((r) => r.id),
          reason: 'All about the lunchroom video of the same fight',
        })
        .expect(200)
    ).body as {
      groupId: string;
      primaryIncidentId: string;
      members: { id: string; primary: boolean }[];
    };
    expect(group.primaryIncidentId).toBe(primary.id);
    expect(group.members).toHaveLength(40);
    expect(group.members[0]).toMatchObject({ id: primary.id, primary: true });
    const fromAnother = (await counselor.get(`/incidents/${reporters[17].id}/related`).expect(200))
      .body;
    expect(fromAnother).toEqual(group);
    expect(
      (await counselor.get(`/incidents/${primary.id}/related-suggestions`).expect(200)).body.items,
    ).toEqual([]);
    const [linked] = await t.dataSource.query<{ events: number; audits: number }[]>(
      `SELECT (SELECT count(*) FROM incident_events WHERE type = 'case_linked')::int AS events,
              (SELECT count(*) FROM audit_log WHERE action = 'incident.linked')::int AS audits`,
    );
    // One on each of the 39 that joined, and one on the primary naming them.
    expect(linked).toEqual({ events: 40, audits: 40 });
  });

  it('one investigation: a note and an intervention on any member show on every member’s staff view', async () => {
    await counselor.walk(primary.id!, 'investigating');
    await counselor
      .note(reporters[5].id!, { visibility: 'internal', body: note })
      .expectStatus(201);
    await counselor
      .action(reporters[33].id!, {
        type: 'counseling_session',
        description: intervention,
        takenAt: new Date(Date.now() - 60_000).toISOString(),
      })
      .expectStatus(201);
    for (const reporter of reporters) {
      const view = await counselor.incident(reporter.id!).expectStatus(200);
      const timeline = view.timeline as unknown as {
        type: string;
        data: Record<string, unknown>;
        writtenOn?: { id: string; reference: string };
      }[];
      const noteEntry = timeline.find((entry) => entry.type === 'internal_note');
      const actionEntry = timeline.find((entry) => entry.type === 'action_recorded');
      expect(noteEntry?.data.body).toBe(note);
      expect(actionEntry?.data.description).toBe(intervention);
      expect(noteEntry?.writtenOn).toEqual(
        reporter === reporters[5]
          ? undefined
          : { id: reporters[5].id, reference: reporters[5].reference },
      );
      expect(actionEntry?.writtenOn?.reference).toBe(
        reporter === reporters[33] ? undefined : reporters[33].reference,
      );
    }
  });

  it('resolving the primary once resolves all forty, each with its own event and audit entry', async () => {
    const view = await counselor.incident(primary.id!).expectStatus(200);
    await counselor.resolve(primary.id!, { version: view.version, ...outcome }).expectStatus(200);
    const group = (await counselor.get(`/incidents/${primary.id}/related`).expect(200)).body as {
      members: { status: string }[];
    };
    expect(group.members.map((member) => member.status)).toEqual(Array(40).fill('resolved'));
    const rows = await t.dataSource.query<
      { events: number; audits: number; outcome: string; summary: string }[]
    >(
      `SELECT i.outcome, i.resolution_summary AS summary,
              (SELECT count(*) FROM incident_events e WHERE e.incident_id = i.id AND e.type = 'resolved')::int AS events,
              (SELECT count(*) FROM audit_log a WHERE a.incident_id = i.id AND a.action = 'incident.resolved')::int AS audits
         FROM incidents i WHERE i.id = ANY($1)`,
      [reporters.map((r) => r.id)],
    );
    expect(rows).toHaveLength(40);
    for (const row of rows) {
      expect(row).toEqual({
        outcome: outcome.outcome,
        summary: outcome.summary,
        events: 1,
        audits: 1,
      });
    }
  });

  it('every reporter and every family is told the outcome, in their own language', async () => {
    await deliverAll();
    const sent = mails();
    for (const reporter of reporters) {
      const told =
        reporter.kind === 'anonymous'
          ? []
          : [reporter.user!, ...(reporter.family ? [reporter.family] : [])];
      for (const user of told) {
        const client = await t.signIn(user);
        const { items } = (await client.get('/notifications').expect(200)).body as {
          items: { type: string; incidentId: string; title: string }[];
        };
        const resolved = items.filter((item) => item.type === 'resolved');
        expect(resolved).toEqual([
          expect.objectContaining({
            incidentId: reporter.id,
            title: RESOLVED_TITLE[reporter.locale](reporter.reference!),
          }),
        ]);
        const mail = sent.filter(
          (m) =>
            m.headers.to?.includes(`${user.username}@mail.test`) &&
            m.headers.subject === RESOLVED_TITLE[reporter.locale](reporter.reference!),
        );
        expect(mail).toHaveLength(1);
      }
    }
  });

  it('anonymous reporters read the outcome with their tracking code', async () => {
    for (const reporter of reporters.filter((r) => r.kind === 'anonymous')) {
      const status = await t.http
        .post('/api/v1/public/reports/status')
        .set('X-Forwarded-For', '192.0.2.10')
        .send({ trackingCode: reporter.trackingCode })
        .expect(200);
      expect(status.body).toMatchObject({
        reference: reporter.reference,
        status: 'resolved',
        outcome: outcome.outcome,
        resolutionSummary: outcome.summary,
      });
      expectNothingOfTheGroup(status.body, reporter);
    }
  });

  it('no reporter sees another report, nor anything about the group', async () => {
    for (const [index, reporter] of reporters.entries()) {
      if (reporter.kind === 'anonymous') continue;
      const client = await signedIn(reporter);
      const own = await client.incident(reporter.id!).expectStatus(200);
      expect(own).toMatchObject({ status: 'resolved', outcome: outcome.outcome });
      expectNothingOfTheGroup(own, reporter);
      const other = reporters[(index + 1) % reporters.length];
      await client.incident(other.id!).expectStatus(404);
      await client.get(`/incidents/${reporter.id}/related`).expect(403);
      const mine = (await client.get('/incidents', { limit: 100 }).expect(200)).body as {
        items: { id: string }[];
      };
      expect(mine.items.map((item) => item.id)).toEqual([reporter.id]);
      if (reporter.family) {
        const family = await (
          await t.signIn(reporter.family)
        )
          .incident(reporter.id!)
          .expectStatus(200);
        expectNothingOfTheGroup(family, reporter);
      }
    }
  });

  /** The view of one report carries no other reference, no group id and no group event. */
  const expectNothingOfTheGroup = (view: unknown, reporter: Reporter) => {
    const text = JSON.stringify(view);
    for (const other of reporters) {
      if (other !== reporter) {
        expect(text).not.toContain(other.reference!);
        expect(text).not.toContain(other.id!);
      }
    }
    expect(text).not.toMatch(/case_linked|groupId|primaryIncidentId|writtenOn/);
  };
});
