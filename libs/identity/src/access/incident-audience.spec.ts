import type { Principal } from '../principal';
import { audienceColumns, audienceOf, incidentReach, ownChildOf } from './incident-audience';

const principal = (role: Principal['role'], schoolIds = ['school-1']): Principal => ({
  id: `${role}-1`,
  role,
  username: role,
  displayName: role,
  districtId: 'district-1',
  schoolIds,
});

describe('incident audiences', () => {
  it('builds the reach filter and the audience columns from the same rules', () => {
    for (const role of ['student', 'parent', 'staff', 'counselor', 'school_admin'] as const) {
      const caller = principal(role);
      const reach = incidentReach(caller);
      const { columns, params } = audienceColumns(caller);
      expect(reach.params).toEqual(params);
      expect(reach.sql.split(' OR ')).toHaveLength(columns.length);
    }
  });

  it('gives caseworkers the staff view first, then the reporter view of their own reports', () => {
    const counselor = principal('counselor');
    expect(audienceOf(counselor, { audience_0: true, audience_1: true })).toEqual({
      kind: 'staff',
    });
    expect(audienceOf(counselor, { audience_0: false, audience_1: true })).toEqual({
      kind: 'reporter',
    });
    expect(audienceOf(counselor, { audience_0: false, audience_1: false })).toBeUndefined();
  });

  it('limits caseworkers to their schools and district admins to nothing', () => {
    expect(incidentReach(principal('counselor', ['school-2'])).params.reachSchools).toEqual([
      'school-2',
    ]);
    const district = principal('district_admin', []);
    expect(audienceColumns(district).columns).toHaveLength(1);
    expect(audienceOf(district, { audience_0: false })).toBeUndefined();
  });

  it('gives parents the family view: the reporter’s thread for their child’s report, their own for a target', () => {
    const parent = principal('parent');
    expect(
      audienceOf(parent, { audience_0: false, audience_1: 'student-1', audience_2: 'student-1' }),
    ).toEqual({ kind: 'family', studentId: 'student-1', threadStudentId: null });
    expect(
      audienceOf(parent, { audience_0: false, audience_1: null, audience_2: 'student-9' }),
    ).toEqual({ kind: 'family', studentId: 'student-9', threadStudentId: 'student-9' });
    expect(
      audienceOf(parent, { audience_0: false, audience_1: null, audience_2: null }),
    ).toBeUndefined();
  });

  it('gives students and staff only their own reports', () => {
    for (const role of ['student', 'staff'] as const) {
      expect(audienceColumns(principal(role)).columns).toHaveLength(1);
      expect(audienceOf(principal(role), { audience_0: true })).toEqual({ kind: 'reporter' });
    }
  });

  it('names a parent’s own child, also in a report they filed for that child; no one else’s', () => {
    const parent = principal('parent');
    expect(
      ownChildOf(parent, { audience_0: true, audience_1: 'student-1', audience_2: null }),
    ).toBe('student-1');
    expect(
      ownChildOf(parent, { audience_0: false, audience_1: null, audience_2: 'student-9' }),
    ).toBe('student-9');
    expect(ownChildOf(parent, { audience_0: true, audience_1: null, audience_2: null })).toBeNull();
    for (const role of ['student', 'staff', 'counselor'] as const)
      expect(ownChildOf(principal(role), { audience_0: true, audience_1: true })).toBeNull();
  });

  it('gives the parents of a linked aggressor or witness the involved-family view, in their child’s own thread', () => {
    const parent = principal('parent');
    const row = (aggressor: string | null, witness: string | null) => ({
      audience_0: false,
      audience_1: null,
      audience_2: null,
      audience_3: aggressor,
      audience_4: witness,
    });
    expect(audienceOf(parent, row('student-5', null))).toEqual({
      kind: 'involved_family',
      studentId: 'student-5',
      role: 'aggressor',
      threadStudentId: 'student-5',
    });
    expect(audienceOf(parent, row(null, 'student-6'))).toEqual({
      kind: 'involved_family',
      studentId: 'student-6',
      role: 'witness',
      threadStudentId: 'student-6',
    });
    expect(audienceOf(parent, row(null, null))).toBeUndefined();
    expect(ownChildOf(parent, row(null, 'student-6'))).toBe('student-6');
  });

  it('keeps the full family view first: a child who is a target and an aggressor gets the target’s', () => {
    const parent = principal('parent');
    expect(
      audienceOf(parent, {
        audience_0: false,
        audience_1: null,
        audience_2: 'student-5',
        audience_3: 'student-5',
        audience_4: null,
      }),
    ).toEqual({ kind: 'family', studentId: 'student-5', threadStudentId: 'student-5' });
  });

  it('reaches aggressors’ and witnesses’ cases only through their parents, never the students', () => {
    const parent = incidentReach(principal('parent')).sql;
    expect(parent).toContain("p.role = 'aggressor'");
    expect(parent).toContain("p.role = 'witness'");
    for (const role of ['student', 'staff', 'counselor', 'school_admin'] as const) {
      const { sql } = incidentReach(principal(role));
      expect(sql).not.toContain('aggressor');
      expect(sql).not.toContain('witness');
    }
  });
});
