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
});
