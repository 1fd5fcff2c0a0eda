import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useProfile } from '../../lib/auth';
import { Loading } from '../layout/Loading';
import { Page } from '../layout/Page';
import { ShowMore } from '../layout/ShowMore';
import { CaseList } from './CaseList';
import { useMyIncidents, type IncidentSummary } from './useMyIncidents';

type Child = { id: string; displayName: string };

/** The child a case is about, as the list says (null: a report not about one of the caller's children). */
const childOf = (item: IncidentSummary): string | null =>
  'child' in item ? (item.child?.id ?? null) : null;

/** A parent's start page: each child, with their cases and a way to report for them. */
export function ParentHome() {
  const { t } = useTranslation('home');
  const profile = useProfile();
  const children: Child[] = profile.children;
  const cases = useMyIncidents();
  const unmatched = (cases.items ?? []).filter(
    (item) => !children.some((child) => child.id === childOf(item)),
  );

  return (
    <Page title={t('parentTitle', { name: profile.displayName })}>
      <p className="lead">{t('parentLead')}</p>
      {children.length === 0 && <p className="notice">{t('noChildren')}</p>}
      {children.map((child) => {
        const theirs = (cases.items ?? []).filter((item) => childOf(item) === child.id);
        const titleId = `child-${child.id}-title`;
        return (
          <section key={child.id} aria-labelledby={titleId} className="home-section child-section">
            <h2 id={titleId}>{child.displayName}</h2>
            <p>
              <Link
                href={`/report?child=${encodeURIComponent(child.id)}`}
                className="button primary"
              >
                {t('reportForChild', { name: child.displayName })}
              </Link>
            </p>
            {cases.items === undefined ? (
              <Loading />
            ) : theirs.length > 0 ? (
              <CaseList items={theirs} headingLevel="h3" />
            ) : (
              !cases.failed && <p>{t('noChildReports', { name: child.displayName })}</p>
            )}
          </section>
        );
      })}
      {unmatched.length > 0 && (
        <section aria-labelledby="other-reports-title" className="home-section">
          <h2 id="other-reports-title">{t('otherReports')}</h2>
          <CaseList items={unmatched} headingLevel="h3" />
        </section>
      )}
      <ShowMore
        hasMore={cases.hasMore}
        loadingMore={cases.loadingMore}
        failed={cases.failed}
        onMore={cases.loadMore}
        labels={{ more: t('showMore'), loading: t('loadingMore'), failed: t('loadFailed') }}
      />
    </Page>
  );
}
