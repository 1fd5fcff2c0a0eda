import type { ReactNode } from 'react';
import { useProfile } from '../../lib/auth';
import { NotFoundPage } from '../layout/NotFoundPage';
import { isAdmin } from './admin-api';

/** Admin pages answer like an unknown address to everyone else, as the API answers 403/404. */
export function AdminOnly({
  children,
  districtOnly = false,
}: {
  children: ReactNode;
  districtOnly?: boolean;
}) {
  const { role } = useProfile();
  const allowed = districtOnly ? role === 'district_admin' : isAdmin(role);
  return allowed ? children : <NotFoundPage />;
}
