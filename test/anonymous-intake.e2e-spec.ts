import { createHash, randomUUID } from 'node:crypto';
import { DemoSeedService } from '@app/identity';
import { Factory } from './support/factory';
import type { ApiClient } from './support/api-driver';
import { TestApp } from './support/test-app';

// Starting the app, and some uploads, can take longer than jest's default 5 s on a busy machine.
jest.setTimeout(60_000);

type World = Awaited<ReturnType<Factory['world']>>;
type Cast = keyof World['users'];

const CODE_FORMAT = /^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){4}$/;
const DEMO_PASSWORD = 'safe-schools-demo';
const UNKNOWN_CODE = 'ABCD-EFGH-JKLM-NPQR-STUV';
const LIMIT = 20;

const notFoundCode = {
  statusCode: 404,
  error: 'Not Found',
  message: expect.any(String),
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const idsOf = (items: unknown) => (items as { id: string }[]).map((item) => item.id);
const typesOf = (entries: unknown) => (entries as { type: string }[]).map((entry) => entry.type);
/** The listed incident with this reference; throws when the list does not hold it. */
const byReference = (items: unknown, reference: string) => {
  const found = (items as { id: string; reference: string }[]).find(
    (item) => item.reference === reference,
  );
  if (!found) throw new Error(`${reference} is not in the list`);
  return found;
};

describe('anonymous intake (behind a trusted proxy, one client address per scenario)', () => {
  let t: TestApp;
  let world: World;
  let api: Record<Cast, ApiClient>;
  let clientNumber = 0;

  /** A client address of its own, so each scenario starts with clean rate-limit counters. */
  const newClient = () => {
    clientNumber += 1;
    return `203.0.113.${clientNumber}`;
  };

  /** Requests without any account, from one client address. */
  const anonymous = (client = newClient()) => ({
    school: (code: string) =>
      t.http
        .get(`/api/v1/public/schools/${encodeURIComponent(code)}`)
        .set('X-Forwarded-For', client),
    report: (body: unknown) =>
      t.http
        .post('/api/v1/public/reports')
        .set('X-Forwarded-For', client)
        .send(body as object),
    status: (trackingCode: unknown) =>
      t.http
        .post('/api/v1/public/reports/status')
        .set('X-Forwarded-For', client)
        .send({ trackingCode }),
    message: (trackingCode: unknown, body: unknown) =>
      t.http
        .post('/api/v1/public/reports/messages')
        .set('X-Forwarded-For', client)
        .send({ trackingCode, body }),
  });

  const bearer = (accessToken: string) => ({ Authorization: `Bearer ${accessToken}` });

  const validReport = (overrides: Record<string, unknown> = {}) => ({
    schoolCode: world.school.code,
    category: 'verbal',
    location: 'cafeteria',
    locationDetail: 'Table by the windows',
    occurredAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
    description: 'Some older kids keep calling me names at lunch every day.',
    ...overrides,
  });

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(sql, params);
    return rows[0].n;
  };
  const incidentCount = () => count('SELECT count(*)::int AS n FROM incidents');
  const tableCounts = async () => ({
    incidents: await incidentCount(),
    parties: await count('SELECT count(*)::int AS n FROM incident_parties'),
    events: await count('SELECT count(*)::int AS n FROM incident_events'),
    access: await count('SELECT count(*)::int AS n FROM anonymous_access'),
    messages: await count('SELECT count(*)::int AS n FROM messages'),
  });
  const incidentByReference = async (reference: string) => {
    const rows: Record<string, unknown>[] = await t.dataSource.query(
      'SELECT * FROM incidents WHERE reference = $1',
      [reference],
    );
    return rows[0];
  };

  /** Every table of the public schema whose rows, cast to text, contain one of the needles. */
  const tablesContaining = async (needles: string[]): Promise<string[]> => {
    const tables: { table_name: string }[] = await t.dataSource.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const found: string[] = [];
    for (const { table_name } of tables) {
      const quoted = `"${table_name.replace(/"/g, '""')}"`;
      const n = await count(
        `SELECT count(*)::int AS n FROM ${quoted} AS row_value
          WHERE row_value::text ILIKE ANY($1::text[])`,
        [needles.map((needle) => `%${needle}%`)],
      );
      if (n > 0) found.push(table_name);
    }
    return found;
  };

  beforeAll(async () => {
    t = await TestApp.start({ TRUST_PROXY: 'true' });
    // The demo district must be seeded while the database is still empty.
    await t.app.get(DemoSeedService).seedIfEmpty(DEMO_PASSWORD);
    world = await t.factory.world();
    api = await t.signInAll(world.users);
  });

  afterAll(() => t.close());

  describe('GET /api/v1/public/schools/:code', () => {
    it('names the school for its code, without a token', async () => {
      const response = await anonymous().school(world.school.code).expect(200);

      expect(response.body).toEqual({
        name: world.school.name,
        code: world.school.code,
        crisisContacts: [],
        places: [],
        help: expect.objectContaining({ crisisContacts: [] }),
      });
    });

    it('accepts the code in any case', async () => {
      const response = await anonymous().school(world.school.code.toLowerCase()).expect(200);

      expect(response.body).toMatchObject({ name: world.school.name, code: world.school.code });
    });

    it('lists the demo schools’ fictitious crisis contacts', async () => {
      const maple = await anonymous().school('maple').expect(200);
      const oak = await anonymous().school('OAKHILL').expect(200);

      expect(maple.body).toEqual({
        name: 'Maple Ridge Middle School',
        code: 'MAPLE',
        places: [],
        crisisContacts: expect.arrayContaining([
          {
            name: 'Maple Ridge counseling office',
            phone: '555-0142',
            hours: 'School days 7:30–3:30',
          },
        ]),
        help: expect.objectContaining({ crisisContactsFrom: 'school' }),
      });
      expect(oak.body.crisisContacts.length).toBeGreaterThanOrEqual(1);
      for (const contact of [...maple.body.crisisContacts, ...oak.body.crisisContacts]) {
        // 555-0100 to 555-0199 are reserved for fiction: no real line is printed.
        expect(contact.phone).toMatch(/^555-01\d\d$/);
      }
    });

    it('answers 404 for a code no school has', async () => {
      const response = await anonymous().school('NOSUCHSCHOOL').expect(404);

      expect(response.body).toEqual(notFoundCode);
    });
  });

  describe('POST /api/v1/public/reports', () => {
    it('files an anonymous report and answers only a reference and a tracking code', async () => {
      const before = await incidentCount();
      const response = await anonymous()
        .report(
          validReport({
            ongoing: true,
            parties: [
              { role: 'target', name: 'Me', note: 'I am in 7th grade' },
              { role: 'aggressor', name: 'A tall boy from 8B' },
            ],
          }),
        )
        .expect(201);

      expect(response.body).toEqual({
        reference: expect.any(String),
        trackingCode: expect.any(String),
        triageDueAt: expect.any(String),
        resolveDueAt: expect.any(String),
        schoolTimeZone: 'America/New_York',
        help: expect.objectContaining({ nationalLines: expect.any(Array) }),
      });
      expect(response.body.trackingCode).toMatch(CODE_FORMAT);
      expect(response.body.reference).toMatch(new RegExp(`^${world.school.code}-\\d{4}-\\d{5}$`));
      await expect(incidentCount()).resolves.toBe(before + 1);

      const row = await incidentByReference(response.body.reference);
      // By when the school will act: the report's own deadlines, as the status view shows them.
      expect(response.body.triageDueAt).toBe((row.triage_due_at as Date).toISOString());
      expect(response.body.resolveDueAt).toBe((row.resolve_due_at as Date).toISOString());
      expect(Date.parse(response.body.triageDueAt)).toBeGreaterThan(Date.now());
      expect(Date.parse(response.body.resolveDueAt)).toBeGreaterThan(
        Date.parse(response.body.triageDueAt),
      );
      const status = await anonymous().status(response.body.trackingCode).expect(200);
      expect(status.body).toMatchObject({
        triageDueAt: response.body.triageDueAt,
        resolveDueAt: response.body.resolveDueAt,
        schoolTimeZone: response.body.schoolTimeZone,
      });
      expect(row).toMatchObject({
        school_id: world.school.id,
        district_id: world.district.id,
        reporter_id: null,
        reporter_kind: 'anonymous',
        on_behalf_of_student_id: null,
        category: 'verbal',
        location: 'cafeteria',
        location_detail: 'Table by the windows',
        ongoing: true,
        urgent: false,
        status: 'submitted',
      });
      const parties: Record<string, unknown>[] = await t.dataSource.query(
        'SELECT role, student_id, name, note FROM incident_parties WHERE incident_id = $1 ORDER BY role',
        [row.id],
      );
      expect(parties).toEqual([
        { role: 'aggressor', student_id: null, name: 'A tall boy from 8B', note: null },
        { role: 'target', student_id: null, name: 'Me', note: 'I am in 7th grade' },
      ]);
      const events: { type: string; actor_id: string | null; visibility: string }[] =
        await t.dataSource.query(
          'SELECT type, actor_id, visibility FROM incident_events WHERE incident_id = $1',
          [row.id],
        );
      expect(events).toEqual([{ type: 'filed', actor_id: null, visibility: 'shared' }]);
    });

    it('finds the school by its code in any case', async () => {
      const response = await anonymous()
        .report(validReport({ schoolCode: world.school.code.toLowerCase() }))
        .expect(201);

      const row = await incidentByReference(response.body.reference);
      expect(row.school_id).toBe(world.school.id);
    });

    it('keeps only the SHA-256 of the code without dashes, in a table with nothing else', async () => {
      const response = await anonymous().report(validReport()).expect(201);
      const code: string = response.body.trackingCode;
      const row = await incidentByReference(response.body.reference);

      const access: Record<string, unknown>[] = await t.dataSource.query(
        'SELECT * FROM anonymous_access WHERE incident_id = $1',
        [row.id],
      );
      expect(access).toHaveLength(1);
      expect(access[0].code_hash).toBe(sha256(code.replace(/-/g, '')));
      const columns: { column_name: string }[] = await t.dataSource.query(
        `SELECT column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = 'anonymous_access' ORDER BY column_name`,
      );
      const stored = columns.map((c) => c.column_name).filter((name) => name !== 'id');
      expect(stored).toEqual(['code_hash', 'created_at', 'incident_id']);
    });

    it('stores the tracking code in no column of any table, with or without dashes', async () => {
      const response = await anonymous()
        .report(validReport({ parties: [{ role: 'witness', name: 'My friend', note: 'saw it' }] }))
        .expect(201);
      const code: string = response.body.trackingCode;
      // A message and a status check give the code more chances to leak into storage.
      await anonymous().message(code, 'Is anybody reading this?').expect(201);
      await anonymous().status(code).expect(200);

      const needles = [code, code.replace(/-/g, ''), code.replace(/-/g, ' ')];
      await expect(tablesContaining(needles)).resolves.toEqual([]);
      // The scan itself works: it finds what is stored.
      await expect(tablesContaining([response.body.reference])).resolves.toContain('incidents');
    });

    it('keeps no trace of the client address or browser', async () => {
      const client = '198.51.100.77';
      const agent = 'UniqueAgent/9.8.7 (tracking-probe-7f3a)';
      const response = await t.http
        .post('/api/v1/public/reports')
        .set('X-Forwarded-For', client)
        .set('User-Agent', agent)
        .send(validReport())
        .expect(201);
      await t.http
        .post('/api/v1/public/reports/messages')
        .set('X-Forwarded-For', client)
        .set('User-Agent', agent)
        .send({ trackingCode: response.body.trackingCode, body: 'One more thing.' })
        .expect(201);

      await expect(tablesContaining([client, 'tracking-probe-7f3a', '127.0.0.1'])).resolves.toEqual(
        [],
      );
      // Columns that could hold a network address or a browser; e-mail addresses
      // of account holders (for notifications) are another matter.
      const suspicious: { table_name: string; column_name: string }[] = await t.dataSource.query(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'public'
            AND (column_name ~* '(^|_)(ip|ips|ip_address|addr|address|remote|remote_addr|agent|user_agent|useragent|client_address|forwarded_for)(_|$)'
                 OR column_name ~* 'user_?agent|remote|ip_?addr')
            AND column_name !~* '^(to|from|reply_to|email|e_mail)_?address$'`,
      );
      expect(suspicious).toEqual([]);
    });

    it('refuses a linked student record in the parties with 400 and files nothing', async () => {
      const before = await tableCounts();
      const response = await anonymous()
        .report(
          validReport({
            parties: [{ role: 'aggressor', name: 'Max', studentId: world.users.student.id }],
          }),
        )
        .expect(400);

      expect(JSON.stringify(response.body.message)).toContain('studentId');
      await expect(tableCounts()).resolves.toEqual(before);
    });

    it('answers 404 for an unknown school code and files nothing', async () => {
      const before = await tableCounts();
      const response = await anonymous()
        .report(validReport({ schoolCode: 'NOSUCHSCHOOL' }))
        .expect(404);

      expect(response.body).toEqual(notFoundCode);
      await expect(tableCounts()).resolves.toEqual(before);
    });

    it('lists every missing field with 400 and files nothing', async () => {
      const before = await tableCounts();
      const response = await anonymous().report({}).expect(400);

      const message = JSON.stringify(response.body.message);
      for (const field of ['schoolCode', 'category', 'location', 'occurredAt', 'description']) {
        expect(message).toContain(field);
      }
      await expect(tableCounts()).resolves.toEqual(before);
    });

    it.each([
      ['an unknown field', { reporterName: 'Sam' }],
      ['a schoolId instead of a code', { schoolId: '00000000-0000-0000-0000-000000000000' }],
      ['an event in the future', { occurredAt: new Date(Date.now() + 86_400_000).toISOString() }],
      ['a date without offset', { occurredAt: '2026-01-10T10:00:00' }],
      ['a too short description', { description: 'short' }],
      ['an unknown category', { category: 'gossip' }],
      ['an unknown party role', { parties: [{ role: 'bystander', name: 'Kim' }] }],
      ['a party without a name', { parties: [{ role: 'target' }] }],
      ['null for urgent', { urgent: null }],
      ['a string for ongoing', { ongoing: 'yes' }],
    ])('refuses %s with 400 and files nothing', async (_what, overrides) => {
      const before = await tableCounts();

      await anonymous().report(validReport(overrides)).expect(400);

      await expect(tableCounts()).resolves.toEqual(before);
    });

    it('marks an urgent report critical', async () => {
      const response = await anonymous()
        .report(validReport({ urgent: true }))
        .expect(201);

      const row = await incidentByReference(response.body.reference);
      expect(row).toMatchObject({ urgent: true, severity: 'critical' });
    });

    it('gives every report its own tracking code', async () => {
      const client = anonymous();
      const first = await client.report(validReport()).expect(201);
      const second = await client.report(validReport()).expect(201);

      expect(first.body.trackingCode).not.toBe(second.body.trackingCode);
      expect(first.body.reference).not.toBe(second.body.reference);
    });

    describe('with an Idempotency-Key', () => {
      const withKey = (key: string, body: unknown, client = newClient()) =>
        t.http
          .post('/api/v1/public/reports')
          .set('X-Forwarded-For', client)
          .set('Idempotency-Key', key)
          .send(body as object);

      it('files once and answers a retry with the same reference and a tracking code that works', async () => {
        const key = `retry-${randomUUID()}`;
        const body = validReport();
        const before = await tableCounts();

        const first = await withKey(key, body).expect(201);
        const retry = await withKey(key, { ...body }).expect(201);

        expect(retry.body).toEqual(first.body);
        expect(first.body).toEqual({
          reference: expect.any(String),
          trackingCode: expect.stringMatching(CODE_FORMAT),
          triageDueAt: expect.any(String),
          resolveDueAt: expect.any(String),
          schoolTimeZone: 'America/New_York',
          help: expect.objectContaining({ nationalLines: expect.any(Array) }),
        });
        await expect(incidentCount()).resolves.toBe(before.incidents + 1);
        const status = await anonymous().status(retry.body.trackingCode).expect(200);
        expect(status.body.reference).toBe(first.body.reference);
        // Neither the key nor the code is stored as given.
        const code = first.body.trackingCode as string;
        await expect(tablesContaining([key, code, code.replace(/-/g, '')])).resolves.toEqual([]);
      });

      it('refuses the key with another body (422) and files nothing', async () => {
        const key = `retry-${randomUUID()}`;
        await withKey(key, validReport()).expect(201);
        const before = await tableCounts();

        const response = await withKey(key, validReport({ category: 'physical' })).expect(422);

        expect(response.body).toEqual({
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: expect.stringContaining('Idempotency-Key'),
        });
        expect(JSON.stringify(response.body)).not.toMatch(/[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}/);
        await expect(tableCounts()).resolves.toEqual(before);
      });

      it('keeps anonymous keys apart from the keys of signed-in reporters', async () => {
        const key = `shared-${randomUUID()}`;
        const { category, location, occurredAt, description } = validReport();
        await api.student
          .post('/incidents')
          .set('Idempotency-Key', key)
          .send({ schoolId: world.school.id, category, location, occurredAt, description })
          .expect(201);

        const anonymousReport = await withKey(key, validReport()).expect(201);

        expect(anonymousReport.body.trackingCode).toMatch(CODE_FORMAT);
      });

      it('files twice without a key', async () => {
        const before = await incidentCount();
        const body = validReport();

        const first = await anonymous().report(body).expect(201);
        const second = await anonymous().report(body).expect(201);

        expect(second.body.reference).not.toBe(first.body.reference);
        await expect(incidentCount()).resolves.toBe(before + 2);
      });

      it('refuses a malformed key (400)', async () => {
        await withKey('has spaces', validReport()).expect(400);
      });
    });
  });

  describe('POST /api/v1/public/reports/status', () => {
    let code: string;
    let reference: string;
    const description = 'They push me into the lockers after the last bell.';

    beforeAll(async () => {
      const response = await anonymous()
        .report(validReport({ description, location: 'hallway', category: 'physical' }))
        .expect(201);
      code = response.body.trackingCode;
      reference = response.body.reference;
    });

    it('shows the reporter view with the shared timeline and messages', async () => {
      const response = await anonymous().status(code).expect(200);

      expect(response.body).toMatchObject({
        view: 'reporter',
        reference,
        status: 'submitted',
        category: 'physical',
        location: 'hallway',
        description,
        urgent: false,
        attachments: [],
        messages: [],
      });
      expect(response.body.triageDueAt).toEqual(expect.any(String));
      expect(response.body.resolveDueAt).toEqual(expect.any(String));
      expect(response.body.timeline).toEqual([
        { type: 'filed', at: expect.any(String), data: expect.any(Object) },
      ]);
      expect(response.body).not.toHaveProperty('id');
      expect(response.body).not.toHaveProperty('reporter');
      expect(response.body).not.toHaveProperty('severity');
      expect(JSON.stringify(response.body)).not.toContain(code.replace(/-/g, ''));
      expect(JSON.stringify(response.body)).not.toContain(code);
    });

    it.each([
      ['in lower case', (c: string) => c.toLowerCase()],
      ['without dashes', (c: string) => c.replace(/-/g, '')],
      ['with spaces instead of dashes', (c: string) => c.replace(/-/g, ' ')],
      [
        'with surrounding spaces, lower case and no dashes',
        (c: string) => ` ${c.toLowerCase().replace(/-/g, '')} `,
      ],
    ])('accepts the code %s', async (_how, typed) => {
      const response = await anonymous().status(typed(code)).expect(200);

      expect(response.body.reference).toBe(reference);
    });

    it('answers an unknown and a malformed code with the same 404', async () => {
      const unknown = await anonymous().status(UNKNOWN_CODE).expect(404);
      const malformed = await anonymous().status("ABCD-EFGH-JKLM-NPQR-'; --").expect(404);
      const short = await anonymous().status('ABCD').expect(404);
      const lookAlike = await anonymous()
        .status(code.replace(/[A-Z2-9]$/, '0'))
        .expect(404);

      expect(unknown.body).toEqual(notFoundCode);
      expect(malformed.body).toEqual(unknown.body);
      expect(short.body).toEqual(unknown.body);
      expect(lookAlike.body).toEqual(unknown.body);
    });

    it('refuses a missing or non-string code with 400', async () => {
      await t.http
        .post('/api/v1/public/reports/status')
        .set('X-Forwarded-For', newClient())
        .send({})
        .expect(400);
      await anonymous().status(12345).expect(400);
      await anonymous().status(['ABCD']).expect(400);
    });

    it('never takes the code from the URL', async () => {
      const client = newClient();
      const inQuery = await t.http
        .post(`/api/v1/public/reports/status?trackingCode=${code}`)
        .set('X-Forwarded-For', client)
        .send({});
      const inPath = await t.http
        .get(`/api/v1/public/reports/${code}`)
        .set('X-Forwarded-For', client);
      const getStatus = await t.http
        .get(`/api/v1/public/reports/status?trackingCode=${code}`)
        .set('X-Forwarded-For', client);

      expect(inQuery.status).toBe(400);
      expect(inPath.status).toBe(404);
      expect(getStatus.status).toBe(404);
      for (const response of [inQuery, inPath, getStatus]) {
        expect(JSON.stringify(response.body)).not.toContain(reference);
      }
    });
  });

  describe('messages between the anonymous reporter and the school', () => {
    it('lets the reporter write, a counselor read and reply, and the reporter read the reply', async () => {
      const reporter = anonymous();
      const filed = await reporter.report(validReport()).expect(201);
      const code: string = filed.body.trackingCode;

      const written = await reporter
        .message(code, '  I am scared to go to lunch tomorrow.  ')
        .expect(201);
      expect(written.body).toEqual({
        id: expect.any(String),
        authorKind: 'anonymous',
        authorName: 'Anonymous reporter',
        mine: true,
        body: 'I am scared to go to lunch tomorrow.',
        createdAt: expect.any(String),
      });

      const list = await api.counselor.get('/incidents?limit=100').expect(200);
      const summary = byReference(list.body.items, filed.body.reference);
      expect(summary).toMatchObject({ view: 'staff', schoolId: world.school.id });

      const detail = await api.counselor.get(`/incidents/${summary.id}`).expect(200);
      expect(detail.body).toMatchObject({
        view: 'staff',
        reporter: null,
        reporterKind: 'anonymous',
        reference: filed.body.reference,
      });

      const staffThread = await api.counselor.get(`/incidents/${summary.id}/messages`).expect(200);
      expect(staffThread.body.nextCursor).toBeNull();
      expect(staffThread.body.items).toEqual([
        {
          id: written.body.id,
          authorKind: 'anonymous',
          authorName: 'Anonymous reporter',
          mine: false,
          threadStudentId: null,
          body: 'I am scared to go to lunch tomorrow.',
          createdAt: expect.any(String),
        },
      ]);

      const reply = await api.counselor
        .post(`/incidents/${summary.id}/messages`)
        .send({ body: 'Thank you for telling us. An adult will be in the cafeteria.' })
        .expect(201);
      expect(reply.body).toMatchObject({ authorKind: 'staff', mine: true, threadStudentId: null });

      const status = await reporter.status(code.toLowerCase()).expect(200);
      expect(status.body.messages).toEqual([
        {
          id: written.body.id,
          authorKind: 'anonymous',
          authorName: 'Anonymous reporter',
          mine: true,
          body: 'I am scared to go to lunch tomorrow.',
          createdAt: expect.any(String),
        },
        {
          id: reply.body.id,
          authorKind: 'staff',
          authorName: world.users.counselor.displayName,
          mine: false,
          body: 'Thank you for telling us. An adult will be in the cafeteria.',
          createdAt: expect.any(String),
        },
      ]);
      // Message events are internal: the reporter's timeline still shows only the filing.
      expect(typesOf(status.body.timeline)).toEqual(['filed']);
    });

    it('answers 404 for an unknown code and stores nothing', async () => {
      const before = await tableCounts();

      const response = await anonymous().message(UNKNOWN_CODE, 'Hello?').expect(404);

      expect(response.body).toEqual(notFoundCode);
      await expect(tableCounts()).resolves.toEqual(before);
    });

    it('refuses a message on a closed report with 409 that points to a new report, and stores nothing', async () => {
      const client = anonymous();
      const filed = await client.report(validReport()).expect(201);
      const { id } = await incidentByReference(filed.body.reference);
      let version = 1;
      for (const [path, body] of [
        ['triage', { severity: 'low' }],
        ['transitions', { action: 'start' }],
        ['resolve', { outcome: 'inconclusive', summary: 'We could not find out more.' }],
        ['transitions', { action: 'close' }],
      ] as const) {
        const response = await api.counselor
          .post(`/incidents/${id as string}/${path}`)
          .send({ ...body, version })
          .expect(200);
        version = response.body.version as number;
      }
      const before = await tableCounts();

      const response = await client
        .message(filed.body.trackingCode, 'It happened again.')
        .expect(409);

      expect(response.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: expect.stringContaining('file a new report (POST /api/v1/public/reports)'),
      });
      await expect(tableCounts()).resolves.toEqual(before);
    });

    it('refuses an empty, blank or too long message with 400 and stores nothing', async () => {
      const client = anonymous();
      const filed = await client.report(validReport()).expect(201);
      const before = await tableCounts();

      await client.message(filed.body.trackingCode, '').expect(400);
      await client.message(filed.body.trackingCode, '   \n  ').expect(400);
      await client.message(filed.body.trackingCode, 'x'.repeat(5001)).expect(400);
      await client.message(filed.body.trackingCode, 42).expect(400);

      await expect(tableCounts()).resolves.toEqual(before);
      await client.message(filed.body.trackingCode, 'x'.repeat(5000)).expect(201);
    });

    it('keeps the anonymous report from everyone outside the school staff', async () => {
      const filed = await anonymous().report(validReport()).expect(201);
      const row = await incidentByReference(filed.body.reference);
      const id = row.id as string;

      for (const who of [
        'student',
        'parent',
        'staff',
        'sisterAdmin',
        'sisterStudent',
        'foreignAdmin',
        'foreignStudent',
      ] as const) {
        await api[who].get(`/incidents/${id}`).expect(404);
        await api[who].get(`/incidents/${id}/messages`).expect(404);
        const list = await api[who].get('/incidents?limit=100').expect(200);
        expect(idsOf(list.body.items)).not.toContain(id);
      }
      await api.districtAdmin.get(`/incidents/${id}`).expect(403);
      await api.schoolAdmin.get(`/incidents/${id}`).expect(200);
    });
  });

  describe('rate limits', () => {
    it(`answers 429 after ${LIMIT} requests a minute from one client to one endpoint`, async () => {
      const client = anonymous();
      for (let i = 0; i < LIMIT; i += 1) await client.school(world.school.code).expect(200);

      const response = await client.school(world.school.code).expect(429);

      expect(response.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: expect.any(String),
      });
      // The standard header, in seconds, not a throttler-specific one.
      const retryAfter = Number(response.headers['retry-after']);
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
      expect(
        Object.keys(response.headers).filter((name) => name.startsWith('retry-after')),
      ).toEqual(['retry-after']);
    });

    it('counts each endpoint on its own and each client on its own', async () => {
      const client = newClient();
      const busy = anonymous(client);
      for (let i = 0; i < LIMIT; i += 1) await busy.school(world.school.code).expect(200);
      await busy.school(world.school.code).expect(429);

      await busy.status(UNKNOWN_CODE).expect(404);
      await anonymous().school(world.school.code).expect(200);
    });

    it('stops guessing tracking codes after the limit, even for a valid code', async () => {
      const filed = await anonymous().report(validReport()).expect(201);
      const guesser = anonymous();
      for (let i = 0; i < LIMIT; i += 1) await guesser.status(UNKNOWN_CODE).expect(404);

      await guesser.status(filed.body.trackingCode).expect(429);
    });

    it('limits filing too, and files nothing once limited', async () => {
      const client = anonymous();
      for (let i = 0; i < LIMIT; i += 1) await client.report({}).expect(400);
      const before = await tableCounts();

      await client.report(validReport()).expect(429);

      await expect(tableCounts()).resolves.toEqual(before);
    });
  });

  describe('the demo scenario (Maple Ridge and Oak Hill)', () => {
    let demoToken: Record<string, string>;

    beforeAll(async () => {
      demoToken = {};
      for (const username of [
        'counselor.casey',
        'counselor.chris',
        'student.riley',
        'admin.avery',
      ]) {
        demoToken[username] = await t.login(username, DEMO_PASSWORD);
      }
    });

    it('lets an anonymous reporter at MAPLE follow up and talk with counselor.casey, hidden from Oak Hill', async () => {
      const reporter = anonymous();
      const school = await reporter.school('maple').expect(200);
      expect(school.body).toMatchObject({ name: 'Maple Ridge Middle School', code: 'MAPLE' });

      const filed = await reporter
        .report(
          validReport({
            schoolCode: 'MAPLE',
            category: 'cyber',
            location: 'online',
            locationDetail: 'Group chat of class 7B',
            description: 'Someone posts edited photos of me in the class group chat every night.',
          }),
        )
        .expect(201);
      expect(filed.body.reference).toMatch(/^MAPLE-\d{4}-\d{5}$/);
      const code: string = filed.body.trackingCode;

      const firstStatus = await reporter.status(code).expect(200);
      expect(firstStatus.body).toMatchObject({
        view: 'reporter',
        reference: filed.body.reference,
        status: 'submitted',
        messages: [],
      });

      const question = await reporter
        .message(code, 'Can you make them stop without telling anyone it was me?')
        .expect(201);

      const casey = bearer(demoToken['counselor.casey']);
      const list = await t.http.get('/api/v1/incidents?limit=100').set(casey).expect(200);
      const summary = byReference(list.body.items, filed.body.reference);
      const id: string = summary.id;
      const detail = await t.http.get(`/api/v1/incidents/${id}`).set(casey).expect(200);
      expect(detail.body).toMatchObject({
        view: 'staff',
        reporter: null,
        reporterKind: 'anonymous',
      });
      const thread = await t.http.get(`/api/v1/incidents/${id}/messages`).set(casey).expect(200);
      expect(idsOf(thread.body.items)).toEqual([question.body.id]);

      const answer = await t.http
        .post(`/api/v1/incidents/${id}/messages`)
        .set(casey)
        .send({ body: 'Yes. Nobody will learn who reported. We are on it.' })
        .expect(201);

      const later = await reporter.status(code.toLowerCase().replace(/-/g, ' ')).expect(200);
      expect(later.body.messages).toEqual([
        expect.objectContaining({ id: question.body.id, mine: true, authorKind: 'anonymous' }),
        expect.objectContaining({
          id: answer.body.id,
          mine: false,
          authorKind: 'staff',
          authorName: 'Casey Lin',
          body: 'Yes. Nobody will learn who reported. We are on it.',
        }),
      ]);

      for (const username of ['student.riley', 'counselor.chris', 'admin.avery']) {
        const outsider = bearer(demoToken[username]);
        await t.http.get(`/api/v1/incidents/${id}`).set(outsider).expect(404);
        await t.http.get(`/api/v1/incidents/${id}/messages`).set(outsider).expect(404);
        const theirs = await t.http.get('/api/v1/incidents?limit=100').set(outsider).expect(200);
        expect(idsOf(theirs.body.items)).not.toContain(id);
      }
    });
  });
});

describe('anonymous intake rate limits (no trusted proxy)', () => {
  let t: TestApp;
  let schoolCode: string;

  beforeAll(async () => {
    t = await TestApp.start();
    const district = await t.factory.district();
    schoolCode = (await t.factory.school(district)).code;
  });

  afterAll(() => t.close());

  it('ignores a spoofed X-Forwarded-For when counting requests per client', async () => {
    for (let i = 0; i < LIMIT; i += 1) {
      await t.http
        .get(`/api/v1/public/schools/${schoolCode}`)
        .set('X-Forwarded-For', `198.51.100.${i}`)
        .expect(200);
    }

    await t.http
      .get(`/api/v1/public/schools/${schoolCode}`)
      .set('X-Forwarded-For', '198.51.100.250')
      .expect(429);
  });
});
