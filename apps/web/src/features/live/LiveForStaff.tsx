import { lazy, Suspense } from 'react';
import { useAuth } from '../../lib/auth';

const StaffLive = lazy(() => import('./StaffLive'));

const CASEWORKER_ROLES: readonly string[] = ['counselor', 'school_admin'];

/**
 * For counselors and school admins only: the live stream (`LiveProvider`)
 * and the critical alerts above every page. Students, families and
 * signed-out visitors never download this code.
 */
export function LiveForStaff() {
  const { profile } = useAuth();
  if (!profile || !CASEWORKER_ROLES.includes(profile.role)) return null;
  return (
    <Suspense fallback={null}>
      <StaffLive key={profile.id} />
    </Suspense>
  );
}
