import type { User } from '@app/identity';
import { Factory } from './support/factory';
import type { ApiClient, Page } from './support/api-driver';
import { TestApp } from './support/test-app';

jest.setTimeout(60_000);

type World = Awaited<ReturnType<Factory['world']>>;
type Cast = keyof World['users'];

interface DirectoryStudent {
  id: string;
  displayName: string;
  username: string;
  grade: string | null;
  schoolId: string;
  schoolName: string;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The student directory (`GET /students`, `GET /students/:id`): the staff of a
 * school find its students by name or username, whatever the case and the
 * accents; a student of another school never answers, and families and
 * district administrators may not search at all.
 */
describe('student directory', () => {
  let t: TestApp;
  let world: World;
  let api: Record<Cast, ApiClient>;
  let samuel: User;
  let jose: User;
  let sisterSamuel: User;
  let foreignSamuel: User;
  let counselorSam: User;

  const search = (who: Cast, query: Record<string, string | number> = {}) =>
    api[who].get('/students', query);
  const names = (body: unknown) =>
    (body as Page<DirectoryStudent>).items.map((student) => student.displayName);

  /** Every page of a search, following nextCursor. */
  const allPages = async (who: Cast, query: Record<string, string | number> = {}) => {
    const items: DirectoryStudent[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await search(who, { ...query, ...(cursor ? { cursor } : {}) });
      expect(response.status).toBe(200);
      const page = response.body as Page<DirectoryStudent>;
      items.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    return items;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
    api = await t.signInAll(world.users);
    const { district, school, sisterSchool, otherDistrict, foreignSchool } = world;
    const student = (
      where: { district: typeof district; schools: (typeof school)[] },
      displayName: string,
      username: string,
      grade: string | null = null,
    ) => t.factory.user('student', where, { displayName, username, grade });
    samuel = await student({ district, schools: [school] }, 'Samuel Ortega', 'samuel.o', '7');
    jose = await student({ district, schools: [school] }, 'José Núñez', 'jnunez', '8');
    await student({ district, schools: [school] }, 'Zoë Fischer', 'zfischer');
    sisterSamuel = await student({ district, schools: [sisterSchool] }, 'Samuel Sister', 'ssis');
    foreignSamuel = await student(
      { district: otherDistrict, schools: [foreignSchool] },
      'Samuel Foreign',
      'sforeign',
    );
    counselorSam = await t.factory.user(
      'counselor',
      { district, schools: [school] },
      { displayName: 'Samantha Counselor', username: 'csamantha' },
    );
  });

  afterAll(() => t.close());

  describe('GET /students', () => {
    it('finds students of the caller’s school by a part of the name, with grade and school', async () => {
      const response = await search('counselor', { q: 'samu' });

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        items: [
          {
            id: samuel.id,
            displayName: 'Samuel Ortega',
            username: 'samuel.o',
            grade: '7',
            schoolId: world.school.id,
            schoolName: world.school.name,
          },
        ],
        nextCursor: null,
      });
    });

    it.each([
      ['lower case without accents', 'jose nunez'],
      ['upper case with accents', 'NÚÑEZ'],
      ['the words in another order', 'núñez josé'],
      ['the middle of the name', 'uñe'],
      ['the username', 'JNUNEZ'],
    ])('matches whatever the case and the accents: %s', async (_, q) => {
      const response = await search('counselor', { q });

      expect(response.status).toBe(200);
      expect(names(response.body)).toEqual(['José Núñez']);
    });

    it('finds a name with an accent typed without it, and the other way round', async () => {
      expect(names((await search('counselor', { q: 'zoe' })).body)).toEqual(['Zoë Fischer']);
      expect(names((await search('counselor', { q: 'ortegá' })).body)).toEqual(['Samuel Ortega']);
    });

    it('needs every word to match', async () => {
      expect(names((await search('counselor', { q: 'samuel fischer' })).body)).toEqual([]);
      expect(names((await search('counselor', { q: 'samuel ortega' })).body)).toEqual([
        'Samuel Ortega',
      ]);
    });

    it('never answers students of another school or district, nor accounts that are not students', async () => {
      const found = await allPages('counselor', { q: 'sam', limit: 100 });

      const ids = found.map((student) => student.id);
      expect(ids).toContain(samuel.id);
      expect(ids).not.toContain(sisterSamuel.id);
      expect(ids).not.toContain(foreignSamuel.id);
      expect(ids).not.toContain(counselorSam.id);
      expect(found.every((student) => student.schoolId === world.school.id)).toBe(true);
    });

    it('shows the sister school’s admin only their own students', async () => {
      const found = await allPages('sisterAdmin', { q: 'samuel' });

      expect(found.map((student) => student.id)).toEqual([sisterSamuel.id]);
    });

    it('lists every student of the school by name when there is no query, in pages without gaps', async () => {
      const walked = await allPages('schoolAdmin', { limit: 2 });

      const rows: { id: string }[] = await t.dataSource.query(
        `SELECT u.id FROM users u JOIN school_memberships m ON m.user_id = u.id
          WHERE m.school_id = $1 AND u.role = 'student'`,
        [world.school.id],
      );
      expect(walked.map((student) => student.id).sort()).toEqual(rows.map((r) => r.id).sort());
      expect(new Set(walked.map((student) => student.id)).size).toBe(walked.length);
      const folded = walked.map((student) =>
        student.displayName.toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''),
      );
      expect(folded).toEqual([...folded].sort());
    });

    it('takes % and _ literally', async () => {
      expect(names((await search('counselor', { q: '%' })).body)).toEqual([]);
      expect(names((await search('counselor', { q: '_' })).body)).toEqual([]);
    });

    it('lets staff search, to link the students named in a report', async () => {
      const response = await search('staff', { q: 'samuel' });

      expect(response.status).toBe(200);
      expect(names(response.body)).toEqual(['Samuel Ortega']);
    });

    it('narrows to one of the caller’s schools, and answers 404 for a school out of reach', async () => {
      const own = await search('counselor', { q: 'samuel', schoolId: world.school.id });
      expect(names(own.body)).toEqual(['Samuel Ortega']);

      for (const schoolId of [world.sisterSchool.id, world.foreignSchool.id, UNKNOWN_ID]) {
        const response = await search('counselor', { q: 'samuel', schoolId });
        expect({ schoolId, status: response.status }).toEqual({ schoolId, status: 404 });
        expect(JSON.stringify(response.body)).not.toContain('Samuel');
      }
    });

    it.each(['student', 'parent', 'districtAdmin'] as const)(
      'refuses the %s with 403',
      async (who) => {
        const response = await search(who, { q: 'samuel' });

        expect(response.status).toBe(403);
        expect(JSON.stringify(response.body)).not.toContain('Samuel');
      },
    );

    it('refuses a caller without a token with 401', async () => {
      const response = await t.http.get('/api/v1/students').query({ q: 'samuel' });
      expect(response.status).toBe(401);
    });

    it.each([
      ['limit 0', { limit: 0 }, 'limit'],
      ['limit 101', { limit: 101 }, 'limit'],
      ['a made-up cursor', { cursor: 'not-a-cursor' }, 'cursor'],
      ['a query of 101 characters', { q: 'a'.repeat(101) }, 'q'],
      ['a malformed schoolId', { schoolId: 'abc' }, 'schoolId'],
      ['an unknown parameter', { role: 'counselor' }, 'role'],
    ])('answers 400 for %s', async (_, query, field) => {
      const response = await search('counselor', query);

      expect(response.status).toBe(400);
      expect(JSON.stringify((response.body as { message: unknown }).message)).toContain(field);
    });
  });

  describe('GET /students/:id', () => {
    it('answers a student of the caller’s school', async () => {
      const response = await api.staff.get(`/students/${jose.id}`);

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: jose.id,
        displayName: 'José Núñez',
        username: 'jnunez',
        grade: '8',
        schoolId: world.school.id,
        schoolName: world.school.name,
      });
    });

    it('answers 404 for a student of another school, an account that is no student, or nobody', async () => {
      for (const id of [sisterSamuel.id, foreignSamuel.id, counselorSam.id, UNKNOWN_ID]) {
        const response = await api.counselor.get(`/students/${id}`);
        expect({ id, status: response.status }).toEqual({ id, status: 404 });
      }
    });

    it.each(['student', 'parent', 'districtAdmin'] as const)(
      'refuses the %s with 403',
      async (who) => {
        const response = await api[who].get(`/students/${world.users.student.id}`);
        expect(response.status).toBe(403);
      },
    );

    it('answers 400 for a malformed id', async () => {
      const response = await api.counselor.get('/students/abc');
      expect(response.status).toBe(400);
    });
  });

  describe('GET /students/:id/incidents', () => {
    it('lists what the school did in each case, oldest first', async () => {
      const incident = await t.factory.incident(world.school, {
        status: 'investigating',
        parties: [{ role: 'aggressor', student: samuel }],
      });
      const takenAt = (hours: number) => new Date(Date.now() - hours * 60 * 60_000).toISOString();
      await api.counselor
        .action(incident.id, {
          type: 'safety_plan',
          description: 'A plan for lunch.',
          takenAt: takenAt(1),
        })
        .expectStatus(201);
      await api.counselor
        .action(incident.id, {
          type: 'parent_conference',
          description: 'Met the family.',
          takenAt: takenAt(3),
        })
        .expectStatus(201);

      const response = await api.counselor.get(`/students/${samuel.id}/incidents`);

      expect(response.status).toBe(200);
      const [entry] = (response.body as { items: Record<string, unknown>[] }).items;
      expect(entry).toMatchObject({
        incidentId: incident.id,
        roles: ['aggressor'],
        interventions: [
          { type: 'parent_conference', takenAt: expect.any(String) },
          { type: 'safety_plan', takenAt: expect.any(String) },
        ],
      });
    });
  });
});
