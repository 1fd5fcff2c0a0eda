import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

/** The admin hub's line for the district's danger terms page. */
export function DangerTermsHubLink() {
  const { t } = useTranslation('danger-terms');
  return (
    <li>
      <Link href="/admin/danger-terms">{t('title')}</Link>
      <span className="hint">{t('hubHint')}</span>
    </li>
  );
}
