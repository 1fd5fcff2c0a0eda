import type { Profile } from './auth';

/**
 * Who may do what in the web app, in one place. The API decides for real (it
 * answers 403/404); these only choose the pages and links each role sees.
 */
export type Role = Profile['role'];

/** A profile, or anything that carries a role. */
type WithRole = Pick<Profile, 'role'>;

/** Counselors and school administrators: who work cases, students' histories and caseloads. */
export const CASEWORKER_ROLES: readonly Role[] = ['counselor', 'school_admin'];

/** School and district administrators: the admin pages (users, settings, calendar, poster). */
export const ADMIN_ROLES: readonly Role[] = ['school_admin', 'district_admin'];

export function isCaseworker({ role }: WithRole): boolean {
  return CASEWORKER_ROLES.includes(role);
}

export function isAdmin({ role }: WithRole): boolean {
  return ADMIN_ROLES.includes(role);
}

export function isSchoolAdmin({ role }: WithRole): boolean {
  return role === 'school_admin';
}

export function isDistrictAdmin({ role }: WithRole): boolean {
  return role === 'district_admin';
}

/** The school's audit log: its administrators only (the district's admins have no school log). */
export const mayReadAudit = isSchoolAdmin;

/** Everyone at a school who may look students up in the directory (to link a report's parties, too). */
export function mayUseDirectory(who: WithRole): boolean {
  return isCaseworker(who) || who.role === 'staff';
}

export function isParent({ role }: WithRole): boolean {
  return role === 'parent';
}

export function isStudent({ role }: WithRole): boolean {
  return role === 'student';
}
