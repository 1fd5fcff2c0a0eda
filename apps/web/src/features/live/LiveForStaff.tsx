import { lazy, Suspense } from 'react';
import { useAuth } from '../../lib/auth';
import { isCaseworker } from '../../lib/roles';

const StaffLive = lazy(() => import('./StaffLive'));

/**
 * For counselors and school admins only: the live stream (`LiveProvider`)
 * and the critical alerts above every page. Students, families and
 * signed-out visitors never download this code.
 */
export function LiveForStaff() {
  const { profile } = useAuth();
  if (!profile || !isCaseworker(profile)) return null;
  return (
    <Suspense fallback={null}>
      <StaffLive key={profile.id} />
    </Suspense>
  );
}
