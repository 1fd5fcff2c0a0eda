import { Factory } from './support/factory';
import type { ApiClient } from './support/api-driver';
import { TestApp } from './support/test-app';

jest.setTimeout(60_000);

type World = Awaited<ReturnType<Factory['world']>>;
type Cast = keyof World['users'];

interface AuditItem {
  id: string;
  schoolId: string;
  incidentId: string | null;
  incidentReference: string | null;
  actor: { id: string; displayName: string | null } | null;
  action: string;
  at: string;
}
interface AuditPage {
  items: AuditItem[];
  nextCursor: string | null;
}

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60_000);

/**
 * The filters of `GET /audit` that the audit page uses: action, kind (reads or
 * changes), days in the school's time zone, combined with incident and actor;
 * each keeps to the admin's schools.
 */
describe('audit log filters', () => {
  let t: TestApp;
  let world: World;
  let api: Record<Cast, ApiClient>;
  let incidentId: string;
  let reference: string;
  let otherIncidentId: string;
  let sisterIncidentId: string;

  const audit = async (who: Cast, query: Record<string, string | number>) => {
    const response = await api[who].get('/audit', { limit: 100, ...query });
    expect(response.status).toBe(200);
    return (response.body as AuditPage).items;
  };

  /** An entry written straight into the log at a moment of the test's choosing. */
  const entryAt = async (schoolId: string, at: string, action: string) => {
    const [row]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO audit_log (school_id, incident_id, actor_id, action, at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [schoolId, null, world.users.schoolAdmin.id, action, at],
    );
    return row.id;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    api = await t.signInAll(world.users);
    const file = async (who: Cast, schoolId: string) =>
      api[who]
        .file(schoolId, {
          category: 'verbal',
          location: 'bus',
          occurredAt: hoursAgo(3).toISOString(),
          description: 'They call me names on the bus every afternoon on the way home.',
        })
        .expectStatus(201);
    const filed = await file('student', world.school.id);
    incidentId = filed.id;
    reference = filed.reference;
    otherIncidentId = (await file('student', world.school.id)).id;
    sisterIncidentId = (await file('sisterStudent', world.sisterSchool.id)).id;
    await api.counselor.incident(incidentId).expectStatus(200);
    await api.counselor.incident(otherIncidentId).expectStatus(200);
    await api.schoolAdmin.incident(incidentId).expectStatus(200);
    await api.counselor.triage(incidentId, { version: 1, severity: 'low' }).expectStatus(200);
    await api.sisterAdmin.incident(sisterIncidentId).expectStatus(200);
  });

  afterAll(() => t.close());

  it('names the case of each entry by its reference', async () => {
    const items = await audit('schoolAdmin', { incidentId });

    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.incidentReference === reference)).toBe(true);
  });

  it('filters by action, one or several', async () => {
    const viewed = await audit('schoolAdmin', { action: 'incident.viewed' });
    expect(viewed.map((item) => item.action)).toEqual([
      'incident.viewed',
      'incident.viewed',
      'incident.viewed',
    ]);

    const several = await audit('schoolAdmin', {
      action: 'incident.viewed,incident.triaged',
      incidentId,
    });
    expect(several.map((item) => item.action).sort()).toEqual([
      'incident.triaged',
      'incident.viewed',
      'incident.viewed',
    ]);
  });

  it('finds who read a case: reads of one incident by one actor', async () => {
    const items = await audit('schoolAdmin', {
      incidentId,
      actorId: world.users.counselor.id,
      kind: 'read',
    });

    expect(items).toEqual([
      expect.objectContaining({
        action: 'incident.viewed',
        incidentId,
        incidentReference: reference,
        actor: { id: world.users.counselor.id, displayName: world.users.counselor.displayName },
      }),
    ]);
  });

  it('splits reads from changes', async () => {
    const reads = await audit('schoolAdmin', { kind: 'read' });
    const changes = await audit('schoolAdmin', { kind: 'change' });
    const all = await audit('schoolAdmin', {});

    expect(reads.length + changes.length).toBe(all.length);
    expect(reads.every((item) => item.action === 'incident.viewed')).toBe(true);
    expect(changes.map((item) => item.action)).toEqual(
      expect.arrayContaining(['incident.filed', 'incident.triaged']),
    );
    expect(changes.map((item) => item.action)).not.toContain('incident.viewed');
  });

  it('counts days in the school’s time zone, both ends included', async () => {
    // New York is five hours behind UTC in January.
    const lateOnTheFirst = await entryAt(world.school.id, '2026-01-06T04:30:00Z', 'test.day_one');
    const earlyOnTheSecond = await entryAt(world.school.id, '2026-01-06T05:30:00Z', 'test.day_two');
    const endOfTheSecond = await entryAt(world.school.id, '2026-01-07T04:59:00Z', 'test.day_two');
    const third = await entryAt(world.school.id, '2026-01-07T05:01:00Z', 'test.day_three');
    const ids = (items: AuditItem[]) => items.map((item) => item.id);

    expect(ids(await audit('schoolAdmin', { from: '2026-01-06', to: '2026-01-06' }))).toEqual([
      endOfTheSecond,
      earlyOnTheSecond,
    ]);
    expect(ids(await audit('schoolAdmin', { from: '2026-01-05', to: '2026-01-05' }))).toEqual([
      lateOnTheFirst,
    ]);
    expect(ids(await audit('schoolAdmin', { from: '2026-01-07', to: '2026-01-07' }))).toEqual([
      third,
    ]);
    expect(ids(await audit('schoolAdmin', { to: '2026-01-06' }))).toEqual([
      endOfTheSecond,
      earlyOnTheSecond,
      lateOnTheFirst,
    ]);
    const fromSecond = ids(await audit('schoolAdmin', { from: '2026-01-06' }));
    expect(fromSecond).toEqual(expect.arrayContaining([third, endOfTheSecond, earlyOnTheSecond]));
    expect(fromSecond).not.toContain(lateOnTheFirst);
  });

  it('pages a filtered list without gaps or repeats', async () => {
    const all = await audit('schoolAdmin', { kind: 'change' });
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await api.schoolAdmin.get('/audit', {
        kind: 'change',
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      expect(response.status).toBe(200);
      const page = response.body as AuditPage;
      walked.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);

    expect(walked).toEqual(all.map((item) => item.id));
  });

  it('never shows another school’s entries, whatever the filters', async () => {
    const queries: Record<string, string>[] = [
      { action: 'incident.viewed' },
      { kind: 'read' },
      { kind: 'change' },
      { incidentId: sisterIncidentId },
      { actorId: world.users.sisterAdmin.id, kind: 'read' },
      { from: '2020-01-01', to: '2100-12-31' },
    ];
    for (const query of queries) {
      const items = await audit('schoolAdmin', query);
      expect(items.every((item) => item.schoolId === world.school.id)).toBe(true);
      expect(items.map((item) => item.incidentId)).not.toContain(sisterIncidentId);
    }
    const sister = await audit('sisterAdmin', { kind: 'read' });
    expect(sister.map((item) => [item.incidentId, item.action])).toEqual([
      [sisterIncidentId, 'incident.viewed'],
    ]);
  });

  it.each(['counselor', 'staff', 'student', 'parent', 'districtAdmin'] as const)(
    'refuses the %s with 403, filters or not',
    async (who) => {
      const response = await api[who].get('/audit', { kind: 'read', from: '2026-01-01' });

      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).not.toContain('incident.');
    },
  );

  it.each([
    ['a malformed action', { action: 'DROP TABLE' }, 'action'],
    ['an unknown kind', { kind: 'delete' }, 'kind'],
    ['a day that does not exist', { from: '2026-02-30' }, 'from'],
    ['a date-time instead of a day', { to: '2026-01-06T10:00:00Z' }, 'to'],
    ['from after to', { from: '2026-01-07', to: '2026-01-06' }, 'from'],
  ])('answers 400 for %s', async (_, query, field) => {
    const response = await api.schoolAdmin.get('/audit', query);

    expect(response.status).toBe(400);
    expect(JSON.stringify((response.body as { message: unknown }).message)).toContain(field);
  });
});
