import type { ReactNode } from 'react';
import { useProfile, type Profile } from '../../lib/auth';
import { NotFoundPage } from './NotFoundPage';

/**
 * A page for some roles only (`allow`, one of lib/roles.ts): everyone else gets
 * "Page not found", as the API answers 403/404, and the page's own code never runs.
 */
export function RoleOnly({
  allow,
  children,
}: {
  allow: (profile: Pick<Profile, 'role'>) => boolean;
  children: ReactNode;
}) {
  const profile = useProfile();
  return allow(profile) ? children : <NotFoundPage />;
}
