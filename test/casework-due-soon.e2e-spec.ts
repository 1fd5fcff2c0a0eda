import { DeadlineScanner } from '@app/casework';
import type { User } from '@app/identity';
import { TestApp } from './support/test-app';

jest.setTimeout(120_000);

const HOUR = 3_600_000;

/**
 * "Due soon" is one setting: the caseload counts the cases the worker reminds
 * people of, no more and no fewer.
 */
describe.each([
  ['by default (24 hours)', {}, [3, 20, 30], 2],
  ['with DUE_SOON_HOURS=6', { DUE_SOON_HOURS: '6' }, [3, 10, 30], 1],
] as const)('due soon %s', (_label, environment, dueInHours, dueSoon) => {
  let t: TestApp;
  let counselor: User;
  let ids: string[];

  beforeAll(async () => {
    t = await TestApp.start({ ...environment, WORKER_IN_PROCESS: 'false' });
    const district = await t.factory.district();
    const school = await t.factory.school(district);
    counselor = await t.factory.user('counselor', { district, schools: [school] });
    const token = await t.login(counselor.username);
    ids = [];
    for (const hours of dueInHours) {
      const response = await t.http
        .post('/api/v1/incidents')
        .set({ Authorization: `Bearer ${token}` })
        .send({
          schoolId: school.id,
          category: 'verbal',
          location: 'hallway',
          occurredAt: new Date(Date.now() - HOUR).toISOString(),
          description: 'Name calling in the hallway between lessons.',
        })
        .expect(201);
      const id = (response.body as { id: string }).id;
      await t.dataSource.query(
        `UPDATE incidents SET assignee_id = $2, triage_due_at = now() + make_interval(hours => $3)
          WHERE id = $1`,
        [id, counselor.id, hours],
      );
      ids.push(id);
    }
  });

  afterAll(() => t.close());

  it('counts in the caseload exactly the cases within the window', async () => {
    const response = await t.http
      .get('/api/v1/caseload')
      .set({ Authorization: `Bearer ${await t.login(counselor.username)}` })
      .expect(200);

    expect(response.body).toMatchObject({
      overdue: 0,
      dueSoon,
      assignedToMe: { open: 3, dueSoon },
    });
  });

  it('reminds the assignee of the same cases', async () => {
    await t.app.get(DeadlineScanner).scan();

    const reminded: { incident_id: string }[] = await t.dataSource.query(
      `SELECT incident_id FROM deadline_notices WHERE kind = 'reminder' AND incident_id = ANY($1)`,
      [ids],
    );
    expect(reminded.map((row) => ids.indexOf(row.incident_id)).sort()).toEqual(
      ids.slice(0, dueSoon).map((_id, index) => index),
    );
  });
});
