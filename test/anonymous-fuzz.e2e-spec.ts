import fc from 'fast-check';
import { Factory } from './support/factory';
import { withMalformedField } from './support/malformed-json';
import { TestApp } from './support/test-app';

// Starting the app, and some uploads, can take longer than jest's default 5 s on a busy machine.
jest.setTimeout(60_000);

type World = Awaited<ReturnType<Factory['world']>>;

const CATEGORIES = [
  'verbal',
  'physical',
  'social',
  'cyber',
  'sexual_harassment',
  'discrimination',
  'threat',
  'property',
  'other',
];
const LOCATIONS = [
  'classroom',
  'hallway',
  'cafeteria',
  'playground',
  'bus',
  'restroom',
  'locker_room',
  'gym',
  'online',
  'off_campus',
  'other',
];
const PARTY_ROLES = ['target', 'aggressor', 'witness'];
const CODE_FORMAT = /^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){4}$/;
const RUNS = 2000;
/** Bodies sent at the same time, which also exercises reference numbering under concurrency. */
const BATCH = 8;
const DAY = 24 * 60 * 60 * 1000;

/** An ISO-8601 date-time written at the given UTC offset, e.g. `2026-11-20T07:15:00-05:00`. */
function atOffset(epochMs: number, offsetMinutes: number, withMillis: boolean): string {
  const local = new Date(epochMs + offsetMinutes * 60 * 1000).toISOString();
  const wallClock = withMillis ? local.slice(0, 23) : local.slice(0, 19);
  if (offsetMinutes === 0 && withMillis) return `${wallClock}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hours = String(Math.floor(abs / 60)).padStart(2, '0');
  const minutes = String(abs % 60).padStart(2, '0');
  return `${wallClock}${sign}${hours}:${minutes}`;
}

/** Anything JSON can carry, for fields that expect something else. */
const junk = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(null, true, false, 0, -1, 1e308, '', ' ', '\u0000', [], {}),
  );

describe('anonymous filing under fuzzed input', () => {
  let t: TestApp;
  let world: World;

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(sql, params);
    return rows[0].n;
  };

  beforeAll(async () => {
    t = await TestApp.start({ PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' });
    world = await t.factory.world();
  });

  afterAll(() => t.close());

  it(`never fails with 5xx and keeps the records whole over ${RUNS} generated bodies`, async () => {
    const codes = [world.school.code, world.sisterSchool.code, world.foreignSchool.code];

    const validDate = fc
      .tuple(
        fc.integer({ min: 60 * 1000, max: 4 * 365 * DAY }),
        fc.constantFrom(0, -300, -240, 60, 330, 345, -570, 840, -720),
        fc.boolean(),
      )
      .map(([ago, offset, millis]) => atOffset(Date.now() - ago, offset, millis));
    const oddDate = fc.oneof(
      fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => new Date(ms).toISOString()),
      fc
        .integer({ min: 1, max: 400 * DAY })
        .map((ahead) => new Date(Date.now() + ahead).toISOString()),
      fc
        .integer({ min: 6 * 365 * DAY, max: 60 * 365 * DAY })
        .map((ago) => new Date(Date.now() - ago).toISOString()),
      fc.constantFrom(
        '2025-02-30T10:00:00Z',
        '2024-02-29T25:61:00Z',
        '2025-13-01T10:00:00+01:00',
        '2025-01-01T10:00:00+25:00',
        '2025-01-01T10:00:00',
        '2025-01-01',
        'yesterday',
        '0000-00-00T00:00:00Z',
        '+275760-09-13T00:00:00.000Z',
        '2025-06-01T10:00:00.1234567Z',
      ),
      fc.string({ maxLength: 30 }),
    );
    const description = fc.oneof(
      fc.string({ minLength: 10, maxLength: 300 }),
      fc.string({ unit: 'binary', minLength: 5, maxLength: 200 }),
      fc.string({ unit: 'grapheme', minLength: 8, maxLength: 60 }),
      fc.constantFrom(
        'He said he would bring a knife to school tomorrow.',
        'Someone wrote that they want to die in the group chat.',
        'Me dijo que iba a traer un cuchillo a la escuela.',
        `${'a'.repeat(9)}`,
        `${'b'.repeat(10)}`,
        `${'c'.repeat(10_000)}`,
        `${'d'.repeat(10_001)}`,
        `   ${'e'.repeat(9)}   `,
        'text with a NUL \u0000 character in it',
        '<script>alert(1)</script> in the hallway',
        "'; DROP TABLE incidents; -- in the cafeteria",
      ),
    );
    const party = fc.record(
      {
        role: fc.oneof(fc.constantFrom(...PARTY_ROLES), junk()),
        name: fc.oneof(
          fc.string({ minLength: 1, maxLength: 40 }),
          fc.string({ maxLength: 210 }),
          junk(),
        ),
        note: fc.oneof(fc.string({ maxLength: 80 }), fc.constant('x'.repeat(1001)), junk()),
        studentId: fc.oneof(fc.uuid(), fc.constant(world.users.student.id), junk()),
        extra: junk(),
      },
      { requiredKeys: [] },
    );
    const wellFormedParty = fc.record(
      {
        role: fc.constantFrom(...PARTY_ROLES),
        name: fc.string({ minLength: 1, maxLength: 40 }).filter((name) => name.trim().length > 0),
        note: fc.string({ maxLength: 80 }),
      },
      { requiredKeys: ['role', 'name'] },
    );

    /** Bodies built from the real field names with mostly sensible values. */
    const plausible = fc.record(
      {
        schoolCode: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...codes) },
          {
            weight: 2,
            arbitrary: fc.constantFrom(...codes).map((code) => ` ${code.toLowerCase()} `),
          },
          { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
          { weight: 1, arbitrary: junk() },
        ),
        category: fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...CATEGORIES) },
          { weight: 1, arbitrary: junk() },
        ),
        location: fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...LOCATIONS) },
          { weight: 1, arbitrary: junk() },
        ),
        locationDetail: fc.oneof(
          { weight: 4, arbitrary: fc.string({ maxLength: 200 }) },
          { weight: 1, arbitrary: fc.string({ minLength: 201, maxLength: 220 }) },
          { weight: 1, arbitrary: junk() },
        ),
        occurredAt: fc.oneof(
          { weight: 7, arbitrary: validDate },
          { weight: 2, arbitrary: oddDate },
          { weight: 1, arbitrary: junk() },
        ),
        description: fc.oneof(
          { weight: 8, arbitrary: description },
          { weight: 1, arbitrary: junk() },
        ),
        urgent: fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: junk() }),
        ongoing: fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: junk() }),
        parties: fc.oneof(
          { weight: 6, arbitrary: fc.array(wellFormedParty, { maxLength: 4 }) },
          { weight: 2, arbitrary: fc.array(party, { maxLength: 4 }) },
          { weight: 1, arbitrary: fc.array(wellFormedParty, { minLength: 20, maxLength: 22 }) },
          { weight: 1, arbitrary: junk() },
        ),
        reporterIp: junk(),
        schoolId: fc.oneof(fc.uuid(), junk()),
      },
      {
        requiredKeys: ['schoolCode', 'category', 'location', 'occurredAt', 'description'],
      },
    );
    /** The same, with any field possibly left out. */
    const sparse = plausible.chain((body) =>
      fc
        .subarray(Object.keys(body))
        .map((keys) =>
          Object.fromEntries(keys.map((key) => [key, (body as Record<string, unknown>)[key]])),
        ),
    );
    /** Bodies that need no `studentId`/unknown keys to be refused only for a value. */
    const almostValid = plausible.map((body) => {
      const copy: Record<string, unknown> = { ...body };
      delete copy.reporterIp;
      delete copy.schoolId;
      return copy;
    });

    /** Bodies that should all be filed: the real fields with random but acceptable values. */
    const valid = fc.record(
      {
        schoolCode: fc.constantFrom(...codes, ...codes.map((code) => code.toLowerCase())),
        category: fc.constantFrom(...CATEGORIES),
        location: fc.constantFrom(...LOCATIONS),
        locationDetail: fc.string({ maxLength: 200 }),
        occurredAt: validDate,
        description: fc
          .string({ minLength: 10, maxLength: 500 })
          .filter((text) => text.trim().length >= 10),
        urgent: fc.boolean(),
        ongoing: fc.boolean(),
        parties: fc.array(wellFormedParty, { maxLength: 5 }),
      },
      { requiredKeys: ['schoolCode', 'category', 'location', 'occurredAt', 'description'] },
    );

    type Kind = 'valid' | 'other' | 'malformed';
    // Malformed bodies (a lone surrogate, nesting past the limit) are refused before validation.
    const EXPECTED_STATUS: Partial<Record<Kind, number>> = { valid: 201, malformed: 400 };
    const as = (kind: Kind) => (body: unknown) => ({
      kind,
      raw: JSON.stringify(body),
    });
    const bodies = fc.oneof(
      { weight: 4, arbitrary: valid.map(as('valid')) },
      { weight: 4, arbitrary: almostValid.map(as('other')) },
      { weight: 2, arbitrary: plausible.map(as('other')) },
      { weight: 2, arbitrary: sparse.map(as('other')) },
      { weight: 1, arbitrary: fc.jsonValue().map(as('other')) },
      { weight: 1, arbitrary: fc.object().map(as('other')) },
      {
        weight: 1,
        arbitrary: valid.chain((body) =>
          withMalformedField(body, Object.keys(body)).map(({ raw }) => ({
            kind: 'malformed' as const,
            raw,
          })),
        ),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('', 'null', '[]', '"text"', '{', '{"schoolCode":', '{"__proto__":{"x":1}}')
          .map((raw) => ({ kind: 'other' as const, raw })),
      },
    );

    const incidentsBefore = await count('SELECT count(*)::int AS n FROM incidents');
    const partiesBefore = await count('SELECT count(*)::int AS n FROM incident_parties');
    const statuses = new Map<number, number>();
    const filed: { reference: string; trackingCode: string }[] = [];
    let partiesFiled = 0;
    let sent = 0;
    let malformedSent = 0;

    const send = async ({ kind, raw }: { kind: Kind; raw: string }) => {
      const response = await t.http
        .post('/api/v1/public/reports')
        .set('Content-Type', 'application/json')
        .send(raw);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const expected = EXPECTED_STATUS[kind];
      if (response.status >= 500 || (expected !== undefined && response.status !== expected)) {
        throw new Error(
          `${kind} body answered ${response.status} ${JSON.stringify(response.body)}: ${raw}`,
        );
      }
      if (response.status === 201) {
        expect(response.body).toEqual({
          reference: expect.stringMatching(/^S[0-9A-F]{8}-\d{4}-\d{5}$/),
          trackingCode: expect.stringMatching(CODE_FORMAT),
          triageDueAt: expect.any(String),
          resolveDueAt: expect.any(String),
          schoolTimeZone: 'America/New_York',
          help: expect.objectContaining({ nationalLines: expect.any(Array) }),
        });
        filed.push(response.body);
        const parsed = JSON.parse(raw) as { parties?: unknown[] };
        partiesFiled += parsed.parties?.length ?? 0;
      } else {
        expect(response.body).toEqual({
          statusCode: response.status,
          error: expect.any(String),
          message: expect.anything(),
        });
      }
      sent += 1;
      if (kind === 'malformed') malformedSent += 1;
    };

    await fc.assert(
      fc.asyncProperty(fc.array(bodies, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        await Promise.all(batch.map(send));
      }),
      { numRuns: RUNS / BATCH },
    );

    expect(sent).toBeGreaterThanOrEqual(RUNS);
    expect(malformedSent).toBeGreaterThan(RUNS / 50);
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
    // Enough of both kinds to make the run meaningful.
    expect(filed.length).toBeGreaterThan(RUNS / 10);
    expect(RUNS - filed.length).toBeGreaterThan(RUNS / 10);

    await expect(count('SELECT count(*)::int AS n FROM incidents')).resolves.toBe(
      incidentsBefore + filed.length,
    );
    await expect(count('SELECT count(*)::int AS n FROM incident_parties')).resolves.toBe(
      partiesBefore + partiesFiled,
    );
    await expect(
      count(
        `SELECT count(*)::int AS n FROM incidents
          WHERE reporter_id IS NOT NULL OR reporter_kind <> 'anonymous'`,
      ),
    ).resolves.toBe(0);
    // Exactly one tracking-code hash and one 'filed' event per incident.
    await expect(
      count(
        `SELECT count(*)::int AS n FROM incidents i
          WHERE (SELECT count(*) FROM anonymous_access a WHERE a.incident_id = i.id) <> 1
             OR (SELECT count(*) FROM incident_events e
                  WHERE e.incident_id = i.id AND e.type = 'filed') <> 1`,
      ),
    ).resolves.toBe(0);
    await expect(count('SELECT count(*)::int AS n FROM anonymous_access')).resolves.toBe(
      filed.length,
    );
    // No orphans anywhere.
    for (const table of [
      'anonymous_access',
      'incident_events',
      'incident_parties',
      'messages',
      'attachments',
    ]) {
      await expect(
        count(
          `SELECT count(*)::int AS n FROM ${table} x
            WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = x.incident_id)`,
        ),
      ).resolves.toBe(0);
    }
    await expect(
      count(
        `SELECT count(*)::int AS n FROM incident_parties p JOIN incidents i ON i.id = p.incident_id
          WHERE p.school_id <> i.school_id OR p.student_id IS NOT NULL`,
      ),
    ).resolves.toBe(0);
    // References: one per answer, unique, numbered without gaps per school.
    const references = filed.map((report) => report.reference);
    expect(new Set(references).size).toBe(references.length);
    await expect(
      count('SELECT count(*)::int AS n FROM incidents WHERE reference = ANY($1)', [references]),
    ).resolves.toBe(references.length);
    const numbering: { incidents: number; last_number: number }[] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM incidents i WHERE i.school_id = c.school_id) AS incidents,
              c.last_number
         FROM incident_counters c`,
    );
    for (const row of numbering) expect(row.last_number).toBe(row.incidents);
    // Tracking codes are unique and each leads back to its own report.
    expect(new Set(filed.map((report) => report.trackingCode)).size).toBe(filed.length);
    for (const report of filed.slice(0, 25)) {
      const status = await t.http
        .post('/api/v1/public/reports/status')
        .send({ trackingCode: report.trackingCode })
        .expect(200);
      expect(status.body.reference).toBe(report.reference);
    }
  }, 120_000);

  it('answers fuzzed tracking codes and messages with 4xx only, never revealing a report', async () => {
    const filed = await t.http
      .post('/api/v1/public/reports')
      .send({
        schoolCode: world.school.code,
        category: 'verbal',
        location: 'bus',
        occurredAt: new Date(Date.now() - DAY).toISOString(),
        description: 'Names shouted at me on the bus every morning.',
      })
      .expect(201);
    const code: string = filed.body.trackingCode;
    const nearMiss = fc
      .tuple(fc.nat({ max: 19 }), fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'))
      .map(([position, symbol]) => {
        const compact = code.replace(/-/g, '').split('');
        compact[position] = compact[position] === symbol ? (symbol === 'A' ? 'B' : 'A') : symbol;
        return compact.join('');
      });
    const trackingCode = fc.oneof(
      nearMiss,
      fc.string({ maxLength: 70 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.stringMatching(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/),
      junk(),
    );
    const messageBody = fc.oneof(fc.string({ maxLength: 50 }), junk());
    const messagesBefore = await count('SELECT count(*)::int AS n FROM messages');

    await fc.assert(
      fc.asyncProperty(trackingCode, messageBody, async (candidate, body) => {
        const status = await t.http
          .post('/api/v1/public/reports/status')
          .send({ trackingCode: candidate });
        const message = await t.http
          .post('/api/v1/public/reports/messages')
          .send({ trackingCode: candidate, body });
        for (const response of [status, message]) {
          expect([400, 404, 413]).toContain(response.status);
          expect(JSON.stringify(response.body)).not.toContain(filed.body.reference);
        }
      }),
      { numRuns: 150 },
    );

    await expect(count('SELECT count(*)::int AS n FROM messages')).resolves.toBe(messagesBefore);
  });
});
