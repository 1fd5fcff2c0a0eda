import type { Factory } from './support/factory';
import type { ApiClient } from './support/api-driver';
import { TestApp } from './support/test-app';

type World = Awaited<ReturnType<Factory['world']>>;
type Cast = keyof World['users'];

const NON_ADMINS = ['counselor', 'staff', 'student', 'parent'] as const;
const PLACES = [
  { name: 'North stairwell', location: 'hallway' },
  { name: 'Bus 12', location: 'bus' },
];

describe('school places for the report form', () => {
  let t: TestApp;
  let world: World;
  let api: Record<Cast, ApiClient>;

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    api = await t.signInAll(world.users);
  });

  afterAll(() => t.close());

  it('lets the school admin set the places, trimmed, and shows them everywhere a report starts', async () => {
    const { body } = await api.schoolAdmin
      .patch(`/schools/${world.school.id}`)
      .send({ places: [{ name: '  North stairwell ', location: 'hallway' }, PLACES[1]] })
      .expect(200);
    expect(body.places).toEqual(PLACES);

    const publicPage = await t.http.get(`/api/v1/public/schools/${world.school.code}`).expect(200);
    expect(publicPage.body.places).toEqual(PLACES);

    const me = await api.student.get('/me').expect(200);
    expect(me.body.schools).toEqual([expect.objectContaining({ places: PLACES })]);

    const listed = await api.schoolAdmin.get('/schools').expect(200);
    expect(listed.body.items[0].places).toEqual(PLACES);
  });

  it('lets the district admin set places of any school of the district, and a new school start with some', async () => {
    await api.districtAdmin
      .patch(`/schools/${world.sisterSchool.id}`)
      .send({ places: [{ name: 'Gym balcony', location: 'gym' }] })
      .expect(200);
    const created = await api.districtAdmin
      .post('/schools')
      .send({
        name: 'Willow Creek High',
        code: `WILLOW-${Date.now().toString(36).toUpperCase().slice(-6)}`,
        timeZone: 'America/Chicago',
        places: [{ name: 'Parking lot', location: 'off_campus' }],
      })
      .expect(201);
    expect(created.body.places).toEqual([{ name: 'Parking lot', location: 'off_campus' }]);
  });

  it.each([
    ['an unknown location', [{ name: 'Roof', location: 'roof' }]],
    ['an empty name', [{ name: '   ', location: 'gym' }]],
    ['a name over 80 characters', [{ name: 'x'.repeat(81), location: 'gym' }]],
    [
      'more than 50 places',
      Array.from({ length: 51 }, (_, i) => ({ name: `Room ${i}`, location: 'classroom' })),
    ],
    ['a list that is not a list', { name: 'Gym', location: 'gym' }],
    ['null', null],
  ])('refuses %s with 400 and changes nothing', async (_, places) => {
    const before = await api.schoolAdmin.get(`/schools/${world.school.id}`).expect(200);
    await api.schoolAdmin.patch(`/schools/${world.school.id}`).send({ places }).expect(400);
    const after = await api.schoolAdmin.get(`/schools/${world.school.id}`).expect(200);
    expect(after.body.places).toEqual(before.body.places);
  });

  it('refuses the same name twice (case aside) with 422', async () => {
    await api.schoolAdmin
      .patch(`/schools/${world.school.id}`)
      .send({
        places: [
          { name: 'Bus 12', location: 'bus' },
          { name: 'BUS 12', location: 'bus' },
        ],
      })
      .expect(422);
  });

  it('answers 404 to an admin of another school or district', async () => {
    await api.sisterAdmin.patch(`/schools/${world.school.id}`).send({ places: PLACES }).expect(404);
    await api.foreignDistrictAdmin
      .patch(`/schools/${world.school.id}`)
      .send({ places: PLACES })
      .expect(404);
  });

  it.each(NON_ADMINS)('refuses a %s with 403', async (role) => {
    await api[role].patch(`/schools/${world.school.id}`).send({ places: PLACES }).expect(403);
  });
});
