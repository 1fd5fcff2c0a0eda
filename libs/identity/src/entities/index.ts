import { District } from './district.entity';
import { Guardianship } from './guardianship.entity';
import { RefreshToken } from './refresh-token.entity';
import { School } from './school.entity';
import { SchoolMembership } from './school-membership.entity';
import { User } from './user.entity';

export { District, Guardianship, RefreshToken, School, SchoolMembership, User };

export const identityEntities = [
  District,
  School,
  User,
  SchoolMembership,
  Guardianship,
  RefreshToken,
];
