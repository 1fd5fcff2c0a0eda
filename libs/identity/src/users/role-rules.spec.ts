import { SCHOOL_ROLES } from '../access/permission';
import { assignableRoles, membershipProblem } from './role-rules';

describe('assignableRoles', () => {
  it('lets a district admin create every role, district admins included', () => {
    expect(assignableRoles('district_admin')).toEqual(
      expect.arrayContaining([
        'student',
        'parent',
        'staff',
        'counselor',
        'school_admin',
        'district_admin',
      ]),
    );
  });

  it('keeps district_admin out of a school admin reach', () => {
    expect(assignableRoles('school_admin')).not.toContain('district_admin');
    expect(assignableRoles('school_admin')).toContain('counselor');
  });

  it.each(['student', 'parent', 'staff', 'counselor'] as const)(
    'gives %s no roles to hand out',
    (role) => {
      expect(assignableRoles(role)).toEqual([]);
    },
  );
});

describe('membershipProblem', () => {
  it('wants exactly one school for a student', () => {
    expect(membershipProblem('student', 1)).toBeUndefined();
    expect(membershipProblem('student', 0)).toMatch(/exactly one/);
    expect(membershipProblem('student', 2)).toMatch(/exactly one/);
  });

  it('wants no school for a district admin', () => {
    expect(membershipProblem('district_admin', 0)).toBeUndefined();
    expect(membershipProblem('district_admin', 1)).toMatch(/must be empty/);
  });

  it.each(SCHOOL_ROLES.filter((role) => role !== 'student'))(
    'wants at least one school for a %s',
    (role) => {
      expect(membershipProblem(role, 0)).toMatch(/at least one/);
      expect(membershipProblem(role, 3)).toBeUndefined();
    },
  );
});
