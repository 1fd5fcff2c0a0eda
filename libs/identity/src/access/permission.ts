/**
 * What a caller wants to do with a record. Every record-level decision goes
 * through AccessService with one of these, so the rules live in one place.
 */
export enum Permission {
  SchoolAdminister = 'school.administer',
  UserAdminister = 'user.administer',
  GuardianshipAdminister = 'guardianship.administer',
}

/** The word used in the 404 message when a record is out of reach. */
export const PERMISSION_SUBJECT: Record<Permission, string> = {
  [Permission.SchoolAdminister]: 'School',
  [Permission.UserAdminister]: 'User',
  [Permission.GuardianshipAdminister]: 'Guardianship',
};
