import type { Role } from './roles';

/** Who is calling: resolved from the access token on every request. */
export interface Principal {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  districtId: string;
  /** Schools the user belongs to (students exactly one; district admins none). */
  schoolIds: string[];
}
