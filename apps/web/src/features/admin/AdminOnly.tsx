import type { ReactNode } from 'react';
import { isAdmin, isDistrictAdmin } from '../../lib/roles';
import { RoleOnly } from '../layout/RoleOnly';

/** Admin pages answer like an unknown address to everyone else. Prefer `RoleOnly` in new code. */
export function AdminOnly({
  children,
  districtOnly = false,
}: {
  children: ReactNode;
  districtOnly?: boolean;
}) {
  return <RoleOnly allow={districtOnly ? isDistrictAdmin : isAdmin}>{children}</RoleOnly>;
}
