import type { Response } from 'supertest';
import { Factory } from './support/factory';
import type { ApiClient } from './support/api-driver';
import { TestApp } from './support/test-app';

jest.setTimeout(60_000);

type World = Awaited<ReturnType<Factory['world']>>;
type Cast = keyof World['users'];

interface AuditRow {
  id: string;
  school_id: string;
  incident_id: string | null;
  actor_id: string | null;
  action: string;
  request_id: string | null;
  details: Record<string, unknown>;
  at: Date;
}
interface AuditItem {
  id: string;
  schoolId: string;
  incidentId: string | null;
  actor: { id: string; displayName: string } | null;
  action: string;
  requestId: string | null;
  at: string;
  details: Record<string, unknown>;
}
interface AuditPage {
  items: AuditItem[];
  nextCursor: string | null;
}
interface OutboxRow {
  type: string;
  school_id: string;
  incident_id: string | null;
  payload: Record<string, unknown>;
  status: string;
}

const API = '/api/v1';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60_000);
/** A past moment written with a -05:00 offset, as a school in New York would send it. */
const hoursAgoWithOffset = (hours: number) => {
  const local = new Date(Date.now() - (hours + 5) * 60 * 60_000).toISOString().slice(0, 19);
  return `${local}-05:00`;
};
const pageOf = (response: Response) => response.body as AuditPage;

