import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useProfile } from '../../lib/auth';
import { Loading } from '../layout/Loading';
import { Page } from '../layout/Page';
import { ShowMore } from '../layout/ShowMore';
import { CaseList } from './CaseList';
import { useMyIncidents } from './useMyIncidents';

/** The words of each reporter's start page (home namespace). */
const WORDS = {
  student: { title: 'studentTitle', lead: 'studentLead' },
  teacher: { title: 'staffTitle', lead: 'teacherLead' },
} as const;

/**
 * A student's or a teacher's start page: one big way to tell the school, then
 * the reports they sent.
 */
export function ReporterHome({ reporter }: { reporter: keyof typeof WORDS }) {
  const { t } = useTranslation('home');
  const words = WORDS[reporter];
  const profile = useProfile();
  const reports = useMyIncidents();
  return (
    <Page title={t(words.title, { name: profile.displayName })}>
      <p className="lead">{t(words.lead)}</p>
      <p>
        <Link href="/report" className="button primary big">
          {t('reportSomething')}
        </Link>
      </p>
      <section aria-labelledby="my-reports-title" className="home-section">
        <h2 id="my-reports-title">{t('myReports')}</h2>
        {reports.items === undefined ? (
          <Loading />
        ) : reports.items.length > 0 ? (
          <CaseList items={reports.items} headingLevel="h3" />
        ) : (
          !reports.failed && <p>{t('noReportsYet')}</p>
        )}
        <ShowMore
          hasMore={reports.hasMore}
          loadingMore={reports.loadingMore}
          failed={reports.failed}
          onMore={reports.loadMore}
          labels={{ more: t('showMore'), loading: t('loadingMore'), failed: t('loadFailed') }}
        />
      </section>
    </Page>
  );
}
