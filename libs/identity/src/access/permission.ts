import type { Principal } from '../principal';
import { ROLES, type Role } from '../roles';

/**
 * Every "who may" of the product. Each route declares one (or is `@Public()`),
 * each service asks the access module with one, and the roles x permissions
 * table in docs/architecture.md is rendered from `PERMISSIONS` below.
 */
export enum Permission {
  /** Own profile, password and notifications. */
  AccountOwn = 'account.own',
  /** File a report for one of one's schools (parents: for their child's). */
  IncidentFile = 'incident.file',
  /** File a report on behalf of a student (parents: their child; caseworkers: a student of the school). */
  IncidentFileOnBehalf = 'incident.file-on-behalf',
  /** Link the parties of a report to student records. */
  IncidentLinkStudent = 'incident.link-student',
  /** Read an incident, in the view the caller's audience gets. */
  IncidentRead = 'incident.read',
  /** Write in an incident's message thread. */
  IncidentMessage = 'incident.message',
  /** Add evidence to an incident. */
  IncidentAttach = 'incident.attach',
  /** Download an incident's evidence (families and reporters: only the files they added). */
  EvidenceDownload = 'evidence.download',
  /** Triage, assign, transition, resolve; add notes and interventions; send outcome notices to families. */
  IncidentDecide = 'incident.decide',
  /** The caseworker's queue of the school's incidents, with its filters. */
  CaseQueue = 'incident.queue',
  CaseloadRead = 'caseload.read',
  /** Every incident a student of one's school is involved in. */
  StudentHistory = 'student.history',
  /**
   * Find students of one's schools by name or username (name, grade, school).
   * Staff too: they name students when they file a report and may link the
   * parties to student records (`incident.link-student`).
   */
  StudentDirectory = 'student.directory',
  AuditRead = 'audit.read',
  SchoolCreate = 'school.create',
  /** Read and change a school (school admins: holidays and policy only). */
  SchoolAdminister = 'school.administer',
  /** A school's calendar: its year and its days off (district-wide ones are read-only). */
  SchoolCalendar = 'school.calendar',
  /** The days off of every school of a district. */
  DistrictCalendar = 'district.calendar',
  /** Change an account: every school it belongs to must be within reach. */
  UserAdminister = 'user.administer',
  /** Link a parent to a student: one school of the parent within reach is enough. */
  ParentLink = 'user.link-parent',
  GuardianshipAdminister = 'guardianship.administer',
  /** The live stream of queue changes and critical alerts of one's schools, and the open alerts. */
  LiveSubscribe = 'live.subscribe',
  /** Acknowledge a critical alert: someone owns the case now. */
  AlertAcknowledge = 'alert.acknowledge',
  /** A district's crisis contacts, shown for its schools that list none. */
  DistrictCrisisContacts = 'district.crisis-contacts',
  /** Read a district's own danger terms (school admins: so they know what escalates). */
  DangerTermsRead = 'danger-terms.read',
  /** Add and remove a district's own danger terms. */
  DangerTermsAdminister = 'danger-terms.administer',
  /** Move a leaving caseworker's open cases (and planned follow-ups) of a school to another caseworker. */
  CasesReassign = 'cases.reassign',
}

/** Counselors and school administrators: the people who work a school's cases. */
export const CASEWORKER_ROLES = ['counselor', 'school_admin'] as const satisfies readonly Role[];
/** Everyone who works at a school and may link a report to student records. */
export const SCHOOL_STAFF_ROLES = ['staff', ...CASEWORKER_ROLES] as const satisfies readonly Role[];
/** Everyone with a school account: district administrators see no case content. */
export const SCHOOL_ROLES = ROLES.filter((role) => role !== 'district_admin');
/** Students and parents: the families a case concerns. */
export const FAMILY_ROLES = ['student', 'parent'] as const satisfies readonly Role[];
export const ADMIN_ROLES = ['district_admin', 'school_admin'] as const satisfies readonly Role[];

/** Who among the incident's audiences (`incident-audience.ts`) may do this to it. */
export type AudienceKind = 'staff' | 'reporter' | 'family' | 'involved_family';

export interface PermissionDefinition {
  /** Roles that may ever do this (others: 403 at the route). */
  roles: readonly Role[];
  /** Which records, in words (the reach itself is in the access module's queries). */
  reach: string;
  /** The word used in the 404 message when a record is out of reach. */
  subject: string;
  /** For permissions on one incident: the audiences that have it. */
  audiences?: readonly AudienceKind[];
  /** Audiences that reach only the records they created themselves. */
  ownRecordsOnly?: readonly AudienceKind[];
}

