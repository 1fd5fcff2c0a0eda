import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Profile } from '../../lib/auth';

type Role = Profile['role'];

interface NavLink {
  href: string;
  label: 'home' | 'queue' | 'caseload' | 'students' | 'audit' | 'admin' | 'schools';
}

/** The pages each role works with, in the order they use them. */
const LINKS_BY_ROLE: Partial<Record<Role, NavLink[]>> = {
  counselor: [
    { href: '/', label: 'queue' },
    { href: '/caseload', label: 'caseload' },
    { href: '/students', label: 'students' },
  ],
  school_admin: [
    { href: '/', label: 'queue' },
    { href: '/caseload', label: 'caseload' },
    { href: '/students', label: 'students' },
    { href: '/audit', label: 'audit' },
    { href: '/admin', label: 'admin' },
  ],
  district_admin: [{ href: '/admin', label: 'schools' }],
};

/** The role's own links in the main menu; families, students and staff have only Home. */
export function RoleNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  const links = LINKS_BY_ROLE[role] ?? [{ href: '/', label: 'home' }];
  return (
    <>
      {links.map((link) => (
        <Link key={link.href} href={link.href}>
          {t(`nav.${link.label}`)}
        </Link>
      ))}
    </>
  );
}
