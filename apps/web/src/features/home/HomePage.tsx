import { lazy } from 'react';
import { useProfile } from '../../lib/auth';
import { isCaseworker, isDistrictAdmin, isParent, isStudent } from '../../lib/roles';
import { ParentHome } from './ParentHome';
import { ReporterHome } from './ReporterHome';

/** District admins start on their schools' administration (loaded only for them). */
const DistrictHub = lazy(() => import('../admin/AdminHub'));
const QueuePage = lazy(() => import('../queue/QueuePage'));

/** Each role's start page: counselors and school administrators start at their queue. */
export function HomePage() {
  const profile = useProfile();
  if (isStudent(profile)) return <ReporterHome reporter="student" />;
  if (isParent(profile)) return <ParentHome />;
  if (isDistrictAdmin(profile)) return <DistrictHub />;
  if (isCaseworker(profile)) return <QueuePage />;
  return <ReporterHome reporter="teacher" />;
}
