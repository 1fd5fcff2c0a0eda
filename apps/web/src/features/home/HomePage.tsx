import { lazy } from 'react';
import { useProfile } from '../../lib/auth';
import { ParentHome } from './ParentHome';
import { StaffHome } from './StaffHome';
import { StudentHome } from './StudentHome';

/** District admins start on their schools' administration (loaded only for them). */
const DistrictHub = lazy(() => import('../admin/AdminHub'));

/** Each role's start page. */
export function HomePage() {
  const { role } = useProfile();
  if (role === 'student') return <StudentHome />;
  if (role === 'parent') return <ParentHome />;
  if (role === 'district_admin') return <DistrictHub />;
  return <StaffHome />;
}
