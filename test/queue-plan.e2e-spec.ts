import { QueueService, type QueueFilter } from '@app/casework';
import { scopeOf, type Principal, type School, type User } from '@app/identity';
import type { QueryRunner } from 'typeorm';
import { Factory } from './support/factory';
import { TestApp } from './support/test-app';

jest.setTimeout(120_000);
type World = Awaited<ReturnType<Factory['world']>>;

/** Rows of the busy school; the other schools get as many again. */
const ROWS = 3000;
const SEQ_SCAN = 'Seq Scan on incidents';

/**
 * The queue's SQL must be answered from the indexes, not by reading every
 * incident of the district: with sequential scans disabled, the planner still
 * chooses one when no index fits, and the plan says so.
 */
describe('the queue query plan uses indexes', () => {
  let t: TestApp;
  let world: World;
  let school: School;
  let counselor: User;
  let principal: Principal;
  let runner: QueryRunner;
  let deepCursor: string;

  const queue = () => t.app.get(QueueService);

  const explain = async (filter: Partial<QueueFilter>): Promise<string> => {
    const [sql, params] = queue()
      .query(scopeOf(principal), principal, { limit: 20, ...filter })
      .getQueryAndParameters();
    const rows: { 'QUERY PLAN': string }[] = await runner.query(`EXPLAIN ${sql}`, params);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  };

  /** Copies an incident `count` times into a school with varied status, severity, assignee and deadlines. */
  const copies = async (templateId: string, into: School, count: number, tag: string) => {
    await t.dataSource.query(
      `INSERT INTO incidents (
         school_id, district_id, reference, reporter_id, reporter_kind, category, location,
         occurred_at, ongoing, description, urgent, escalation_reasons, status, severity,
         assignee_id, triage_due_at, resolve_due_at, version)
       SELECT $2, $3, left(i.reference, 20) || '-' || $4 || n, i.reporter_id, i.reporter_kind,
              (ARRAY['verbal', 'physical', 'social', 'cyber'])[1 + n % 4], i.location,
              i.occurred_at - n * interval '1 hour', false,
              CASE WHEN n % 100 = 0 THEN 'They throw food at me in the cafeteria, case ' || n
                   ELSE 'Name calling in the hallway, case ' || n END,
              false, '{}',
              (ARRAY['submitted', 'triaged', 'investigating', 'resolved', 'closed', 'dismissed'])[1 + n % 6],
              CASE WHEN n % 6 = 0 THEN NULL
                   WHEN n % 17 = 0 THEN 'critical'
                   ELSE (ARRAY['low', 'medium', 'high'])[1 + n % 3] END,
              CASE WHEN n % 5 = 0 THEN NULL
                   ELSE (ARRAY[$5::uuid, $6::uuid, $7::uuid])[1 + n % 3] END,
              now() + (n % 40 - 20) * interval '1 day',
              now() + (n % 60 - 10) * interval '1 day',
              1
         FROM incidents i, generate_series(1, $8::int) AS n
        WHERE i.id = $1`,
      [
        templateId,
        into.id,
        into.districtId,
        tag,
        counselor.id,
        world.users.counselor.id,
        world.users.schoolAdmin.id,
        count,
      ],
    );
  };

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    school = await t.factory.school(world.district);
    counselor = await t.factory.user('counselor', { district: world.district, schools: [school] });
    const otherSchool = await t.factory.school(world.district);
    principal = {
      id: counselor.id,
      username: counselor.username,
      displayName: counselor.displayName,
      role: 'counselor',
      districtId: world.district.id,
      schoolIds: [school.id],
    };

    const token = await t.login(counselor.username);
    const response = await t.http
      .post('/api/v1/incidents')
      .set({ Authorization: `Bearer ${token}` })
      .send({
        schoolId: school.id,
        category: 'verbal',
        location: 'hallway',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        description: 'The template incident for the bulk copies.',
      });
    expect(response.status).toBe(201);
    const templateId = response.body.id as string;

    await copies(templateId, school, ROWS, 'a');
    await copies(templateId, world.school, ROWS, 'b');
    await copies(templateId, otherSchool, ROWS, 'c');
    await t.dataSource.query('ANALYZE incidents');

    const deep = await queue().list(scopeOf(principal), principal, { limit: Math.floor(ROWS / 2) });
    expect(deep.nextCursor).toEqual(expect.any(String));
    deepCursor = deep.nextCursor!;

    runner = t.dataSource.createQueryRunner();
    await runner.connect();
    await runner.query('SET enable_seqscan = off');
  });

  afterAll(async () => {
    await runner?.release();
    await t.close();
  });

  it('has the bulk rows in place', async () => {
    const [row]: { n: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM incidents WHERE school_id = $1',
      [school.id],
    );

    expect(row.n).toBe(ROWS + 1);
  });

  it.each<[string, () => Partial<QueueFilter>]>([
    ['the default queue', () => ({})],
    ['the status filter', () => ({ status: ['triaged'] })],
    ['the filter of several statuses', () => ({ status: ['submitted', 'triaged'] })],
    ['the assignee=me filter', () => ({ assignee: 'me' })],
    ['the assignee=<id> filter', () => ({ assignee: counselor.id })],
    ['the assignee=none filter', () => ({ assignee: 'none' })],
    ['the overdue filter', () => ({ overdue: true })],
    ['the not-overdue filter', () => ({ overdue: false })],
    ['the severity filter', () => ({ severity: ['critical'] })],
    ['the q filter', () => ({ q: 'cafeteria' })],
    ['the q filter on a reference', () => ({ q: 'nothing-like-this-reference' })],
    ['a deep cursor page', () => ({ cursor: deepCursor })],
    [
      'a deep cursor page of the status filter',
      () => ({ status: ['resolved'], cursor: deepCursor }),
    ],
    [
      'a deep cursor page of the assignee=me filter',
      () => ({ assignee: 'me', cursor: deepCursor }),
    ],
  ])('answers %s without a sequential scan of incidents', async (_label, filter) => {
    const plan = await explain(filter());

    expect(plan).not.toContain(SEQ_SCAN);
    expect(plan).toMatch(/(Index Scan|Index Only Scan|Bitmap Heap Scan)[^\n]* on incidents/);
  });

  it('returns the same rows through the planned query as through the API', async () => {
    const token = await t.login(counselor.username);
    const response = await t.http
      .get('/api/v1/incidents')
      .query({ limit: 5, status: 'triaged', assignee: 'me' })
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
    const rows: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM incidents
        WHERE school_id = $1 AND status = 'triaged' AND assignee_id = $2
        ORDER BY priority, due_at, id LIMIT 5`,
      [school.id, counselor.id],
    );

    const items = (response.body as { items: { id: string }[] }).items;
    expect(items.map((item) => item.id)).toEqual(rows.map((row) => row.id));
  });
});
