import { useProfile } from '../../lib/auth';
import { ParentHome } from './ParentHome';
import { StaffHome } from './StaffHome';
import { StudentHome } from './StudentHome';

/** Each role's start page. */
export function HomePage() {
  const { role } = useProfile();
  if (role === 'student') return <StudentHome />;
  if (role === 'parent') return <ParentHome />;
  return <StaffHome />;
}
