import { lazy } from 'react';
import { useProfile } from '../../lib/auth';
import { ParentHome } from './ParentHome';
import { StudentHome } from './StudentHome';
import { TeacherHome } from './TeacherHome';

/** District admins start on their schools' administration (loaded only for them). */
const DistrictHub = lazy(() => import('../admin/AdminHub'));
const QueuePage = lazy(() => import('../queue/QueuePage'));

/** Each role's start page: counselors and school administrators start at their queue. */
export function HomePage() {
  const { role } = useProfile();
  if (role === 'student') return <StudentHome />;
  if (role === 'parent') return <ParentHome />;
  if (role === 'district_admin') return <DistrictHub />;
  if (role === 'counselor' || role === 'school_admin') return <QueuePage />;
  return <TeacherHome />;
}
