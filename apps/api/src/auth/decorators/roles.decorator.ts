import { SetMetadata } from '@nestjs/common';
import type { Role } from '@app/identity';

export const ROLES_KEY = 'roles';

/** Only these roles may call the route (others get 403); record checks come on top. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
