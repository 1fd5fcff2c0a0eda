/**
 * What a caller wants to do with a record. Every record-level decision goes
 * through AccessService with one of these, so the rules live in one place.
 */
export enum Permission {
  SchoolAdminister = 'school.administer',
  /** Change an account: every school it belongs to must be within reach. */
  UserAdminister = 'user.administer',
  /** Link a parent to a student: one school of the parent within reach is enough. */
  ParentLink = 'user.link-parent',
  GuardianshipAdminister = 'guardianship.administer',
}

/** The word used in the 404 message when a record is out of reach. */
export const PERMISSION_SUBJECT: Record<Permission, string> = {
  [Permission.SchoolAdminister]: 'School',
  [Permission.UserAdminister]: 'User',
  [Permission.ParentLink]: 'User',
  [Permission.GuardianshipAdminister]: 'Guardianship',
};
