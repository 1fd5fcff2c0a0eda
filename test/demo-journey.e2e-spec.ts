import { DemoSeedService } from '@app/identity';
import { TestApp } from './support/test-app';

// jest.config.js sets testTimeout inside the e2e project, where jest ignores it (5 s applies).
jest.setTimeout(60_000);

const DEMO_PASSWORD = 'safe-schools-demo';
const DESCRIPTION =
  'At lunch a group at the next table mocked my clothes and laughed every time I walked past.';
const AGGRESSOR = 'Jordan from the eighth grade';

const typesOf = (timeline: { type: string }[]) => timeline.map((entry) => entry.type);
const idsOf = (items: { id: string }[]) => items.map((item) => item.id);

describe('the demo: a student reports being mocked at lunch and the right people see it', () => {
  let t: TestApp;
  const me = async (username: string) =>
    (await (await t.signIn(username, DEMO_PASSWORD)).get('/me').expect(200)).body as {
      id: string;
      displayName: string;
      schools: { id: string; name: string }[];
    };

  beforeAll(async () => {
    t = await TestApp.start();
    await expect(t.app.get(DemoSeedService).seedIfEmpty(DEMO_PASSWORD)).resolves.toBe(true);
  });

  afterAll(() => t.close());

  it('follows the report from student.sam to the family, the counselor, and no one else', async () => {
    const sam = await me('student.sam');
    const maple = sam.schools[0];
    expect(maple.name).toBe('Maple Ridge Middle School');

    // Sam files a report about being mocked in the cafeteria.
    const filed = await (
      await t.signIn('student.sam', DEMO_PASSWORD)
    )
      .post('/incidents')
      .send({
        schoolId: maple.id,
        category: 'verbal',
        location: 'cafeteria',
        locationDetail: 'The long table by the windows',
        occurredAt: new Date(Date.now() - 90 * 60_000).toISOString(),
        description: DESCRIPTION,
        parties: [{ role: 'aggressor', name: AGGRESSOR }],
      })
      .expect(201);
    const year = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      year: 'numeric',
    }).format(new Date());
    expect(filed.body).toEqual({
      id: expect.any(String),
      reference: `MAPLE-${year}-00001`,
      status: 'submitted',
      severity: null,
      triageDueAt: expect.any(String),
      resolveDueAt: expect.any(String),
      schoolTimeZone: 'America/New_York',
      help: expect.objectContaining({ nationalLines: expect.any(Array) }),
    });
    const id = filed.body.id as string;

    // Sam sees it as its reporter.
    const samView = await (
      await t.signIn('student.sam', DEMO_PASSWORD)
    )
      .get(`/incidents/${id}`)
      .expect(200);
    expect(samView.body).toMatchObject({
      view: 'reporter',
      reference: filed.body.reference,
      description: DESCRIPTION,
    });
    expect(JSON.stringify(samView.body)).not.toContain(AGGRESSOR);

    // Pat, Sam's parent, sees it in the family view, in the list and in detail.
    const patList = await (
      await t.signIn('parent.pat', DEMO_PASSWORD)
    )
      .get('/incidents')
      .expect(200);
    expect(patList.body.items).toEqual([
      expect.objectContaining({ id, view: 'family', location: 'cafeteria', status: 'submitted' }),
    ]);
    const patView = await (
      await t.signIn('parent.pat', DEMO_PASSWORD)
    )
      .get(`/incidents/${id}`)
      .expect(200);
    expect(patView.body).toMatchObject({
      view: 'family',
      id,
      reference: filed.body.reference,
      child: { id: sam.id, displayName: 'Sam Carter' },
      status: 'submitted',
      category: 'verbal',
      location: 'cafeteria',
      triageDueAt: filed.body.triageDueAt,
      resolveDueAt: filed.body.resolveDueAt,
      schoolTimeZone: filed.body.schoolTimeZone,
    });
    expect(typesOf(patView.body.timeline)).toEqual(['filed']);
    const patText = JSON.stringify(patView.body);
    expect(patText).not.toContain(DESCRIPTION);
    expect(patText).not.toContain(AGGRESSOR);
    expect(patText).not.toContain('The long table by the windows');

    // Riley, at Oak Hill, neither sees it listed nor can open it.
    const rileyList = await (
      await t.signIn('student.riley', DEMO_PASSWORD)
    )
      .get('/incidents')
      .expect(200);
    expect(rileyList.body).toEqual({ items: [], nextCursor: null });
    const rileyView = await (
      await t.signIn('student.riley', DEMO_PASSWORD)
    )
      .get(`/incidents/${id}`)
      .expect(404);
    const nothing = await (
      await t.signIn('student.riley', DEMO_PASSWORD)
    )
      .get(`/incidents/00000000-0000-4000-8000-000000000000`)
      .expect(404);
    expect(rileyView.body).toEqual(nothing.body);

    // Casey, a Maple Ridge counselor, sees the whole case.
    const caseyList = await (
      await t.signIn('counselor.casey', DEMO_PASSWORD)
    )
      .get('/incidents')
      .expect(200);
    expect(caseyList.body.items).toEqual([expect.objectContaining({ id, view: 'staff' })]);
    const caseyView = await (
      await t.signIn('counselor.casey', DEMO_PASSWORD)
    )
      .get(`/incidents/${id}`)
      .expect(200);
    expect(caseyView.body).toMatchObject({
      view: 'staff',
      id,
      schoolId: maple.id,
      description: DESCRIPTION,
      reporterKind: 'student',
      reporter: { id: sam.id, displayName: 'Sam Carter' },
      severity: null,
      escalationReasons: [],
      parties: [expect.objectContaining({ role: 'aggressor', name: AGGRESSOR })],
    });
    expect(caseyView.body.timeline).toEqual([
      expect.objectContaining({
        type: 'filed',
        actor: { id: sam.id, displayName: 'Sam Carter' },
      }),
    ]);

    // Chris, a counselor at Oak Hill, gets the same 404 as for nothing at all.
    const chrisView = await (
      await t.signIn('counselor.chris', DEMO_PASSWORD)
    )
      .get(`/incidents/${id}`)
      .expect(404);
    expect(chrisView.body).toEqual(nothing.body);
    const chrisList = await (
      await t.signIn('counselor.chris', DEMO_PASSWORD)
    )
      .get('/incidents')
      .expect(200);
    expect(idsOf(chrisList.body.items)).not.toContain(id);
  });
});
