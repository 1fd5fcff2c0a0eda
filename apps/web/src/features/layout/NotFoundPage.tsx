import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from './Page';

/** Unknown addresses, and cases the user may not see: the same answer, like the API's 404. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <Link href="/" className="button">
        {t('notFound.home')}
      </Link>
    </Page>
  );
}
