import fc from 'fast-check';
import { Factory } from './support/factory';
import { withMalformedField } from './support/malformed-json';
import { TestApp } from './support/test-app';

type World = Awaited<ReturnType<Factory['world']>>;
type Body = unknown;
type Sent = { body: Body; status: number; response: Record<string, unknown> };

const INCIDENTS = '/api/v1/incidents';
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
const FIELDS = [
  'schoolId',
  'category',
  'location',
  'locationDetail',
  'occurredAt',
  'ongoing',
  'description',
  'urgent',
  'onBehalfOfStudentId',
  'parties',
];
const WORDS = ['knife', 'gun', 'kill myself', 'suicide', 'te voy a matar', 'skill', 'lunch', 'bus'];
/** The answers a client error may get; anything else (above all a 5xx) is a finding. */
const EXPECTED_STATUSES = [201, 400, 404, 422];
const BATCH = 8;
const VALID_LOOKING_RUNS = 190; // x 8 = 1,520 bodies
const ARBITRARY_RUNS = 66; // x 8 = 528 bodies: 2,048 in all
const MALFORMED_RUNS = 32; // x 8 = 256 bodies with a lone surrogate or nesting past the limit

// jest ignores the e2e project's testTimeout; this file takes ~20 s alone, more on a busy machine.
jest.setTimeout(90_000);

/** Ordinary reports most of the time, odd values now and then, in every field. */
function validLookingBody(world: World, classmateId: string): fc.Arbitrary<Body> {
  const json = fc.jsonValue({ maxDepth: 2 });
  const odd = fc.oneof(
    json,
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('', ' ', '\u0000', 'null', '0', '[]', '{}', 'x'.repeat(300)),
  );
  const sometimes = <T>(good: fc.Arbitrary<T>, goodWeight = 12) =>
    fc.oneof({ arbitrary: good, weight: goodWeight }, { arbitrary: odd, weight: 1 });
  const optional = <T>(value: fc.Arbitrary<T>, freq = 2) =>
    fc.option(value, { nil: undefined, freq });
  const rarely = <T>(value: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: fc.constant(undefined), weight: 10 }, { arbitrary: value, weight: 1 });
  const pastMs = fc.integer({ min: 1_000, max: 4 * 365 * 24 * 3600 * 1000 });
  const offsetMinutes = fc.integer({ min: -12 * 60, max: 14 * 60 });
  const withOffset = fc.tuple(pastMs, offsetMinutes).map(([ago, offset]) => {
    const local = new Date(Date.now() - ago + offset * 60_000).toISOString().slice(0, 19);
    const sign = offset < 0 ? '-' : '+';
    const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const mm = String(Math.abs(offset) % 60).padStart(2, '0');
    return `${local}${sign}${hh}:${mm}`;
  });
  const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const occurredAt = fc.oneof(
    { arbitrary: pastMs.map((ago) => new Date(Date.now() - ago).toISOString()), weight: 5 },
    { arbitrary: withOffset, weight: 3 },
    { arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), weight: 1 },
    {
      arbitrary: fc.integer({ min: 1, max: 10_000 }).map((s) => new Date(Date.now() + s * 1000)),
      weight: 1,
    },
    {
      arbitrary: fc.constantFrom(
        `${twoDaysAgo}T24:00:00Z`,
        `${twoDaysAgo}T10:00:00+23:59`,
        `${twoDaysAgo}T10:00:00-00:00`,
        `${twoDaysAgo}T10:00:60Z`,
        `${twoDaysAgo}T10:00:00.123456+01:00`,
        `${twoDaysAgo}T10:00+99:00`,
        '0000-01-01T00:00:00Z',
        '2024-02-29T12:00:00Z',
        '2023-02-29T12:00:00Z',
      ),
      weight: 1,
    },
    { arbitrary: odd, weight: 1 },
  );
  const text = (min: number, max: number) =>
    fc.oneof(
      { arbitrary: fc.string({ minLength: min, maxLength: max }), weight: 4 },
      { arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: max }), weight: 2 },
      {
        arbitrary: fc
          .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 8 })), {
            minLength: 2,
            maxLength: 12,
          })
          .map((words) => words.join(' ')),
        weight: 2,
      },
      { arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: max }), weight: 1 },
    );
  const description = fc.oneof(
    { arbitrary: text(8, 200), weight: 10 },
    { arbitrary: fc.integer({ min: 9_990, max: 10_010 }).map((n) => 'd'.repeat(n)), weight: 1 },
  );
  const party = fc.record({
    role: optional(sometimes(fc.constantFrom(...PARTY_ROLES)), 20),
    name: optional(sometimes(text(0, 60), 6), 8),
    studentId: rarely(fc.oneof(fc.constant(classmateId), fc.uuid(), odd)),
    note: optional(sometimes(text(0, 80), 4)),
    extra: rarely(json),
  });
  const parties = fc.oneof(
    { arbitrary: fc.array(party, { maxLength: 4 }), weight: 6 },
    { arbitrary: fc.array(party, { minLength: 19, maxLength: 22 }), weight: 1 },
    { arbitrary: odd, weight: 1 },
  );
  const schoolId = fc.oneof(
    { arbitrary: fc.constant(world.school.id), weight: 12 },
    { arbitrary: fc.constantFrom(world.sisterSchool.id, world.foreignSchool.id), weight: 1 },
    { arbitrary: fc.uuid(), weight: 1 },
    { arbitrary: odd, weight: 1 },
  );

  return fc
    .record({
      schoolId: optional(schoolId, 20),
      category: optional(sometimes(fc.constantFrom(...CATEGORIES)), 20),
      location: optional(sometimes(fc.constantFrom(...LOCATIONS)), 20),
      locationDetail: optional(sometimes(text(0, 220))),
      occurredAt: optional(occurredAt, 20),
      ongoing: optional(sometimes(fc.boolean())),
      description: optional(sometimes(description), 20),
      urgent: optional(sometimes(fc.boolean())),
      onBehalfOfStudentId: rarely(fc.oneof(fc.constant(world.users.student.id), fc.uuid(), odd)),
      parties: optional(parties),
      unknown: rarely(fc.dictionary(fc.string({ maxLength: 12 }), json, { maxKeys: 2 })),
    })
    .map(({ unknown, ...fields }) => ({ ...unknown, ...fields }));
}

