import { lazy } from 'react';
import { useProfile } from '../../lib/auth';
import { ParentHome } from './ParentHome';
import { StaffHome } from './StaffHome';
import { StudentHome } from './StudentHome';
import { TeacherHome } from './TeacherHome';

const QueuePage = lazy(() => import('../queue/QueuePage'));

/** Each role's start page: counselors and school administrators start at their queue. */
export function HomePage() {
  const { role } = useProfile();
  if (role === 'student') return <StudentHome />;
  if (role === 'parent') return <ParentHome />;
  if (role === 'counselor' || role === 'school_admin') return <QueuePage />;
  if (role === 'staff') return <TeacherHome />;
  return <StaffHome />;
}
