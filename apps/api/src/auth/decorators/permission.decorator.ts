import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@app/identity';

export const PERMISSION_KEY = 'permission';

/**
 * The permission a route needs. Every route declares one or is `@Public()`
 * (a unit test walks them all). Roles that never have it get 403 here; the
 * record-level reach is checked by the services through the access module.
 */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(PERMISSION_KEY, permission);
