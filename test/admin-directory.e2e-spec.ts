import type { Factory } from './support/factory';
import type { ApiClient } from './support/api-driver';
import { TestApp } from './support/test-app';

type World = Awaited<ReturnType<Factory['world']>>;
type Cast = keyof World['users'];

const NON_ADMINS = ['counselor', 'staff', 'student', 'parent'] as const;

const idsOf = (body: unknown, key: 'id' | 'studentId' = 'id'): string[] =>
  (body as { items: Record<string, string>[] }).items.map((item) => item[key]);

describe('admin directory: guardianship lists, user search, one school', () => {
  let t: TestApp;
  let world: World;
  let api: Record<Cast, ApiClient>;

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    api = await t.signInAll(world.users);
  });

  afterAll(() => t.close());

  describe('GET /api/v1/guardianships', () => {
    it('lists a student’s guardians, both people named, for the school admin', async () => {
      const { body } = await api.schoolAdmin
        .get('/guardianships')
        .query({ studentId: world.users.student.id })
        .expect(200);
      expect(body.items).toEqual([
        expect.objectContaining({
          id: expect.any(String),
          parentId: world.users.parent.id,
          studentId: world.users.student.id,
          verified: true,
          parent: {
            id: world.users.parent.id,
            username: world.users.parent.username,
            displayName: world.users.parent.displayName,
          },
          student: expect.objectContaining({ id: world.users.student.id }),
        }),
      ]);
    });

    it('lists a parent’s children, for the district admin too', async () => {
      const { body } = await api.districtAdmin
        .get('/guardianships')
        .query({ parentId: world.users.parent.id })
        .expect(200);
      expect(idsOf(body, 'studentId')).toEqual([world.users.student.id]);
    });

    it('shows a parent shared with another school only the children within reach', async () => {
      const parent = await t.factory.user('parent', {
        district: world.district,
        schools: [world.school, world.sisterSchool],
      });
      await t.factory.guardianship(parent, world.users.student);
      await t.factory.guardianship(parent, world.users.sisterStudent);
      const { body } = await api.sisterAdmin
        .get('/guardianships')
        .query({ parentId: parent.id })
        .expect(200);
      expect(idsOf(body, 'studentId')).toEqual([world.users.sisterStudent.id]);
    });

    it('answers 404 for a student of another school or district', async () => {
      await api.sisterAdmin
        .get('/guardianships')
        .query({ studentId: world.users.student.id })
        .expect(404);
      await api.foreignAdmin
        .get('/guardianships')
        .query({ studentId: world.users.student.id })
        .expect(404);
      await api.foreignDistrictAdmin
        .get('/guardianships')
        .query({ parentId: world.users.parent.id })
        .expect(404);
    });

    it('wants exactly one of studentId and parentId, as uuids', async () => {
      await api.schoolAdmin.get('/guardianships').expect(400);
      await api.schoolAdmin
        .get('/guardianships')
        .query({ studentId: world.users.student.id, parentId: world.users.parent.id })
        .expect(400);
      await api.schoolAdmin.get('/guardianships').query({ studentId: 'nope' }).expect(400);
    });

    it.each(NON_ADMINS)('refuses a %s with 403', async (role) => {
      await api[role]
        .get('/guardianships')
        .query({ studentId: world.users.student.id })
        .expect(403);
    });

    it('refuses a caller without a token', async () => {
      await t.http
        .get('/api/v1/guardianships')
        .query({ studentId: world.users.student.id })
        .expect(401);
    });
  });

  describe('GET /api/v1/users?q=', () => {
    it('finds accounts by part of the username or display name, any case', async () => {
      const found = await t.factory.user(
        'student',
        { district: world.district, schools: [world.school] },
        { displayName: 'Zelda Quirkfield' },
      );
      const byName = await api.schoolAdmin.get('/users').query({ q: 'QUIRK' }).expect(200);
      expect(idsOf(byName.body)).toEqual([found.id]);
      const byUsername = await api.schoolAdmin
        .get('/users')
        .query({ q: found.username.slice(2, 10) })
        .expect(200);
      expect(idsOf(byUsername.body)).toContain(found.id);
    });

    it('ignores accents and word order, as the student directory does', async () => {
      const found = await t.factory.user(
        'parent',
        { district: world.district, schools: [world.school] },
        { displayName: 'José Núñez-Ibarra' },
      );
      const byWords = await api.schoolAdmin.get('/users').query({ q: 'nunez jose' }).expect(200);
      expect(idsOf(byWords.body)).toEqual([found.id]);
    });

    it('treats % and _ as plain characters and stays within reach', async () => {
      const none = await api.schoolAdmin.get('/users').query({ q: '%' }).expect(200);
      expect(none.body.items).toEqual([]);
      const foreign = await api.schoolAdmin
        .get('/users')
        .query({ q: world.users.foreignStudent.username })
        .expect(200);
      expect(foreign.body.items).toEqual([]);
    });

    it('refuses a search longer than 100 characters', async () => {
      await api.schoolAdmin
        .get('/users')
        .query({ q: 'x'.repeat(101) })
        .expect(400);
    });

    it.each(NON_ADMINS)('refuses a %s with 403', async (role) => {
      await api[role].get('/users').query({ q: 'a' }).expect(403);
    });
  });

  describe('school administrators, managed by the district', () => {
    const account = (schoolIds: string[]) => ({
      username: `head.${Math.random().toString(36).slice(2, 10)}`,
      displayName: 'Harper Quill',
      role: 'school_admin',
      password: 'violet-anchor-mosaic-41',
      schoolIds,
    });

    it('lets a district admin add a school admin to a school of the district, found by role', async () => {
      const created = await api.districtAdmin
        .post('/users')
        .send(account([world.sisterSchool.id]))
        .expect(201);
      const listed = await api.districtAdmin
        .get('/users')
        .query({ role: 'school_admin', schoolId: world.sisterSchool.id, q: 'harper' })
        .expect(200);
      expect(idsOf(listed.body)).toEqual([(created.body as { id: string }).id]);
    });

    it('answers 404 for a school of another district', async () => {
      await api.districtAdmin
        .post('/users')
        .send(account([world.foreignSchool.id]))
        .expect(404);
    });

    it('refuses a school admin adding one to a sister school with 404', async () => {
      await api.schoolAdmin
        .post('/users')
        .send(account([world.sisterSchool.id]))
        .expect(404);
    });
  });

  describe('GET /api/v1/schools/:id', () => {
    it('gives the school admin their school, places included', async () => {
      const { body } = await api.schoolAdmin.get(`/schools/${world.school.id}`).expect(200);
      expect(body).toEqual(
        expect.objectContaining({ id: world.school.id, code: world.school.code, places: [] }),
      );
    });

    it('gives the district admin any school of the district', async () => {
      await api.districtAdmin.get(`/schools/${world.sisterSchool.id}`).expect(200);
    });

    it('answers 404 for a school beyond reach', async () => {
      await api.sisterAdmin.get(`/schools/${world.school.id}`).expect(404);
      await api.foreignDistrictAdmin.get(`/schools/${world.school.id}`).expect(404);
    });

    it.each(NON_ADMINS)('refuses a %s with 403', async (role) => {
      await api[role].get(`/schools/${world.school.id}`).expect(403);
    });
  });
});
