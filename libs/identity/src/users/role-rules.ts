import { SCHOOL_ROLES } from '../access/permission';
import type { Role } from '../roles';

/** Which roles an administrator may give to the accounts they create. */
export function assignableRoles(callerRole: Role): Role[] {
  if (callerRole === 'district_admin') return [...SCHOOL_ROLES, 'district_admin'];
  if (callerRole === 'school_admin') return SCHOOL_ROLES;
  return [];
}

/**
 * How many schools an account of a role belongs to: a student exactly one,
 * a district administrator none (they reach the district), everyone else one
 * or more. Returns the problem, or undefined when the count is right.
 */
export function membershipProblem(role: Role, schoolCount: number): string | undefined {
  if (role === 'district_admin') {
    return schoolCount === 0
      ? undefined
      : 'a district_admin belongs to the district, not to schools: schoolIds must be empty';
  }
  if (role === 'student') {
    return schoolCount === 1
      ? undefined
      : 'a student belongs to exactly one school: schoolIds must hold one id';
  }
  return schoolCount >= 1
    ? undefined
    : `a ${role} belongs to at least one school: schoolIds must not be empty`;
}
