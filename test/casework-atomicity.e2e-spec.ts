import type { User } from '@app/identity';
import type { Response } from 'supertest';
import { Factory } from './support/factory';
import type { ApiClient } from './support/api-driver';
import { TestApp } from './support/test-app';

jest.setTimeout(60_000);

type World = Awaited<ReturnType<Factory['world']>>;
type Cast = keyof World['users'] | 'counselor2';
type FailingTable = 'outbox' | 'audit_log' | 'incident_events';

const DESCRIPTION = 'In the locker room they hid my clothes and filmed me looking for them.';
const CONCURRENCY = 20;

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60_000);
/** A past moment written with a -05:00 offset, as a school in New York would send it. */
const hoursAgoWithOffset = (hours: number) => {
  const local = new Date(Date.now() - (hours + 5) * 60 * 60_000).toISOString().slice(0, 19);
  return `${local}-05:00`;
};
const messageOf = (response: Response) => (response.body as { message: string }).message;

describe('casework changes are all or nothing, and safe under concurrency', () => {
  let t: TestApp;
  let world: World;
  let counselor2: User;
  const api = {} as Record<Cast, ApiClient>;

  const file = async (): Promise<string> => {
    const filed = await api.student
      .file(world.school.id, {
        category: 'physical',
        location: 'locker_room',
        occurredAt: hoursAgo(3).toISOString(),
        description: DESCRIPTION,
        parties: [{ role: 'aggressor', name: 'Two boys from the swim team' }],
      })
      .expectStatus(201);
    return filed.id;
  };

  const post = (id: string, endpoint: string, who: Cast, body: Record<string, unknown>) =>
    api[who].post(`/incidents/${id}/${endpoint}`, body);

  const incidentRow = async (id: string) => {
    const rows: Record<string, unknown>[] = await t.dataSource.query(
      `SELECT status, version, severity, category, assignee_id, resolved_at, outcome,
              resolution_summary, dismissal_reason
         FROM incidents WHERE id = $1`,
      [id],
    );
    return rows[0];
  };
  const versionOf = async (id: string) => (await incidentRow(id)).version as number;

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(sql, params);
    return rows[0].n;
  };

  /** The incident and everything written about it, plus the whole tables' sizes. */
  const snapshot = async (id: string) => ({
    incident: await incidentRow(id),
    events: await count('SELECT count(*)::int AS n FROM incident_events WHERE incident_id = $1', [
      id,
    ]),
    audit: await count('SELECT count(*)::int AS n FROM audit_log WHERE incident_id = $1', [id]),
    outbox: await count('SELECT count(*)::int AS n FROM outbox WHERE incident_id = $1', [id]),
    notes: await count('SELECT count(*)::int AS n FROM incident_notes WHERE incident_id = $1', [
      id,
    ]),
    actions: await count('SELECT count(*)::int AS n FROM incident_actions WHERE incident_id = $1', [
      id,
    ]),
    linkedParties: await count(
      'SELECT count(*)::int AS n FROM incident_parties WHERE incident_id = $1 AND student_id IS NOT NULL',
      [id],
    ),
    allEvents: await count('SELECT count(*)::int AS n FROM incident_events'),
    allAudit: await count('SELECT count(*)::int AS n FROM audit_log'),
    allOutbox: await count('SELECT count(*)::int AS n FROM outbox'),
    allNotes: await count('SELECT count(*)::int AS n FROM incident_notes'),
    allActions: await count('SELECT count(*)::int AS n FROM incident_actions'),
  });

  /** Makes every INSERT into `table` fail inside the database while `work` runs. */
  const failingInsertsInto = async <T>(table: FailingTable, work: () => Promise<T>) => {
    await t.dataSource.query(
      `CREATE TRIGGER test_fail_insert BEFORE INSERT ON "${table}"
       FOR EACH ROW EXECUTE FUNCTION test_fail_insert()`,
    );
    try {
      return await work();
    } finally {
      await t.dataSource.query(`DROP TRIGGER IF EXISTS test_fail_insert ON "${table}"`);
    }
  };

  const staffView = async (id: string) => {
    const response = await api.counselor.get(`/incidents/${id}`);
    expect(response.status).toBe(200);
    return response.body as {
      parties: { id: string; student: { id: string } | null }[];
      timeline: { type: string }[];
    };
  };

  /** A fresh incident at `status`, through the API. */
  const incidentAt = async (status: 'submitted' | 'triaged' | 'investigating') => {
    const id = await file();
    if (status === 'submitted') return id;
    let response = await post(id, 'triage', 'counselor', { version: 1, severity: 'medium' });
    expect(response.status).toBe(200);
    if (status === 'triaged') return id;
    response = await post(id, 'transitions', 'counselor', { version: 2, action: 'start' });
    expect(response.status).toBe(200);
    return id;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    counselor2 = await t.factory.user('counselor', {
      district: world.district,
      schools: [world.school],
    });
    Object.assign(api, await t.signInAll({ ...world.users, counselor2 }));
    await t.dataSource.query(
      `CREATE OR REPLACE FUNCTION test_fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'forced failure: no insert into % in this test', TG_TABLE_NAME;
       END $$`,
    );
  });

  afterAll(() => t.close());

  describe('a failure in the middle of a change leaves nothing behind', () => {
    type Case = {
      table: FailingTable;
      name: string;
      status: 'submitted' | 'triaged' | 'investigating';
      endpoint: string;
      who: Cast;
      body: (id: string) => Promise<Record<string, unknown>>;
      success: number;
    };
    const triageBody = async (id: string) => {
      const view = await staffView(id);
      return {
        version: await versionOf(id),
        severity: 'high',
        category: 'sexual_harassment',
        assigneeId: counselor2.id,
        partyLinks: [{ partyId: view.parties[0].id, studentId: world.users.student.id }],
      };
    };
    const resolveBody = async (id: string) => ({
      version: await versionOf(id),
      outcome: 'substantiated',
      summary: 'Both students were disciplined and the locker room is supervised.',
    });
    const CASES: Case[] = [
      {
        table: 'outbox',
        name: 'a triage (with assignee and party links)',
        status: 'submitted',
        endpoint: 'triage',
        who: 'counselor',
        body: triageBody,
        success: 200,
      },
      {
        table: 'outbox',
        name: 'a resolution',
        status: 'investigating',
        endpoint: 'resolve',
        who: 'counselor',
        body: resolveBody,
        success: 200,
      },
      {
        table: 'outbox',
        name: 'a shared note',
        status: 'investigating',
        endpoint: 'notes',
        who: 'counselor',
        body: () => Promise.resolve({ body: 'We met both families.', visibility: 'shared' }),
        success: 201,
      },
      {
        table: 'outbox',
        name: 'the start of an investigation',
        status: 'triaged',
        endpoint: 'transitions',
        who: 'schoolAdmin',
        body: async (id) => ({ version: await versionOf(id), action: 'start' }),
        success: 200,
      },
      {
        table: 'outbox',
        name: 'an assignment',
        status: 'triaged',
        endpoint: 'assign',
        who: 'schoolAdmin',
        body: async (id) => ({ version: await versionOf(id), assigneeId: counselor2.id }),
        success: 200,
      },
      {
        table: 'audit_log',
        name: 'a triage (with assignee and party links)',
        status: 'submitted',
        endpoint: 'triage',
        who: 'counselor',
        body: triageBody,
        success: 200,
      },
      {
        table: 'audit_log',
        name: 'a resolution',
        status: 'investigating',
        endpoint: 'resolve',
        who: 'schoolAdmin',
        body: resolveBody,
        success: 200,
      },
      {
        table: 'audit_log',
        name: 'an internal note',
        status: 'investigating',
        endpoint: 'notes',
        who: 'counselor',
        body: () => Promise.resolve({ body: 'Check the CCTV.', visibility: 'internal' }),
        success: 201,
      },
      {
        table: 'audit_log',
        name: 'an intervention',
        status: 'investigating',
        endpoint: 'actions',
        who: 'counselor',
        body: () =>
          Promise.resolve({
            type: 'disciplinary_referral',
            description: 'Referred both boys to the principal.',
            takenAt: hoursAgoWithOffset(2),
          }),
        success: 201,
      },
      {
        table: 'audit_log',
        name: 'a dismissal',
        status: 'triaged',
        endpoint: 'transitions',
        who: 'counselor',
        body: async (id) => ({
          version: await versionOf(id),
          action: 'dismiss',
          reason: 'Reported twice',
          reasonCode: 'duplicate',
        }),
        success: 200,
      },
      {
        table: 'incident_events',
        name: 'a resolution',
        status: 'investigating',
        endpoint: 'resolve',
        who: 'counselor',
        body: resolveBody,
        success: 200,
      },
    ];

    it.each(CASES.map((c) => [c.name, c.table, c] as const))(
      'rolls back %s when the insert into %s fails, then succeeds once it can',
      async (_, table, c) => {
        const id = await incidentAt(c.status);
        const body = await c.body(id);
        const before = await snapshot(id);

        const failed = await failingInsertsInto(table, () => post(id, c.endpoint, c.who, body));

        expect(failed.status).toBeGreaterThanOrEqual(500);
        expect(JSON.stringify(failed.body)).not.toContain('forced failure');
        expect(await snapshot(id)).toEqual(before);

        const retried = await post(id, c.endpoint, c.who, body);
        expect(retried.status).toBe(c.success);
        const after = await snapshot(id);
        expect(after.events).toBeGreaterThan(before.events);
        expect(after.audit).toBeGreaterThan(before.audit);
        if (table === 'outbox') expect(after.outbox).toBeGreaterThan(before.outbox);
        if (c.endpoint !== 'notes' && c.endpoint !== 'actions') {
          expect(after.incident.version).toBe((before.incident.version as number) + 1);
        }
      },
    );

    it('links no party and assigns no one when a triage fails after linking', async () => {
      const id = await incidentAt('submitted');
      const body = await triageBody(id);

      const failed = await failingInsertsInto('outbox', () =>
        post(id, 'triage', 'counselor', body),
      );

      expect(failed.status).toBeGreaterThanOrEqual(500);
      const view = await staffView(id);
      expect(view.parties.every((party) => party.student === null)).toBe(true);
      expect(await incidentRow(id)).toMatchObject({
        status: 'submitted',
        version: 1,
        severity: null,
        category: 'physical',
        assignee_id: null,
      });
      expect(view.timeline.map((entry) => entry.type)).toEqual(['filed']);
    });

    it('does not show a case to staff when their read cannot be audited', async () => {
      const id = await incidentAt('submitted');
      const before = await snapshot(id);

      const failed = await failingInsertsInto('audit_log', () =>
        api.counselor.get(`/incidents/${id}`),
      );

      expect(failed.status).toBeGreaterThanOrEqual(500);
      expect(JSON.stringify(failed.body)).not.toContain(DESCRIPTION);
      expect(await snapshot(id)).toEqual(before);

      const read = await api.counselor.get(`/incidents/${id}`);
      expect(read.status).toBe(200);
      expect((await snapshot(id)).audit).toBe(before.audit + 1);
    });

    it('does not hand evidence to staff when the download cannot be audited', async () => {
      const id = await incidentAt('submitted');
      const secret = 'Screenshot text: you should not come back to school.';
      const upload = await api.student
        .post(`/incidents/${id}/attachments`)
        .attach('file', Buffer.from(secret, 'utf8'), 'screenshot.txt');
      expect(upload.status).toBe(201);
      const attachmentId = (upload.body as { id: string }).id;
      const before = await snapshot(id);

      const failed = await failingInsertsInto('audit_log', () =>
        api.counselor.get(`/attachments/${attachmentId}`).buffer(true),
      );

      expect(failed.status).toBeGreaterThanOrEqual(500);
      expect(failed.text).not.toContain(secret);
      expect(await snapshot(id)).toEqual(before);
    });
  });

  describe('concurrent requests', () => {
    it(`lets exactly one of ${CONCURRENCY} simultaneous triages with the same version win`, async () => {
      const id = await file();
      const who: Cast[] = ['counselor', 'schoolAdmin', 'counselor2'];

      const responses = await Promise.all(
        Array.from({ length: CONCURRENCY }, (_, i) =>
          post(id, 'triage', who[i % who.length], {
            version: 1,
            severity: (['low', 'medium', 'high', 'critical'] as const)[i % 4],
          }),
        ),
      );

      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(CONCURRENCY - 1);
      for (const response of responses.filter((r) => r.status === 409)) {
        expect(messageOf(response)).toContain('changed since you read it');
      }
      const winner = responses.find((response) => response.status === 200)!;
      const winningSeverity = (winner.body as { severity: string }).severity;
      expect(await incidentRow(id)).toMatchObject({
        status: 'triaged',
        version: 2,
        severity: winningSeverity,
      });
      const events: { type: string; n: number }[] = await t.dataSource.query(
        `SELECT type, count(*)::int AS n FROM incident_events WHERE incident_id = $1
          GROUP BY type ORDER BY type`,
        [id],
      );
      expect(events).toEqual([
        { type: 'filed', n: 1 },
        { type: 'status_changed', n: 1 },
        { type: 'triaged', n: 1 },
      ]);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_log WHERE incident_id = $1 AND action = 'incident.triaged'`,
          [id],
        ),
      ).toBe(1);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM outbox WHERE incident_id = $1 AND type = 'status_changed'`,
          [id],
        ),
      ).toBe(1);
    });

    it(`lets exactly one of ${CONCURRENCY} simultaneous, different transitions win`, async () => {
      const id = await incidentAt('triaged');
      const version = await versionOf(id);

      const responses = await Promise.all(
        Array.from({ length: CONCURRENCY }, (_, i) =>
          post(
            id,
            'transitions',
            i % 2 === 0 ? 'counselor' : 'schoolAdmin',
            i % 2 === 0
              ? { version, action: 'start' }
              : { version, action: 'dismiss', reason: 'Not bullying', reasonCode: 'other' },
          ),
        ),
      );

      const winners = responses.filter((response) => response.status === 200);
      expect(winners).toHaveLength(1);
      expect(responses.filter((response) => response.status === 409)).toHaveLength(CONCURRENCY - 1);
      const status = (winners[0].body as { status: string }).status;
      expect(['investigating', 'dismissed']).toContain(status);
      expect(await incidentRow(id)).toMatchObject({ status, version: version + 1 });
      expect(
        await count(
          `SELECT count(*)::int AS n FROM incident_events
            WHERE incident_id = $1 AND type IN ('investigation_started', 'dismissed')`,
          [id],
        ),
      ).toBe(1);
    });

    it(`keeps all ${CONCURRENCY} notes written at once by two counselors`, async () => {
      const id = await incidentAt('investigating');
      const before = await snapshot(id);

      const responses = await Promise.all(
        Array.from({ length: CONCURRENCY }, (_, i) =>
          post(id, 'notes', i % 2 === 0 ? 'counselor' : 'counselor2', {
            body: `Concurrent note number ${i}`,
            visibility: i % 4 === 0 ? 'shared' : 'internal',
          }),
        ),
      );

      expect(responses.map((response) => response.status)).toEqual(
        Array.from({ length: CONCURRENCY }, () => 201),
      );
      const ids = responses.map((response) => (response.body as { id: string }).id);
      expect(new Set(ids).size).toBe(CONCURRENCY);
      const notes: { body: string; author_id: string }[] = await t.dataSource.query(
        'SELECT body, author_id FROM incident_notes WHERE incident_id = $1 ORDER BY body',
        [id],
      );
      expect(notes.map((note) => note.body).sort()).toEqual(
        Array.from({ length: CONCURRENCY }, (_, i) => `Concurrent note number ${i}`).sort(),
      );
      expect(notes.filter((note) => note.author_id === counselor2.id)).toHaveLength(
        CONCURRENCY / 2,
      );
      const after = await snapshot(id);
      expect(after.notes).toBe(before.notes + CONCURRENCY);
      expect(after.events).toBe(before.events + CONCURRENCY);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM incident_events
            WHERE incident_id = $1 AND type IN ('internal_note', 'shared_note')`,
          [id],
        ),
      ).toBe(CONCURRENCY);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM audit_log WHERE incident_id = $1 AND action = 'note.added'`,
          [id],
        ),
      ).toBe(CONCURRENCY);
      expect(after.incident).toEqual(before.incident);
    });

    it(`keeps all ${CONCURRENCY} interventions and notes recorded at once`, async () => {
      const id = await incidentAt('investigating');
      const before = await snapshot(id);

      const responses = await Promise.all(
        Array.from({ length: CONCURRENCY }, (_, i) =>
          i % 2 === 0
            ? post(id, 'actions', 'counselor', {
                type: 'counseling_session',
                description: `Session ${i}`,
                takenAt: hoursAgoWithOffset(2),
              })
            : post(id, 'notes', 'counselor2', { body: `Note ${i}`, visibility: 'internal' }),
        ),
      );

      expect(responses.every((response) => response.status === 201)).toBe(true);
      const after = await snapshot(id);
      expect(after.actions).toBe(before.actions + CONCURRENCY / 2);
      expect(after.notes).toBe(before.notes + CONCURRENCY / 2);
      expect(after.events).toBe(before.events + CONCURRENCY);
      expect(after.audit).toBe(before.audit + CONCURRENCY);
    });

    it('lets notes through while a triage races with them, and the triage still wins once', async () => {
      const id = await file();

      const responses = await Promise.all([
        ...Array.from({ length: 10 }, (_, i) =>
          post(id, 'triage', i % 2 ? 'counselor' : 'counselor2', {
            version: 1,
            severity: 'medium',
          }),
        ),
        ...Array.from({ length: 10 }, (_, i) =>
          post(id, 'notes', 'schoolAdmin', { body: `Racing note ${i}`, visibility: 'internal' }),
        ),
      ]);

      const triages = responses.slice(0, 10).map((response) => response.status);
      const notes = responses.slice(10).map((response) => response.status);
      expect(triages.filter((status) => status === 200)).toHaveLength(1);
      expect(triages.filter((status) => status === 409)).toHaveLength(9);
      expect(notes.every((status) => status === 201)).toBe(true);
      expect(await incidentRow(id)).toMatchObject({ status: 'triaged', version: 2 });
      expect(
        await count('SELECT count(*)::int AS n FROM incident_notes WHERE incident_id = $1', [id]),
      ).toBe(10);
    });
  });
});
