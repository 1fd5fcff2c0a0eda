import type { Principal } from '@app/identity';

/**
 * Which view of an incident a caller gets:
 * - `staff`: the school's counselors and administrators, everything;
 * - `reporter`: whoever filed it;
 * - `family`: a parent whose child filed it, is the student it was filed for,
 *   or is a linked target. `threadStudentId` is the message thread they share:
 *   null for the reporter's thread, else their own child's family thread.
 */
export type Audience =
  | { kind: 'staff' }
  | { kind: 'reporter' }
  | { kind: 'family'; studentId: string; threadStudentId: string | null };

export interface IncidentFacts {
  schoolId: string;
  reporterId: string | null;
  onBehalfOfStudentId: string | null;
  /** Students linked to the incident as targets. */
  targetStudentIds: readonly string[];
}

export const CASEWORK_ROLES = ['counselor', 'school_admin'] as const;

export function isCaseworker(principal: Principal): boolean {
  return (CASEWORK_ROLES as readonly string[]).includes(principal.role);
}

/**
 * The one rule of who sees what (ARCHITECTURE.md, "Who sees what"). Returns
 * undefined when the incident is outside the caller's reach: they get a 404.
 */
export function decideAudience(
  principal: Principal,
  incident: IncidentFacts,
  childIds: readonly string[],
): Audience | undefined {
  if (isCaseworker(principal) && principal.schoolIds.includes(incident.schoolId))
    return { kind: 'staff' };
  if (incident.reporterId !== null && incident.reporterId === principal.id)
    return { kind: 'reporter' };
  if (principal.role !== 'parent') return undefined;
  const ownReport = childIds.find(
    (child) => child === incident.reporterId || child === incident.onBehalfOfStudentId,
  );
  if (ownReport) return { kind: 'family', studentId: ownReport, threadStudentId: null };
  const target = childIds.find((child) => incident.targetStudentIds.includes(child));
  if (target) return { kind: 'family', studentId: target, threadStudentId: target };
  return undefined;
}
