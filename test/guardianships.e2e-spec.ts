import type { Factory } from './support/factory';
import type { ApiClient } from './support/api-driver';
import { TestApp } from './support/test-app';

type World = Awaited<ReturnType<Factory['world']>>;
type Cast = keyof World['users'];

const NON_ADMINS = ['counselor', 'staff', 'student', 'parent'] as const;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe('guardianships administration', () => {
  let t: TestApp;
  let world: World;
  let api: Record<Cast, ApiClient>;

  const guardianshipCount = async (): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM guardianships',
    );
    return rows[0].n;
  };
  const linkExists = async (id: string): Promise<boolean> => {
    const rows: unknown[] = await t.dataSource.query('SELECT 1 FROM guardianships WHERE id = $1', [
      id,
    ]);
    return rows.length === 1;
  };
  /** A fresh parent and student in a school, not yet linked. */
  const family = async (school: World['school'] = world.school) => {
    const district = school.districtId === world.district.id ? world.district : world.otherDistrict;
    return {
      parent: await t.factory.user('parent', { district, schools: [school] }),
      student: await t.factory.user('student', { district, schools: [school] }),
    };
  };

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    api = await t.signInAll(world.users);
  });

  afterAll(() => t.close());

  describe('POST /api/v1/guardianships', () => {
    it('lets a district admin link a parent to a student of the district', async () => {
      const { parent, student } = await family(world.sisterSchool);
      const response = await api.districtAdmin
        .post('/guardianships')
        .send({ parentId: parent.id, studentId: student.id })
        .expect(201);

      expect(response.body).toEqual({
        id: expect.any(String),
        parentId: parent.id,
        studentId: student.id,
        verified: true,
        createdAt: expect.any(String),
      });
      const rows: unknown[] = await t.dataSource.query(
        'SELECT parent_id, student_id, verified FROM guardianships WHERE id = $1',
        [response.body.id],
      );
      expect(rows).toEqual([{ parent_id: parent.id, student_id: student.id, verified: true }]);
    });

    it('lets a school admin link a parent to a student of their school, who then sees the child', async () => {
      const { parent, student } = await family();
      await api.schoolAdmin
        .post('/guardianships')
        .send({ parentId: parent.id, studentId: student.id })
        .expect(201);

      const me = await t.http
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${await t.login(parent.username)}`)
        .expect(200);
      expect(me.body.children).toEqual([
        expect.objectContaining({ id: student.id, schoolId: world.school.id }),
      ]);
    });

    it('lets a parent have several children and a child several parents', async () => {
      const { parent, student } = await family();
      const secondChild = await t.factory.user('student', {
        district: world.district,
        schools: [world.school],
      });
      const secondParent = await t.factory.user('parent', {
        district: world.district,
        schools: [world.school],
      });
      for (const [parentId, studentId] of [
        [parent.id, student.id],
        [parent.id, secondChild.id],
        [secondParent.id, student.id],
      ]) {
        await api.schoolAdmin.post('/guardianships').send({ parentId, studentId }).expect(201);
      }
    });

    it('answers 409 for a link that already exists, and writes nothing', async () => {
      const { parent, student } = world.users;
      const before = await guardianshipCount();
      const response = await api.schoolAdmin
        .post('/guardianships')
        .send({ parentId: parent.id, studentId: student.id })
        .expect(409);

      expect(response.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: expect.any(String),
      });
      await expect(guardianshipCount()).resolves.toBe(before);
    });

    it.each([
      ['the parent is a student', 'student', 'sisterStudent', 'parentId'],
      ['the student is a parent', 'parent', 'parent', 'studentId'],
      ['the "parent" is a staff member', 'staff', 'student', 'parentId'],
      ['the "student" is a counselor', 'parent', 'counselor', 'studentId'],
      ['both are the same person', 'student', 'student', 'parentId'],
    ] as const)(
      'refuses a link where %s with 422 and writes nothing',
      async (_case, parentKey, studentKey, field) => {
        const before = await guardianshipCount();
        const response = await api.districtAdmin
          .post('/guardianships')
          .send({ parentId: world.users[parentKey].id, studentId: world.users[studentKey].id })
          .expect(422);

        expect(response.body).toEqual({
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: expect.stringContaining(field),
        });
        await expect(guardianshipCount()).resolves.toBe(before);
      },
    );

    it.each([
      ['a school admin', 'a student of a sister school', 'schoolAdmin', 'parent', 'sisterStudent'],
      [
        'a school admin',
        'a student of another district',
        'schoolAdmin',
        'parent',
        'foreignStudent',
      ],
      [
        'a district admin',
        'a student of another district',
        'districtAdmin',
        'parent',
        'foreignStudent',
      ],
      ['another district’s admin', 'our family', 'foreignDistrictAdmin', 'parent', 'student'],
    ] as const)(
      'answers 404 to %s linking %s, and writes nothing',
      async (_who, _what, who, parentKey, studentKey) => {
        const before = await guardianshipCount();
        const response = await api[who]
          .post('/guardianships')
          .send({ parentId: world.users[parentKey].id, studentId: world.users[studentKey].id })
          .expect(404);

        expect(response.body).toEqual({
          statusCode: 404,
          error: 'Not Found',
          message: expect.any(String),
        });
        await expect(guardianshipCount()).resolves.toBe(before);
      },
    );

    it('answers 404 to a school admin for a parent outside their school', async () => {
      const { parent } = await family(world.sisterSchool);
      const { student } = await family();
      const before = await guardianshipCount();
      await api.schoolAdmin
        .post('/guardianships')
        .send({ parentId: parent.id, studentId: student.id })
        .expect(404);
      await expect(guardianshipCount()).resolves.toBe(before);
    });

    it('lets a school admin link a parent who also belongs to a sister school', async () => {
      const parent = await t.factory.user('parent', {
        district: world.district,
        schools: [world.school, world.sisterSchool],
      });
      const { student } = await family();
      await api.schoolAdmin
        .post('/guardianships')
        .send({ parentId: parent.id, studentId: student.id })
        .expect(201);
    });

    it('answers 404 to a school admin for a student who also belongs to a school beyond their reach', async () => {
      const { parent } = await family();
      const student = await t.factory.user('student', {
        district: world.district,
        schools: [world.school, world.sisterSchool],
      });
      const before = await guardianshipCount();
      await api.schoolAdmin
        .post('/guardianships')
        .send({ parentId: parent.id, studentId: student.id })
        .expect(404);
      await expect(guardianshipCount()).resolves.toBe(before);
    });

    it('answers 404 for an account that does not exist', async () => {
      await api.districtAdmin
        .post('/guardianships')
        .send({ parentId: world.users.parent.id, studentId: NO_SUCH_ID })
        .expect(404);
    });

    it.each([
      ['a parentId that is not a uuid', { parentId: 'dad' }, 'parentId'],
      ['a missing studentId', { studentId: undefined }, 'studentId'],
      ['a numeric studentId', { studentId: 42 }, 'studentId'],
      ['an unknown field', { verified: false }, 'property verified should not exist'],
    ])('refuses %s with 400 naming the field', async (_case, overrides, field) => {
      const before = await guardianshipCount();
      const response = await api.districtAdmin
        .post('/guardianships')
        .send({
          parentId: world.users.parent.id,
          studentId: world.users.sisterStudent.id,
          ...overrides,
        })
        .expect(400);

      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.arrayContaining([expect.stringContaining(field)]),
      });
      await expect(guardianshipCount()).resolves.toBe(before);
    });

    it.each(NON_ADMINS)('refuses a %s with 403 and writes nothing', async (who) => {
      const { parent, student } = await family();
      const before = await guardianshipCount();
      await api[who]
        .post('/guardianships')
        .send({ parentId: parent.id, studentId: student.id })
        .expect(403);
      await expect(guardianshipCount()).resolves.toBe(before);
    });

    it('refuses a caller without a token with 401 and writes nothing', async () => {
      const { parent, student } = await family();
      const before = await guardianshipCount();
      await t.http
        .post('/api/v1/guardianships')
        .send({ parentId: parent.id, studentId: student.id })
        .expect(401);
      await expect(guardianshipCount()).resolves.toBe(before);
    });
  });

  describe('DELETE /api/v1/guardianships/:id', () => {
    const linked = async (school: World['school'] = world.school) => {
      const { parent, student } = await family(school);
      return t.factory.guardianship(parent, student);
    };

    it('lets a district admin remove a link of the district: 204, then gone', async () => {
      const link = await linked(world.sisterSchool);
      const response = await api.districtAdmin.delete(`/guardianships/${link.id}`).expect(204);

      expect(response.text).toBe('');
      await expect(linkExists(link.id)).resolves.toBe(false);
    });

    it('lets a school admin remove a link of their school', async () => {
      const link = await linked();
      await api.schoolAdmin.delete(`/guardianships/${link.id}`).expect(204);
      await expect(linkExists(link.id)).resolves.toBe(false);
    });

    it('answers 404 for a link already removed', async () => {
      const link = await linked();
      await api.schoolAdmin.delete(`/guardianships/${link.id}`).expect(204);
      await api.schoolAdmin.delete(`/guardianships/${link.id}`).expect(404);
    });

    it.each([
      ['a school admin', 'a sister school', 'schoolAdmin', 'sisterSchool'],
      ['a school admin', 'another district', 'schoolAdmin', 'foreignSchool'],
      ['a district admin', 'another district', 'districtAdmin', 'foreignSchool'],
      ['another district’s admin', 'our school', 'foreignDistrictAdmin', 'school'],
    ] as const)(
      'answers 404 to %s for a link in %s, and keeps it',
      async (_who, _where, who, where) => {
        const link = await linked(world[where]);
        const response = await api[who].delete(`/guardianships/${link.id}`).expect(404);

        expect(response.body).toEqual({
          statusCode: 404,
          error: 'Not Found',
          message: expect.any(String),
        });
        await expect(linkExists(link.id)).resolves.toBe(true);
      },
    );

    it('answers 404 to a school admin for a link whose student also belongs to a school beyond their reach', async () => {
      const { parent } = await family();
      const student = await t.factory.user('student', {
        district: world.district,
        schools: [world.school, world.sisterSchool],
      });
      const link = await t.factory.guardianship(parent, student);
      await api.schoolAdmin.delete(`/guardianships/${link.id}`).expect(404);
      await expect(linkExists(link.id)).resolves.toBe(true);
    });

    it('answers 404 for a link that never existed', async () => {
      await api.districtAdmin.delete(`/guardianships/${NO_SUCH_ID}`).expect(404);
    });

    it('answers 400 naming the parameter for an id that is not a uuid', async () => {
      const response = await api.districtAdmin
        .delete("/guardianships/1'%20OR%20'1'='1")
        .expect(400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'id must be a UUID',
      });
    });

    it.each(NON_ADMINS)('refuses a %s with 403 and keeps the link', async (who) => {
      const link = await linked();
      await api[who].delete(`/guardianships/${link.id}`).expect(403);
      await expect(linkExists(link.id)).resolves.toBe(true);
    });

    it('refuses the parent of the link itself with 403', async () => {
      const link = await t.factory.guardianship(world.users.parent, world.users.sisterStudent);
      await api.parent.delete(`/guardianships/${link.id}`).expect(403);
      await expect(linkExists(link.id)).resolves.toBe(true);
    });

    it('refuses a caller without a token with 401 and keeps the link', async () => {
      const link = await linked();
      await t.http.delete(`/api/v1/guardianships/${link.id}`).expect(401);
      await expect(linkExists(link.id)).resolves.toBe(true);
    });
  });
});
