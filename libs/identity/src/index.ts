export { ROLES, SUPPORTED_LOCALES, type Locale, type Role } from './roles';
export { type Principal } from './principal';
export { DAY_OFF_MAX_DAYS, DAY_OFF_NAME_MAX } from './entities/day-off.entity';
export {
  loadSchoolCalendars,
  schoolCalendarOf,
  toSchoolCalendar,
  type DayOffRecord,
  type SchoolCalendarRecord,
} from './calendar/school-calendars';
export {
  DayOff,
  District,
  Guardianship,
  identityEntities,
  School,
  SchoolMembership,
  SchoolYear,
  User,
} from './entities';
export { IdentityModule } from './identity.module';
export { AccessService } from './access/access.service';
export {
  audienceColumns,
  audienceOf,
  incidentReach,
  ownChildOf,
  type Audience,
  type InvolvedRole,
} from './access/incident-audience';
export {
  CASEWORKER_ROLES,
  Permission,
  PERMISSIONS,
  reachesRecord,
  roleMay,
} from './access/permission';
export { inScope, narrowScope, scopeOf, type SchoolScope } from './access/school-scope';
export { activeAccountsSql, guardiansOfSql, schoolMembersSql } from './directory/directory-sql';
export { DirectoryService } from './directory/directory.service';
export { MAX_SEARCH_WORDS } from './directory/name-search';
export {
  StudentDirectoryService,
  type DirectorySearch,
  type DirectoryStudent,
} from './directory/student-directory.service';
export {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  issuedAtMs,
  type AccessTokenClaims,
} from './auth/access-token';
export { AuthService } from './auth/auth.service';
export { PrincipalLoader } from './auth/principal.loader';
export { DEMO_SCHOOLS, DEMO_USERS } from './demo/demo-data';
export { DemoSeedService } from './demo/demo-seed.service';
export { GuardianshipsService, type GuardianshipView } from './guardianships/guardianships.service';
export { InstallationService } from './installation/installation.service';
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords/password-policy';
export { PASSWORD_HASH_OPTIONS, PasswordService } from './passwords/password.service';
export {
  CRISIS_CONTACT_HOURS_MAX,
  CRISIS_CONTACT_NAME_MAX,
  CRISIS_PHONE_PATTERN,
  CRISIS_PHONE_RULE,
  MAX_CRISIS_CONTACTS,
  type CrisisContact,
} from './schools/crisis-contacts';
export {
  MAX_ON_CALL_CONTACTS,
  ON_CALL_EMAIL_MAX,
  ON_CALL_NAME_MAX,
  type OnCallContact,
} from './schools/on-call-contacts';
export {
  DistrictCrisisContactsService,
  type DistrictCrisisContacts,
} from './schools/district-crisis-contacts.service';
export { MAX_SCHOOL_PLACES, SCHOOL_PLACE_NAME_MAX, type SchoolPlace } from './schools/places';
export {
  SchoolsService,
  type CreateSchoolInput,
  type UpdateSchoolInput,
} from './schools/schools.service';
export { ProfileService, type Profile, type ProfileChanges } from './users/profile.service';
export { UsersService, type UserWithSchools } from './users/users.service';
export { SCHOOL_CODE_PATTERN, SCHOOL_CODE_RULE, USERNAME_PATTERN, USERNAME_RULE } from './naming';
