import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useProfile } from '../../lib/auth';
import { Page } from '../layout/Page';

/** Staff start here; the case queue and casework pages build on this page. */
export function StaffHome() {
  const { t } = useTranslation('home');
  const profile = useProfile();
  return (
    <Page title={t('staffTitle', { name: profile.displayName })}>
      <p>
        <Link href="/report" className="button primary big">
          {t('reportOnBehalf')}
        </Link>
      </p>
    </Page>
  );
}
