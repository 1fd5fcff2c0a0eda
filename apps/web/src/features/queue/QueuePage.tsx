import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { navigateInPlace } from '../../app/history';
import { useProfile } from '../../lib/auth';
import { Loading } from '../layout/Loading';
import { SelectField } from '../forms/SelectField';
import { Page } from '../layout/Page';
import { ShowMore } from '../layout/ShowMore';
import {
  CATEGORIES,
  countFilters,
  DEFAULT_FILTERS,
  filtersToSearch,
  LOCATIONS,
  OPEN_STATUSES,
  parseFilters,
  SEVERITIES,
  STATUSES,
  type QueueFilters,
} from './filters';
import { QueueRow } from './QueueRow';
import { useQueue } from './useQueue';
import { useRowKeys } from './useRowKeys';
import './queue.css';

/**
 * The caseworker's start page: their schools' cases in the API's order
 * (critical first, then the nearest deadline), filtered as the address says,
 * with the number of cases behind each filter choice. j and k move between
 * cases, Enter opens one.
 */
export default function QueuePage() {
  const { t } = useTranslation('queue');
  const profile = useProfile();
  const search = useSearch();
  const filters = useMemo(() => parseFilters(search), [search]);
  const queue = useQueue(filters);
  const [words, setWords] = useState(filters.q);
  const list = useRef<HTMLOListElement>(null);
  const focused = useRowKeys(list, queue.items?.length ?? 0);

  // Another address (a reload, a link) brings its own search words.
  useEffect(() => setWords(filters.q), [filters.q]);

  /** Filters live in the address, replaced in place like every navigation of the app. */
  const apply = (changes: Partial<QueueFilters>) =>
    navigateInPlace(`/${filtersToSearch({ ...filters, ...changes })}`);

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    apply({ q: words });
  };

  const counts = queue.counts;
  const count = (n: number | undefined) => (n === undefined ? '' : t('count', { count: n }));
  /** A filter choice with the number of cases behind it, once the counts are in. */
  const counted = (label: string, n: number | undefined) => `${label} ${count(n)}`.trim();
  const openCount = counts
    ? OPEN_STATUSES.reduce((sum, status) => sum + counts.byStatus[status], 0)
    : undefined;
  const allCount = counts
    ? STATUSES.reduce((sum, status) => sum + counts.byStatus[status], 0)
    : undefined;
  const active = countFilters(filters);
  const schools = profile.schools.map((school) => school.name).join(', ');

  return (
    <Page title={t('title')} wide>
      {schools && <p className="lead">{t('lead', { schools })}</p>}
      <p>
        <Link href="/report" className="button">
          {t('reportOnBehalf')}
        </Link>
      </p>

      <section aria-labelledby="filters-title" className="panel queue-filters">
        <h2 id="filters-title">{t('filters.title')}</h2>
        <div className="quick-filters" role="group" aria-label={t('filters.quick')}>
          <button
            type="button"
            className="button toggle"
            aria-pressed={filters.assignee === 'me'}
            onClick={() => apply({ assignee: filters.assignee === 'me' ? '' : 'me' })}
          >
            {t('filters.mine')} {count(counts?.mine)}
          </button>
          <button
            type="button"
            className="button toggle"
            aria-pressed={filters.assignee === 'none'}
            onClick={() => apply({ assignee: filters.assignee === 'none' ? '' : 'none' })}
          >
            {t('filters.unassigned')} {count(counts?.unassigned)}
          </button>
          <button
            type="button"
            className="button toggle"
            aria-pressed={filters.overdue}
            onClick={() => apply({ overdue: !filters.overdue })}
          >
            {t('filters.overdue')} {count(counts?.overdue)}
          </button>
        </div>

        <div className="filter-grid">
          <SelectField
            id="filter-status"
            label={t('filters.status')}
            value={filters.status}
            onChange={(event) => apply({ status: event.target.value as QueueFilters['status'] })}
            options={[
              { value: 'open', label: counted(t('filters.open'), openCount) },
              { value: 'all', label: counted(t('filters.allStatuses'), allCount) },
              ...STATUSES.map((status) => ({
                value: status,
                label: counted(t(`status.${status}`), counts?.byStatus[status]),
              })),
            ]}
          />
          <SelectField
            id="filter-severity"
            label={t('filters.severity')}
            value={filters.severity}
            onChange={(event) =>
              apply({ severity: event.target.value as QueueFilters['severity'] })
            }
            options={[
              { value: '', label: t('filters.any') },
              ...SEVERITIES.map((severity) => ({
                value: severity,
                label: counted(t(`severity.${severity}`), counts?.bySeverity[severity]),
              })),
            ]}
          />
          <SelectField
            id="filter-category"
            label={t('filters.category')}
            value={filters.category}
            onChange={(event) =>
              apply({ category: event.target.value as QueueFilters['category'] })
            }
            options={[
              { value: '', label: t('filters.any') },
              ...CATEGORIES.map((category) => ({
                value: category,
                label: t(`category.${category}`),
              })),
            ]}
          />
          <SelectField
            id="filter-location"
            label={t('filters.location')}
            value={filters.location}
            onChange={(event) =>
              apply({ location: event.target.value as QueueFilters['location'] })
            }
            options={[
              { value: '', label: t('filters.any') },
              ...LOCATIONS.map((location) => ({
                value: location,
                label: t(`common:location.${location}`),
              })),
            ]}
          />
        </div>

        <form role="search" className="queue-search" onSubmit={submitSearch}>
          <div className="field">
            <label htmlFor="filter-q">{t('filters.search')}</label>
            <p className="hint" id="filter-q-hint">
              {t('filters.searchHint')}
            </p>
            <input
              id="filter-q"
              type="search"
              value={words}
              maxLength={200}
              aria-describedby="filter-q-hint"
              onChange={(event) => setWords(event.target.value)}
            />
          </div>
          <button type="submit" className="button">
            {t('filters.searchButton')}
          </button>
        </form>
        {active > 0 && (
          <p>
            <button type="button" className="link-button" onClick={() => apply(DEFAULT_FILTERS)}>
              {t('filters.clear', { count: active })}
            </button>
          </p>
        )}
      </section>

      <section aria-labelledby="cases-title" className="queue-results">
        <h2 id="cases-title">{t('results.title')}</h2>
        <p role="status" className="status-line">
          {counts ? t('results.matching', { count: counts.total }) : ''}
        </p>
        <p className="hint keyboard-hint">{t('results.keys')}</p>
        {queue.items === undefined ? (
          <Loading />
        ) : queue.items.length === 0 ? (
          !queue.failed && <p className="notice">{t('results.none')}</p>
        ) : (
          <ol className="queue-list" ref={list}>
            {queue.items.map((item, index) => (
              <QueueRow
                key={item.id}
                item={item}
                mine={item.assigneeId === profile.id}
                focused={index === focused}
              />
            ))}
          </ol>
        )}
        {queue.failed && (
          <p className="notice warn" role="alert">
            {t('results.failed')}{' '}
            <button type="button" className="link-button" onClick={() => queue.reload()}>
              {t('results.tryAgain')}
            </button>
          </p>
        )}
        <ShowMore
          hasMore={queue.hasMore}
          loadingMore={queue.loadingMore}
          failed={false}
          onMore={queue.loadMore}
          labels={{
            more: t('results.showMore'),
            loading: t('results.loadingMore'),
            failed: t('results.failed'),
          }}
        />
      </section>
    </Page>
  );
}
