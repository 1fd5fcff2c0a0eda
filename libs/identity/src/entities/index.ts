import { DayOff } from './day-off.entity';
import { District } from './district.entity';
import { Guardianship } from './guardianship.entity';
import { RefreshToken } from './refresh-token.entity';
import { School } from './school.entity';
import { SchoolMembership } from './school-membership.entity';
import { SchoolYear } from './school-year.entity';
import { User } from './user.entity';

export { DayOff, District, Guardianship, RefreshToken, School, SchoolMembership, SchoolYear, User };

export const identityEntities = [
  District,
  School,
  User,
  SchoolMembership,
  Guardianship,
  RefreshToken,
  SchoolYear,
  DayOff,
];
