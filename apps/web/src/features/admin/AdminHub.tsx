import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useProfile } from '../../lib/auth';
import { isAdmin, isDistrictAdmin } from '../../lib/roles';
import { DangerTermsHubLink } from '../danger-terms/DangerTermsHubLink';
import { Loading } from '../layout/Loading';
import { Page } from '../layout/Page';
import { RoleOnly } from '../layout/RoleOnly';
import { schoolHref, useAdminSchools, type School } from './admin-api';
import './admin.css';

/** The links of one school's admin pages. */
function SchoolLinks({ school, withId }: { school: { id: string }; withId: boolean }) {
  const { t } = useTranslation('admin');
  const id = withId ? school.id : undefined;
  const links = [
    { href: schoolHref('/admin/users', id), label: t('hub.users'), hint: t('hub.usersHint') },
    {
      href: schoolHref('/admin/school', id),
      label: t('hub.settings'),
      hint: t('hub.settingsHint'),
    },
    {
      href: schoolHref('/admin/calendar', id),
      label: t('hub.calendar'),
      hint: t('hub.calendarHint'),
    },
    { href: schoolHref('/admin/poster', id), label: t('hub.poster'), hint: t('hub.posterHint') },
  ];
  return (
    <ul className="admin-links">
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href}>{link.label}</Link>
          <span className="hint">{link.hint}</span>
        </li>
      ))}
    </ul>
  );
}

function SchoolAdminHub() {
  const { t } = useTranslation('admin');
  const profile = useProfile();
  const several = profile.schools.length > 1;
  return (
    <Page title={t('hub.title')}>
      {profile.schools.map((school) => (
        <section key={school.id} className="panel" aria-labelledby={`hub-${school.id}`}>
          <h2 id={`hub-${school.id}`}>{school.name}</h2>
          <SchoolLinks school={school} withId={several} />
        </section>
      ))}
    </Page>
  );
}

/** The district's schools, each with its admin pages; also the district admin's start page. */
export function DistrictHub() {
  const { t } = useTranslation('admin');
  const { schools, failed } = useAdminSchools();
  return (
    <Page title={t('hub.districtTitle')}>
      <ul className="admin-links">
        <li>
          <Link href="/admin/schools">{t('hub.schools')}</Link>
          <span className="hint">{t('hub.schoolsHint')}</span>
        </li>
        <li>
          <Link href="/admin/users?role=school_admin">{t('hub.schoolAdmins')}</Link>
          <span className="hint">{t('hub.schoolAdminsHint')}</span>
        </li>
        <li>
          <Link href="/admin/calendar">{t('hub.calendar')}</Link>
          <span className="hint">{t('hub.districtCalendarHint')}</span>
        </li>
        <DangerTermsHubLink />
      </ul>
      {failed && <p className="notice warn">{t('loadFailed')}</p>}
      {!schools && !failed && <Loading />}
      {schools?.map((school: School) => (
        <section key={school.id} className="panel" aria-labelledby={`hub-${school.id}`}>
          <h2 id={`hub-${school.id}`}>{school.name}</h2>
          <p className="hint">{t('hub.codeLine', { code: school.code })}</p>
          <SchoolLinks school={school} withId />
        </section>
      ))}
    </Page>
  );
}

/** `/admin`: each school's admin pages (district admins: the district's schools). */
export default function AdminHub() {
  const profile = useProfile();
  return (
    <RoleOnly allow={isAdmin}>
      {isDistrictAdmin(profile) ? <DistrictHub /> : <SchoolAdminHub />}
    </RoleOnly>
  );
}