export const PERMISSIONS: Record<Permission, PermissionDefinition> = {
  [Permission.AccountOwn]: { roles: ROLES, reach: 'their own account', subject: 'User' },
  [Permission.IncidentFile]: {
    roles: SCHOOL_ROLES,
    reach: "their school (parents: their child's)",
    subject: 'School',
  },
  [Permission.IncidentFileOnBehalf]: {
    roles: ['parent', ...CASEWORKER_ROLES],
    reach: 'their child (parents), a student of their school (caseworkers)',
    subject: 'Student',
  },
  [Permission.IncidentLinkStudent]: {
    roles: SCHOOL_STAFF_ROLES,
    reach: 'students of the incident’s school',
    subject: 'Student',
  },
  [Permission.IncidentRead]: {
    roles: SCHOOL_ROLES,
    reach:
      'staff: their schools’ incidents; reporter: their own; family: their child’s (parents of a linked aggressor or witness: only their child’s part)',
    subject: 'Incident',
    audiences: ['staff', 'reporter', 'family', 'involved_family'],
  },
  [Permission.IncidentMessage]: {
    roles: SCHOOL_ROLES,
    reach: 'as incident.read, in their own thread (staff: any thread)',
    subject: 'Incident',
    audiences: ['staff', 'reporter', 'family', 'involved_family'],
  },
  [Permission.IncidentAttach]: {
    roles: SCHOOL_ROLES,
    reach: 'as incident.read, but not parents of a linked aggressor or witness',
    subject: 'Incident',
    audiences: ['staff', 'reporter', 'family'],
  },
  [Permission.EvidenceDownload]: {
    roles: SCHOOL_ROLES,
    reach:
      'staff: every file of their schools’ incidents; reporter and family: the files they added',
    subject: 'Attachment',
    audiences: ['staff', 'reporter', 'family'],
    ownRecordsOnly: ['reporter', 'family'],
  },
  [Permission.IncidentDecide]: {
    roles: CASEWORKER_ROLES,
    reach: 'their schools’ incidents',
    subject: 'Incident',
    audiences: ['staff'],
  },
  [Permission.CaseQueue]: {
    roles: CASEWORKER_ROLES,
    reach: 'their schools’ incidents',
    subject: 'School',
  },
  [Permission.CaseloadRead]: { roles: CASEWORKER_ROLES, reach: 'their schools', subject: 'School' },
  [Permission.StudentHistory]: {
    roles: CASEWORKER_ROLES,
    reach: 'students of their schools',
    subject: 'Student',
  },
  [Permission.StudentDirectory]: {
    roles: SCHOOL_STAFF_ROLES,
    reach: 'students of their schools',
    subject: 'Student',
  },
  [Permission.AuditRead]: { roles: ['school_admin'], reach: 'their schools', subject: 'School' },
  [Permission.SchoolCreate]: {
    roles: ['district_admin'],
    reach: 'their district',
    subject: 'School',
  },
  [Permission.SchoolAdminister]: {
    roles: ADMIN_ROLES,
    reach: 'district admin: the district’s schools; school admin: their schools',
    subject: 'School',
  },
  [Permission.SchoolCalendar]: {
    roles: ADMIN_ROLES,
    reach: 'district admin: the district’s schools; school admin: their schools',
    subject: 'School',
  },
  [Permission.DistrictCalendar]: {
    roles: ['district_admin'],
    reach: 'their district',
    subject: 'District',
  },
  [Permission.UserAdminister]: {
    roles: ADMIN_ROLES,
    reach: 'accounts whose every school is within reach',
    subject: 'User',
  },
  [Permission.ParentLink]: {
    roles: ADMIN_ROLES,
    reach: 'parents with one school within reach',
    subject: 'User',
  },
  [Permission.GuardianshipAdminister]: {
    roles: ADMIN_ROLES,
    reach: 'links of students within reach',
    subject: 'Guardianship',
  },
  [Permission.LiveSubscribe]: {
    roles: CASEWORKER_ROLES,
    reach: 'their schools',
    subject: 'School',
  },
  [Permission.AlertAcknowledge]: {
    roles: CASEWORKER_ROLES,
    reach: 'their schools’ incidents',
    subject: 'Incident',
    audiences: ['staff'],
  },
  [Permission.DistrictCrisisContacts]: {
    roles: ['district_admin'],
    reach: 'their district',
    subject: 'District',
  },
  [Permission.DangerTermsRead]: {
    roles: ADMIN_ROLES,
    reach: 'district admin: their district; school admin: their schools’ district',
    subject: 'District',
  },
  [Permission.DangerTermsAdminister]: {
    roles: ['district_admin'],
    reach: 'their district',
    subject: 'District',
  },
  [Permission.CasesReassign]: {
    roles: ADMIN_ROLES,
    reach: 'the open cases of schools within reach (district admins: their district’s schools)',
    subject: 'User',
  },
};

/** Whether the principal's role may ever do this (the record-level reach comes on top). */
export function roleMay(principal: Pick<Principal, 'role'>, permission: Permission): boolean {
  return PERMISSIONS[permission].roles.includes(principal.role);
}

/**
 * Whether an audience that has the permission on an incident reaches one of
 * its records, created by `createdById`: some audiences reach only their own.
 */
export function reachesRecord(
  permission: Permission,
  audience: AudienceKind,
  principalId: string,
  createdById: string | null,
): boolean {
  const definition = PERMISSIONS[permission];
  if (!definition.audiences?.includes(audience)) return false;
  return !definition.ownRecordsOnly?.includes(audience) || createdById === principalId;
}

export function isCaseworker(principal: Pick<Principal, 'role'>): boolean {
  return (CASEWORKER_ROLES as readonly Role[]).includes(principal.role);
}

/** The word used in the 404 message when a record is out of reach. */
export const PERMISSION_SUBJECT = Object.fromEntries(
  Object.entries(PERMISSIONS).map(([permission, definition]) => [permission, definition.subject]),
) as Record<Permission, string>;

/** The roles x permissions table of docs/architecture.md, as markdown. */
export function renderPermissionTable(): string {
  const header = ['permission', ...ROLES, 'reach'];
  const rows = Object.values(Permission).map((permission) => [
    `\`${permission}\``,
    ...ROLES.map((role) => (PERMISSIONS[permission].roles.includes(role) ? 'yes' : '—')),
    PERMISSIONS[permission].reach,
  ]);
  // Padded like prettier pads markdown tables, so that the docs stay formatted.
  const widths = header.map((_, column) =>
    Math.max(3, ...[header, ...rows].map((cells) => cells[column].length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}