/** Whatever JSON: scalars, lists, objects with random keys or the real ones. */
function arbitraryJson(): fc.Arbitrary<Body> {
  const keys = fc.constantFrom(...FIELDS, '__proto__', 'constructor', 'id', 'status', 'reporterId');
  return fc.oneof(
    fc.jsonValue(),
    fc.object({ values: [fc.jsonValue({ maxDepth: 2 })] }),
    fc.dictionary(keys, fc.jsonValue({ maxDepth: 2 }), { maxKeys: FIELDS.length }),
    fc.array(fc.dictionary(keys, fc.jsonValue({ maxDepth: 1 })), { maxLength: 3 }),
  );
}

describe('fuzzing POST /api/v1/incidents as a student', () => {
  let t: TestApp;
  let world: World;
  let headers: Record<string, string>;
  let classmateId: string;

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(sql, params);
    return rows[0].n;
  };
  const incidentCount = () => count('SELECT count(*)::int AS n FROM incidents');

  const send = async (body: Body): Promise<Sent> => {
    const response = await t.http
      .post(INCIDENTS)
      .set(headers)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(body));
    return { body, status: response.status, response: response.body as Record<string, unknown> };
  };

  /** Checks one batch's answers against the database, returning what is wrong. */
  const problemsOf = async (batch: Sent[]): Promise<string[]> => {
    const problems: string[] = [];
    const show = (sent: Sent) =>
      `${sent.status} ${JSON.stringify(sent.response)} for ${JSON.stringify(sent.body).slice(0, 600)}`;
    for (const sent of batch) {
      if (!EXPECTED_STATUSES.includes(sent.status)) problems.push(`unexpected ${show(sent)}`);
      else if (sent.status !== 201 && typeof sent.response?.message === 'undefined')
        problems.push(`error without a message: ${show(sent)}`);
    }
    const created = batch.filter((sent) => sent.status === 201);
    if (created.length === 0) return problems;
    const rows = await t.dataSource.query<
      { id: string; severity: string | null; filed: number; parties: number }[]
    >(
      `SELECT i.id, i.severity,
              (SELECT count(*) FROM incident_events e WHERE e.incident_id = i.id AND e.type = 'filed')::int AS filed,
              (SELECT count(*) FROM incident_parties p WHERE p.incident_id = i.id)::int AS parties
         FROM incidents i WHERE i.id = ANY($1::uuid[])`,
      [created.map((sent) => sent.response.id)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const sent of created) {
      const row = byId.get(sent.response.id as string);
      const body = sent.body as { parties?: unknown[]; urgent?: unknown };
      if (!row) problems.push(`201 without an incident: ${show(sent)}`);
      else if (row.filed !== 1) problems.push(`${row.filed} filed events: ${show(sent)}`);
      else if (row.parties !== (body.parties?.length ?? 0))
        problems.push(`${row.parties} parties stored: ${show(sent)}`);
      else if (body.urgent === true && row.severity !== 'critical')
        problems.push(`urgent but not critical: ${show(sent)}`);
      else if (sent.response.status !== 'submitted' || sent.response.severity !== row.severity)
        problems.push(`answer does not match the record: ${show(sent)}`);
    }
    return problems;
  };

  const fuzz = async (bodies: fc.Arbitrary<Body>, numRuns: number) => {
    const before = await incidentCount();
    const answered: Record<number, number> = {};
    const ids: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(bodies, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const sent = await Promise.all(batch.map(send));
        for (const one of sent) {
          answered[one.status] = (answered[one.status] ?? 0) + 1;
          if (one.status === 201) ids.push(one.response.id as string);
        }
        expect(await problemsOf(sent)).toEqual([]);
      }),
      { numRuns, endOnFailure: true },
    );
    return { before, answered, ids };
  };

  /** The database holds the incidents answered 201, each whole, and nothing else. */
  const expectConsistent = async (before: number, ids: string[]) => {
    expect(new Set(ids).size).toBe(ids.length);
    await expect(incidentCount()).resolves.toBe(before + ids.length);
    await expect(
      count(
        `SELECT count(*)::int AS n FROM incident_parties p
          WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = p.incident_id)`,
      ),
    ).resolves.toBe(0);
    await expect(
      count(
        `SELECT count(*)::int AS n FROM incidents i
          WHERE NOT EXISTS (SELECT 1 FROM incident_events e WHERE e.incident_id = i.id AND e.type = 'filed')`,
      ),
    ).resolves.toBe(0);
  };

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    classmateId = (
      await t.factory.user('student', { district: world.district, schools: [world.school] })
    ).id;
    headers = { Authorization: `Bearer ${await t.login(world.users.student.username)}` };
  });

  afterAll(() => t.close());

  it('answers valid-looking bodies with 201 or a client error, never a 5xx, and records each 201 once', async () => {
    const { before, answered, ids } = await fuzz(
      validLookingBody(world, classmateId),
      VALID_LOOKING_RUNS,
    );

    const total = Object.values(answered).reduce((sum, n) => sum + n, 0);
    expect(total).toBe(VALID_LOOKING_RUNS * BATCH);
    // The generator is worth something only if many bodies pass and many do not.
    expect(answered[201] ?? 0).toBeGreaterThan(total * 0.1);
    expect(total - (answered[201] ?? 0)).toBeGreaterThan(total * 0.1);
    await expectConsistent(before, ids);
  });

  it('refuses a lone surrogate or deep nesting in any field with a 400 before validation, filing nothing', async () => {
    const before = await incidentCount();
    const report = {
      schoolId: world.school.id,
      category: 'verbal',
      location: 'cafeteria',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      description: 'They threw food at me at lunch again.',
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(withMalformedField(report, FIELDS), { minLength: BATCH, maxLength: BATCH }),
        async (batch) => {
          const answers = await Promise.all(
            batch.map(({ raw }) =>
              t.http.post(INCIDENTS).set(headers).set('Content-Type', 'application/json').send(raw),
            ),
          );
          answers.forEach((response, i) => {
            const { raw, field } = batch[i];
            const why = `${response.status} ${JSON.stringify(response.body)} for ${raw.slice(0, 200)}`;
            expect([response.status, why]).toEqual([400, why]);
            const message = String(response.body.message);
            expect(message).toMatch(message.includes('nested') ? /^body is nested/ : field);
          });
        },
      ),
      { numRuns: MALFORMED_RUNS, endOnFailure: true },
    );
    await expect(incidentCount()).resolves.toBe(before);
  });

  it('answers arbitrary JSON with a client error, never a 5xx, and files nothing', async () => {
    const { before, answered, ids } = await fuzz(arbitraryJson(), ARBITRARY_RUNS);

    expect(Object.values(answered).reduce((sum, n) => sum + n, 0)).toBe(ARBITRARY_RUNS * BATCH);
    expect(ids).toEqual([]);
    await expectConsistent(before, ids);
  });
});
