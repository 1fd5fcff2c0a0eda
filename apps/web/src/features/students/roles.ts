import type { Profile } from '../../lib/auth';

/** Counselors and school administrators: who work cases, students' histories and caseloads. */
export function isCaseworker(profile: Pick<Profile, 'role'>): boolean {
  return profile.role === 'counselor' || profile.role === 'school_admin';
}

/** Everyone at a school who may look students up in the directory (to link a report's parties, too). */
export function mayUseDirectory(profile: Pick<Profile, 'role'>): boolean {
  return isCaseworker(profile) || profile.role === 'staff';
}