describe('casework audit log and outbox', () => {
  let t: TestApp;
  let world: World;
  let api: Record<Cast, ApiClient>;
  let serial = 0;

  /** A fresh request id per request, in the form the brief asks for. */
  const nextRequestId = () => `test-req-0001-${String(++serial).padStart(5, '0')}`;

  const auditByRequest = (requestId: string): Promise<AuditRow[]> =>
    t.dataSource.query(
      `SELECT id, school_id, incident_id, actor_id, action, request_id, details, at
         FROM audit_log WHERE request_id = $1 ORDER BY action`,
      [requestId],
    );
  const auditOfIncident = (incidentId: string): Promise<AuditRow[]> =>
    t.dataSource.query(
      `SELECT id, school_id, incident_id, actor_id, action, request_id, details, at
         FROM audit_log WHERE incident_id = $1 ORDER BY at DESC, id DESC`,
      [incidentId],
    );
  const outboxOf = (incidentId: string): Promise<OutboxRow[]> =>
    t.dataSource.query(
      `SELECT type, school_id, incident_id, payload, status FROM outbox
        WHERE incident_id = $1 ORDER BY created_at, type`,
      [incidentId],
    );
  const incidentRow = async (id: string) => {
    const rows: { status: string; version: number }[] = await t.dataSource.query(
      'SELECT status, version FROM incidents WHERE id = $1',
      [id],
    );
    return rows[0];
  };

  const file = async (who: Cast = 'student', schoolId = world.school.id): Promise<string> => {
    const filed = await api[who]
      .file(schoolId, {
        category: 'cyber',
        location: 'online',
        occurredAt: hoursAgo(5).toISOString(),
        description: 'Someone made a fake account with my photo and posts mean things about me.',
      })
      .expectStatus(201);
    return filed.id;
  };

  /** A POST to a casework endpoint with its own request id; checks the id comes back. */
  const change = async (
    id: string,
    endpoint: string,
    who: Cast,
    body: Record<string, unknown>,
    requestId = nextRequestId(),
  ) => {
    const response = await api[who]
      .post(`/incidents/${id}/${endpoint}`)
      .set('x-request-id', requestId)
      .send(body);
    expect(response.headers['x-request-id']).toBe(requestId);
    return { response, requestId };
  };

  const versionOf = async (id: string) => (await incidentRow(id)).version;

  /** Brings a fresh incident to a status through the API (as the counselor). */
  const incidentAt = async (
    status: 'submitted' | 'triaged' | 'investigating' | 'resolved' | 'dismissed',
  ) => {
    const id = await file();
    const steps: Record<string, [string, Record<string, unknown>][]> = {
      submitted: [],
      triaged: [['triage', { severity: 'medium' }]],
      investigating: [
        ['triage', { severity: 'medium' }],
        ['transitions', { action: 'start' }],
      ],
      resolved: [
        ['triage', { severity: 'medium' }],
        ['transitions', { action: 'start' }],
        ['resolve', { outcome: 'unsubstantiated', summary: 'We could not confirm it.' }],
      ],
      dismissed: [['transitions', { action: 'dismiss', reason: 'A duplicate report.' }]],
    };
    for (const [endpoint, body] of steps[status]) {
      const { response } = await change(id, endpoint, 'counselor', {
        version: await versionOf(id),
        ...body,
      });
      expect(response.status).toBe(200);
    }
    return id;
  };

  const getAudit = (who: Cast, query: Record<string, string | number> = {}) =>
    api[who].get(`/audit`, query);

  /** Every page of GET /audit for the query, following nextCursor. */
  const allAuditPages = async (who: Cast, query: Record<string, string | number> = {}) => {
    const items: AuditItem[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await getAudit(who, { ...query, ...(cursor ? { cursor } : {}) });
      expect(response.status).toBe(200);
      items.push(...pageOf(response).items);
      cursor = pageOf(response).nextCursor;
      pages += 1;
    } while (cursor && pages < 200);
    return items;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    api = await t.signInAll(world.users);
  });

  afterAll(() => t.close());

  describe('what is written to audit_log', () => {
    it('records the filing with the reporter, the incident, the time and the request id', async () => {
      const requestId = nextRequestId();
      const before = Date.now();
      const response = await api.student
        .post('/incidents')
        .set('x-request-id', requestId)
        .send({
          schoolId: world.school.id,
          category: 'verbal',
          location: 'bus',
          occurredAt: hoursAgo(1).toISOString(),
          description: 'On the bus home they call me names until I get off at my stop.',
        });
      expect(response.status).toBe(201);
      expect(response.headers['x-request-id']).toBe(requestId);
      const { id, reference } = response.body as { id: string; reference: string };

      const rows = await auditByRequest(requestId);

      expect(rows).toEqual([
        {
          id: expect.any(String),
          school_id: world.school.id,
          incident_id: id,
          actor_id: world.users.student.id,
          action: 'incident.filed',
          request_id: requestId,
          details: { reference },
          at: expect.any(Date),
        },
      ]);
      expect(rows[0].at.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(rows[0].at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it('records every read of a case by staff as incident.viewed, one row per read', async () => {
      const id = await file();
      const reads: [Cast, string][] = [
        ['counselor', nextRequestId()],
        ['counselor', nextRequestId()],
        ['schoolAdmin', nextRequestId()],
      ];

      for (const [who, requestId] of reads) {
        const response = await api[who].get(`/incidents/${id}`).set('x-request-id', requestId);
        expect(response.status).toBe(200);
        expect(response.headers['x-request-id']).toBe(requestId);
      }

      for (const [who, requestId] of reads) {
        expect(await auditByRequest(requestId)).toEqual([
          expect.objectContaining({
            action: 'incident.viewed',
            actor_id: world.users[who].id,
            incident_id: id,
            school_id: world.school.id,
            request_id: requestId,
          }),
        ]);
      }
      const viewed = (await auditOfIncident(id)).filter((r) => r.action === 'incident.viewed');
      expect(viewed).toHaveLength(3);
    });

    it.each([
      ['no x-request-id', undefined],
      ['a malformed x-request-id', 'bad id!'],
      ['a too short x-request-id', 'abc'],
    ])('makes up a request id when the request has %s, and records that one', async (_, sent) => {
      const id = await file();
      const response = await api.counselor
        .get(`/incidents/${id}`)
        .set(sent === undefined ? {} : { 'x-request-id': sent });
      expect(response.status).toBe(200);

      const requestId: string = response.headers['x-request-id'];
      expect(requestId).toMatch(UUID);
      expect(await auditByRequest(requestId)).toEqual([
        expect.objectContaining({ action: 'incident.viewed', incident_id: id }),
      ]);
    });

    it.each([['student'], ['parent']] as const)(
      'does not audit reads by the %s (reporter and family)',
      async (who) => {
        const id = await file('student');
        const before = await auditOfIncident(id);
        const detailId = nextRequestId();
        const listId = nextRequestId();

        const detail = await api[who].get(`/incidents/${id}`).set('x-request-id', detailId);
        const list = await api[who].get('/incidents').set('x-request-id', listId);

        expect(detail.status).toBe(200);
        expect(list.status).toBe(200);
        expect(await auditByRequest(detailId)).toEqual([]);
        expect(await auditByRequest(listId)).toEqual([]);
        expect(await auditOfIncident(id)).toEqual(before);
      },
    );

    type Step = {
      name: string;
      from: 'submitted' | 'triaged' | 'investigating' | 'resolved' | 'dismissed';
      who: Cast;
      endpoint: string;
      body: () => Record<string, unknown>;
      versioned: boolean;
      actions: string[];
      details?: (incidentId: string) => Record<string, unknown>;
    };
    const STEPS: Step[] = [
      {
        name: 'a triage with an assignee',
        from: 'submitted',
        who: 'counselor',
        endpoint: 'triage',
        body: () => ({ severity: 'high', assigneeId: world.users.schoolAdmin.id }),
        versioned: true,
        actions: ['incident.assigned', 'incident.triaged'],
      },
      {
        name: 'an assignment',
        from: 'triaged',
        who: 'schoolAdmin',
        endpoint: 'assign',
        body: () => ({ assigneeId: world.users.counselor.id }),
        versioned: true,
        actions: ['incident.assigned'],
        details: () => ({ assigneeId: world.users.counselor.id }),
      },
      {
        name: 'the start of an investigation',
        from: 'triaged',
        who: 'counselor',
        endpoint: 'transitions',
        body: () => ({ action: 'start' }),
        versioned: true,
        actions: ['incident.investigation_started'],
      },
      {
        name: 'a dismissal',
        from: 'submitted',
        who: 'schoolAdmin',
        endpoint: 'transitions',
        body: () => ({ action: 'dismiss', reason: 'Not about this school', reasonCode: 'other' }),
        versioned: true,
        actions: ['incident.dismissed'],
        details: () => ({ from: 'submitted', to: 'dismissed', reason: 'Not about this school' }),
      },
      {
        name: 'a reopening',
        from: 'dismissed',
        who: 'counselor',
        endpoint: 'transitions',
        body: () => ({ action: 'reopen', reason: 'It happened again' }),
        versioned: true,
        actions: ['incident.reopened'],
        // Dismissed before triage: back to submitted, to be triaged.
        details: () => ({ from: 'dismissed', to: 'submitted', reason: 'It happened again' }),
      },
      {
        name: 'a resolution',
        from: 'investigating',
        who: 'counselor',
        endpoint: 'resolve',
        body: () => ({ outcome: 'substantiated', summary: 'Confirmed and addressed.' }),
        versioned: true,
        actions: ['incident.resolved'],
        details: () => ({ outcome: 'substantiated' }),
      },
      {
        name: 'a closing',
        from: 'resolved',
        who: 'schoolAdmin',
        endpoint: 'transitions',
        body: () => ({ action: 'close' }),
        versioned: true,
        actions: ['incident.closed'],
      },
      {
        name: 'an internal note',
        from: 'investigating',
        who: 'counselor',
        endpoint: 'notes',
        body: () => ({ body: 'Checked the camera footage.', visibility: 'internal' }),
        versioned: false,
        actions: ['note.added'],
      },
      {
        name: 'a shared note',
        from: 'investigating',
        who: 'schoolAdmin',
        endpoint: 'notes',
        body: () => ({ body: 'We are looking into it this week.', visibility: 'shared' }),
        versioned: false,
        actions: ['note.added'],
      },
      {
        name: 'an intervention',
        from: 'investigating',
        who: 'counselor',
        endpoint: 'actions',
        body: () => ({
          type: 'parent_conference',
          description: 'Met both families.',
          takenAt: hoursAgoWithOffset(2),
        }),
        versioned: false,
        actions: ['action.recorded'],
      },
      {
        name: 'a message from the reporter',
        from: 'triaged',
        who: 'student',
        endpoint: 'messages',
        body: () => ({ body: 'It happened again today.' }),
        versioned: false,
        actions: ['message.posted'],
      },
      {
        name: 'a message from the counselor',
        from: 'triaged',
        who: 'counselor',
        endpoint: 'messages',
        body: () => ({ body: 'Thank you for telling us. Can we meet tomorrow?' }),
        versioned: false,
        actions: ['message.posted'],
      },
    ];
    it.each(STEPS.map((step) => [step.name, step] as const))(
      'records %s with its actor, incident, time and request id',
      async (_, step) => {
        const id = await incidentAt(step.from);
        const before = Date.now();

        const { response, requestId } = await change(id, step.endpoint, step.who, {
          ...(step.versioned ? { version: await versionOf(id) } : {}),
          ...step.body(),
        });
        expect([200, 201]).toContain(response.status);

        const rows = await auditByRequest(requestId);
        expect(rows.map((r) => r.action)).toEqual(step.actions);
        for (const entry of rows) {
          expect(entry).toMatchObject({
            school_id: world.school.id,
            incident_id: id,
            actor_id: world.users[step.who].id,
            request_id: requestId,
          });
          expect(entry.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
          expect(entry.at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
        }
        if (step.details) expect(rows[0].details).toMatchObject(step.details(id));
      },
    );

    it('records an evidence upload as attachment.added and a staff download as attachment.downloaded', async () => {
      const id = await file('student');
      const uploadId = nextRequestId();
      const upload = await api.student
        .post(`/incidents/${id}/attachments`)
        .set('x-request-id', uploadId)
        .attach('file', Buffer.from('They wrote: nobody wants you here.\n', 'utf8'), 'chat.txt');
      expect(upload.status).toBe(201);
      const attachmentId = (upload.body as { id: string }).id;

      expect(await auditByRequest(uploadId)).toEqual([
        expect.objectContaining({
          action: 'attachment.added',
          actor_id: world.users.student.id,
          incident_id: id,
          school_id: world.school.id,
        }),
      ]);

      const downloadId = nextRequestId();
      const download = await api.counselor
        .get(`/attachments/${attachmentId}`)
        .set('x-request-id', downloadId);
      expect(download.status).toBe(200);
      expect(download.headers['x-request-id']).toBe(downloadId);
      expect(await auditByRequest(downloadId)).toEqual([
        expect.objectContaining({
          action: 'attachment.downloaded',
          actor_id: world.users.counselor.id,
          incident_id: id,
          school_id: world.school.id,
          details: { attachmentId },
        }),
      ]);

      const ownDownloadId = nextRequestId();
      const own = await api.student
        .get(`/attachments/${attachmentId}`)
        .set('x-request-id', ownDownloadId);
      expect(own.status).toBe(200);
      expect(await auditByRequest(ownDownloadId)).toEqual([]);
    });

    it.each([
      ['a stale version (409)', 'counselor', () => ({ version: 99, severity: 'low' }), 409],
      ['a student (403)', 'student', () => ({ version: 1, severity: 'low' }), 403],
      [
        'a bad assignee (422)',
        'counselor',
        () => ({ version: 1, severity: 'low', assigneeId: UNKNOWN_ID }),
        422,
      ],
      ['a bad body (400)', 'counselor', () => ({ version: 1, severity: 'huge' }), 400],
      [
        'an admin of another school (404)',
        'sisterAdmin',
        () => ({ version: 1, severity: 'low' }),
        404,
      ],
    ] as const)('writes no audit row for a triage refused for %s', async (_, who, body, status) => {
      const id = await file();
      const before = await auditOfIncident(id);

      const { response, requestId } = await change(id, 'triage', who, body());

      expect(response.status).toBe(status);
      expect(await auditByRequest(requestId)).toEqual([]);
      expect(await auditOfIncident(id)).toEqual(before);
    });
  });

  describe('GET /audit', () => {
    let incidentId: string;
    let sisterIncidentId: string;

    beforeAll(async () => {
      incidentId = await incidentAt('investigating');
      const note = await change(incidentId, 'notes', 'schoolAdmin', {
        body: 'Called the family.',
        visibility: 'internal',
      });
      expect(note.response.status).toBe(201);
      for (const who of ['counselor', 'schoolAdmin'] as const) {
        const read = await api[who].get(`/incidents/${incidentId}`);
        expect(read.status).toBe(200);
      }
      // Another school of the same district: its admin reads and works a case there.
      sisterIncidentId = await file('sisterStudent', world.sisterSchool.id);
      const sisterRead = await api.sisterAdmin.get(`/incidents/${sisterIncidentId}`);
      expect(sisterRead.status).toBe(200);
      const sisterTriage = await change(sisterIncidentId, 'triage', 'sisterAdmin', {
        version: 1,
        severity: 'low',
      });
      expect(sisterTriage.response.status).toBe(200);
    });

    it('lists an incident’s entries newest first, with actor names and request ids', async () => {
      const response = await getAudit('schoolAdmin', { incidentId, limit: 100 });

      expect(response.status).toBe(200);
      const page = pageOf(response);
      const rows = await auditOfIncident(incidentId);
      expect(page.nextCursor).toBeNull();
      expect(page.items.map((item) => item.id)).toEqual(rows.map((r) => r.id));
      const names = new Map(
        Object.values(world.users).map((user) => [user.id, user.displayName] as const),
      );
      page.items.forEach((item, index) => {
        const entry = rows[index];
        expect(item).toEqual({
          id: entry.id,
          schoolId: world.school.id,
          incidentId,
          incidentReference: expect.any(String),
          actor: { id: entry.actor_id, displayName: names.get(entry.actor_id!) },
          action: entry.action,
          requestId: entry.request_id,
          at: entry.at.toISOString(),
          details: entry.details,
        });
      });
      const actions = page.items.map((item) => item.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'incident.filed',
          'incident.triaged',
          'incident.investigation_started',
          'note.added',
          'incident.viewed',
        ]),
      );
      expect(actions[0]).toBe('incident.viewed');
      expect(page.items[0].actor?.id).toBe(world.users.schoolAdmin.id);
      const times = page.items.map((item) => Date.parse(item.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it('filters by actor', async () => {
      const items = await allAuditPages('schoolAdmin', {
        actorId: world.users.counselor.id,
        limit: 100,
      });

      const [{ n }]: { n: number }[] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1 AND school_id = $2',
        [world.users.counselor.id, world.school.id],
      );
      expect(items.length).toBe(n);
      expect(n).toBeGreaterThan(0);
      expect(items.every((item) => item.actor?.id === world.users.counselor.id)).toBe(true);
    });

    it('pages with limit and cursor, newest first, without gaps or repeats', async () => {
      const items = await allAuditPages('schoolAdmin', { limit: 3 });

      const rows: { id: string }[] = await t.dataSource.query(
        'SELECT id FROM audit_log WHERE school_id = $1 ORDER BY at DESC, id DESC',
        [world.school.id],
      );
      expect(rows.length).toBeGreaterThan(6);
      expect(items.map((item) => item.id)).toEqual(rows.map((r) => r.id));
    });

    it('answers at most limit items and a cursor when more exist', async () => {
      const response = await getAudit('schoolAdmin', { limit: 2 });

      expect(response.status).toBe(200);
      expect(pageOf(response).items).toHaveLength(2);
      expect(pageOf(response).nextCursor).toEqual(expect.any(String));
    });

    it('never shows entries of another school, even filtered by its incident or actor', async () => {
      const all = await allAuditPages('schoolAdmin', { limit: 100 });
      expect(all.length).toBeGreaterThan(0);
      expect(all.every((item) => item.schoolId === world.school.id)).toBe(true);
      expect(all.map((item) => item.incidentId)).not.toContain(sisterIncidentId);

      const byIncident = await getAudit('schoolAdmin', { incidentId: sisterIncidentId });
      expect(byIncident.status).toBe(200);
      expect(pageOf(byIncident)).toEqual({ items: [], nextCursor: null });

      const byActor = await getAudit('schoolAdmin', { actorId: world.users.sisterAdmin.id });
      expect(byActor.status).toBe(200);
      expect(pageOf(byActor)).toEqual({ items: [], nextCursor: null });
    });

    it('shows the other school’s admin only their own school', async () => {
      const all = await allAuditPages('sisterAdmin', { limit: 100 });

      expect(all.map((item) => item.action).sort()).toEqual(
        ['incident.filed', 'incident.triaged', 'incident.viewed'].sort(),
      );
      expect(all.every((item) => item.schoolId === world.sisterSchool.id)).toBe(true);
      expect(all.every((item) => item.incidentId === sisterIncidentId)).toBe(true);
    });

    it('filters by the admin’s own school', async () => {
      const items = await allAuditPages('schoolAdmin', { schoolId: world.school.id, limit: 100 });

      expect(items.length).toBeGreaterThan(0);
      expect(items.every((item) => item.schoolId === world.school.id)).toBe(true);
    });

    it.each([
      ['a school of the same district', () => world.sisterSchool.id],
      ['a school of another district', () => world.foreignSchool.id],
      ['a school that does not exist', () => UNKNOWN_ID],
    ])('answers 404 for the schoolId of %s', async (_, schoolId) => {
      const response = await getAudit('schoolAdmin', { schoolId: schoolId() });

      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain(sisterIncidentId);
    });

    it.each(['counselor', 'staff', 'student', 'parent', 'districtAdmin'] as const)(
      'refuses the %s with 403',
      async (who) => {
        const response = await getAudit(who, { incidentId });

        expect(response.status).toBe(403);
        expect(JSON.stringify(response.body)).not.toContain('incident.');
      },
    );

    it('refuses a caller without a token with 401', async () => {
      const response = await t.http.get(`${API}/audit`);
      expect(response.status).toBe(401);
    });

    it.each([
      ['a malformed incidentId', { incidentId: 'abc' }, 'incidentId'],
      ['a malformed actorId', { actorId: 'abc' }, 'actorId'],
      ['a malformed schoolId', { schoolId: 'abc' }, 'schoolId'],
      ['limit 0', { limit: 0 }, 'limit'],
      ['limit 101', { limit: 101 }, 'limit'],
      ['a made-up cursor', { cursor: 'not-a-cursor' }, 'cursor'],
      ['an unknown filter', { verb: 'incident.viewed' }, 'verb'],
    ])('answers 400 for %s', async (_, query, field) => {
      const response = await getAudit('schoolAdmin', query);

      expect(response.status).toBe(400);
      expect(JSON.stringify((response.body as { message: unknown }).message)).toContain(field);
    });

    it('shows a null actor for an anonymous report', async () => {
      const requestId = nextRequestId();
      const filed = await t.http
        .post(`${API}/public/reports`)
        .set('x-request-id', requestId)
        .send({
          schoolCode: world.school.code,
          category: 'threat',
          location: 'hallway',
          occurredAt: hoursAgo(2).toISOString(),
          description: 'An older student keeps blocking a younger one at the stairs every morning.',
        });
      expect(filed.status).toBe(201);

      const items = await allAuditPages('schoolAdmin', { limit: 100 });
      const entry = items.find((item) => item.requestId === requestId);
      expect(entry).toMatchObject({
        action: 'incident.filed',
        actor: null,
        schoolId: world.school.id,
        incidentId: expect.any(String),
      });
    });
  });

  describe('the audit log is append-only', () => {
    let entry: AuditRow;

    beforeAll(async () => {
      const id = await file();
      const read = await api.counselor.get(`/incidents/${id}`);
      expect(read.status).toBe(200);
      [entry] = (await auditOfIncident(id)).filter((r) => r.action === 'incident.viewed');
    });

    const snapshot = (): Promise<unknown[]> =>
      t.dataSource.query('SELECT id, actor_id, action, request_id, at FROM audit_log ORDER BY id');

    it('refuses UPDATE', async () => {
      const before = await snapshot();

      await expect(
        t.dataSource.query(`UPDATE audit_log SET action = 'incident.tampered' WHERE id = $1`, [
          entry.id,
        ]),
      ).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query('UPDATE audit_log SET actor_id = NULL')).rejects.toThrow(
        /append-only/,
      );

      expect(await snapshot()).toEqual(before);
    });

    it('refuses DELETE', async () => {
      const before = await snapshot();

      await expect(
        t.dataSource.query('DELETE FROM audit_log WHERE id = $1', [entry.id]),
      ).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);

      expect(await snapshot()).toEqual(before);
    });

    it('refuses TRUNCATE', async () => {
      const before = await snapshot();

      await expect(t.dataSource.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);

      expect(await snapshot()).toEqual(before);
      expect(before.length).toBeGreaterThan(0);
    });

    it('still accepts new entries', async () => {
      const id = await file();
      const requestId = nextRequestId();
      const read = await api.counselor.get(`/incidents/${id}`).set('x-request-id', requestId);
      expect(read.status).toBe(200);
      expect(await auditByRequest(requestId)).toHaveLength(1);
    });
  });

  describe('outbox rows for the worker', () => {
    it('writes filed when a report is filed', async () => {
      const id = await file();

      expect(await outboxOf(id)).toEqual([
        expect.objectContaining({
          type: 'filed',
          school_id: world.school.id,
          incident_id: id,
          status: 'pending',
        }),
      ]);
    });

    it('writes status_changed and assigned for a triage with an assignee', async () => {
      const id = await file();
      const before = (await outboxOf(id)).length;

      const { response } = await change(id, 'triage', 'counselor', {
        version: 1,
        severity: 'medium',
        assigneeId: world.users.schoolAdmin.id,
      });
      expect(response.status).toBe(200);

      const added = (await outboxOf(id)).slice(before);
      expect(added.map((r) => r.type).sort()).toEqual(['assigned', 'status_changed']);
      const statusChanged = added.find((r) => r.type === 'status_changed')!;
      expect(statusChanged).toMatchObject({
        school_id: world.school.id,
        incident_id: id,
        status: 'pending',
        payload: expect.objectContaining({ actorId: world.users.counselor.id, from: 'submitted' }),
      });
      expect(Object.values(statusChanged.payload)).toContain('triaged');
      expect(added.find((r) => r.type === 'assigned')).toMatchObject({
        school_id: world.school.id,
        incident_id: id,
        status: 'pending',
        payload: expect.objectContaining({
          actorId: world.users.counselor.id,
          assigneeId: world.users.schoolAdmin.id,
        }),
      });
    });

    it.each([
      ['start', 'triaged', {}, 'investigating'],
      ['dismiss', 'submitted', { reason: 'Duplicate', reasonCode: 'duplicate' }, 'dismissed'],
      ['reopen', 'dismissed', { reason: 'New facts' }, 'submitted'],
      ['close', 'resolved', {}, 'closed'],
    ] as const)(
      'writes incident.status_changed for %s from %s',
      async (action, from, extra, to) => {
        const id = await incidentAt(from);
        const before = (await outboxOf(id)).length;

        const { response } = await change(id, 'transitions', 'schoolAdmin', {
          version: await versionOf(id),
          action,
          ...extra,
        });
        expect(response.status).toBe(200);

        const added = (await outboxOf(id)).slice(before);
        expect(added).toEqual([
          expect.objectContaining({
            type: 'status_changed',
            school_id: world.school.id,
            incident_id: id,
            status: 'pending',
            payload: expect.objectContaining({ actorId: world.users.schoolAdmin.id, from }),
          }),
        ]);
        expect(Object.values(added[0].payload)).toContain(to);
      },
    );

    it('writes resolved for a resolution', async () => {
      const id = await incidentAt('investigating');
      const before = (await outboxOf(id)).length;

      const { response } = await change(id, 'resolve', 'counselor', {
        version: await versionOf(id),
        outcome: 'inconclusive',
        summary: 'We will keep an eye on it.',
      });
      expect(response.status).toBe(200);

      expect((await outboxOf(id)).slice(before)).toEqual([
        expect.objectContaining({
          type: 'resolved',
          school_id: world.school.id,
          incident_id: id,
          status: 'pending',
          payload: expect.objectContaining({
            actorId: world.users.counselor.id,
            outcome: 'inconclusive',
          }),
        }),
      ]);
    });

    it('writes assigned for an assignment', async () => {
      const id = await incidentAt('triaged');
      const before = (await outboxOf(id)).length;

      const { response } = await change(id, 'assign', 'schoolAdmin', {
        version: await versionOf(id),
        assigneeId: world.users.counselor.id,
      });
      expect(response.status).toBe(200);

      expect((await outboxOf(id)).slice(before)).toEqual([
        expect.objectContaining({
          type: 'assigned',
          school_id: world.school.id,
          incident_id: id,
          status: 'pending',
          payload: expect.objectContaining({
            actorId: world.users.schoolAdmin.id,
            assigneeId: world.users.counselor.id,
          }),
        }),
      ]);
    });

    it('writes shared_note for a shared note only', async () => {
      const id = await incidentAt('investigating');
      const before = (await outboxOf(id)).length;

      const internal = await change(id, 'notes', 'counselor', {
        body: 'Internal only.',
        visibility: 'internal',
      });
      expect(internal.response.status).toBe(201);
      expect(await outboxOf(id)).toHaveLength(before);

      const shared = await change(id, 'notes', 'counselor', {
        body: 'We met today.',
        visibility: 'shared',
      });
      expect(shared.response.status).toBe(201);
      expect((await outboxOf(id)).slice(before)).toEqual([
        expect.objectContaining({
          type: 'shared_note',
          school_id: world.school.id,
          incident_id: id,
          status: 'pending',
          payload: expect.objectContaining({
            actorId: world.users.counselor.id,
            noteId: (shared.response.body as { id: string }).id,
          }),
        }),
      ]);
    });

    it('writes no notice for an intervention', async () => {
      const id = await incidentAt('investigating');
      const before = await outboxOf(id);

      const { response } = await change(id, 'actions', 'counselor', {
        type: 'safety_plan',
        description: 'A plan for the bus ride.',
        takenAt: hoursAgoWithOffset(2),
      });
      expect(response.status).toBe(201);

      expect(await outboxOf(id)).toEqual(before);
    });

    it('writes nothing to the outbox for a refused change', async () => {
      const id = await incidentAt('triaged');
      const before = await outboxOf(id);
      const version = await versionOf(id);

      const stale = await change(id, 'transitions', 'counselor', {
        version: version - 1,
        action: 'start',
      });
      const illegal = await change(id, 'resolve', 'counselor', {
        version,
        outcome: 'inconclusive',
        summary: 'Too soon.',
      });

      expect(stale.response.status).toBe(409);
      expect(illegal.response.status).toBe(409);
      expect(await outboxOf(id)).toEqual(before);
      expect(await incidentRow(id)).toEqual({ status: 'triaged', version });
    });
  });
});
