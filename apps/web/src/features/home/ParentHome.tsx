import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../lib/api-client';
import { useProfile } from '../../lib/auth';
import { Loading } from '../layout/Loading';
import { Page } from '../layout/Page';
import { CaseList, MoreButton } from './CaseList';
import { useMyIncidents, type IncidentSummary } from './useMyIncidents';

type Child = { id: string; displayName: string };

/**
 * Which child each case is about. The list's summaries do not say, so with one
 * child every case is theirs (a parent reaches only their children's cases);
 * with several, the case's own page says (the family view names the child; a
 * report the parent filed themselves answers with the reporter view, which
 * does not, and is listed apart).
 */
function useChildOfCase(items: IncidentSummary[] | undefined, children: Child[]) {
  const [found, setFound] = useState<ReadonlyMap<string, string | null>>(new Map());
  const onlyChild = children.length === 1 ? children[0].id : undefined;
  useEffect(() => {
    if (!items || onlyChild !== undefined) return;
    const unknown = items.filter((item) => !found.has(item.id));
    if (unknown.length === 0) return;
    let live = true;
    void Promise.all(
      unknown.map(async (item) => {
        const { data } = await api
          .GET('/api/v1/incidents/{id}', { params: { path: { id: item.id } } })
          .catch(() => ({ data: undefined }));
        return [item.id, data?.view === 'family' ? data.child.id : null] as const;
      }),
    ).then((pairs) => {
      if (live) setFound((previous) => new Map([...previous, ...pairs]));
    });
    return () => {
      live = false;
    };
  }, [items, onlyChild, found]);
  return (id: string): string | null | undefined => onlyChild ?? found.get(id);
}

/** A parent's start page: each child, with their cases and a way to report for them. */
export function ParentHome() {
  const { t } = useTranslation('home');
  const profile = useProfile();
  const children: Child[] = profile.children;
  const cases = useMyIncidents();
  const childOf = useChildOfCase(cases.items, children);
  const resolved = cases.items?.every((item) => childOf(item.id) !== undefined) ?? false;
  const unmatched = resolved
    ? (cases.items ?? []).filter((item) => !children.some((child) => child.id === childOf(item.id)))
    : [];

  return (
    <Page title={t('parentTitle', { name: profile.displayName })}>
      <p className="lead">{t('parentLead')}</p>
      {children.length === 0 && <p className="notice">{t('noChildren')}</p>}
      {children.map((child) => {
        const theirs = (cases.items ?? []).filter((item) => childOf(item.id) === child.id);
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
            {!resolved ? (
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
      <MoreButton
        hasMore={cases.hasMore}
        loadingMore={cases.loadingMore}
        failed={cases.failed}
        onMore={cases.loadMore}
      />
    </Page>
  );
}
