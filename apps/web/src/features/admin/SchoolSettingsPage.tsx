import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useProfile } from '../../lib/auth';
import { isAdmin, isDistrictAdmin } from '../../lib/roles';
import { Loading } from '../layout/Loading';
import { NotFoundPage } from '../layout/NotFoundPage';
import { Page } from '../layout/Page';
import { RoleOnly } from '../layout/RoleOnly';
import { schoolHref, useAdminSchools, useChosenSchool } from './admin-api';
import { AfterHoursSettings } from '../after-hours/AfterHoursSettings';
import { SchoolSettingsForm } from './SchoolSettingsForm';
import './admin.css';

/** A district admin who came without `?school=`: which school? */
export function SchoolPicker({ path, title }: { path: string; title: string }) {
  const { t } = useTranslation('admin');
  const { schools, failed } = useAdminSchools();
  return (
    <Page title={title}>
      <p>{t('pickSchool')}</p>
      {failed && <p className="notice warn">{t('loadFailed')}</p>}
      {!schools && !failed && <Loading />}
      <ul className="admin-links">
        {schools?.map((school) => (
          <li key={school.id}>
            <Link href={schoolHref(path, school.id)}>{school.name}</Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}

function SettingsContent() {
  const { t } = useTranslation('admin');
  const profile = useProfile();
  const { school, setSchool } = useChosenSchool();
  if (school === undefined) return <Loading />;
  if (school === null) {
    return isDistrictAdmin(profile) ? (
      <SchoolPicker path="/admin/school" title={t('settings.title')} />
    ) : (
      <NotFoundPage />
    );
  }
  return (
    <Page title={t('settings.titleOf', { school: school.name })}>
      <SchoolSettingsForm
        key={school.id}
        school={school}
        district={isDistrictAdmin(profile)}
        onSaved={setSchool}
      />
      <AfterHoursSettings key={`${school.id}-hours`} school={school} onSaved={setSchool} />
    </Page>
  );
}

/** `/admin/school`: a school's settings (district admins: `?school=<id>`). */
export default function SchoolSettingsPage() {
  return (
    <RoleOnly allow={isAdmin}>
      <SettingsContent />
    </RoleOnly>
  );
}
