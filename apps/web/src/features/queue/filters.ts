import { CATEGORIES, LOCATIONS, SEVERITIES as SEVERITY_SCALE, STATUSES } from '@incident-constants';
import type { Schemas } from '../../lib/api-client';
import { OPEN_STATUSES } from '../cases/status';

export { OPEN_STATUSES };

type Status = Schemas['IncidentStatus'];
type Severity = Schemas['Severity'];
type Category = Schemas['Category'];
type Location = Schemas['Location'];

export { CATEGORIES, LOCATIONS, STATUSES };
/** Most urgent first, as the queue lists them. */
export const SEVERITIES: readonly Severity[] = [...SEVERITY_SCALE].reverse();

/**
 * The queue's filters as the address keeps them (`/?status=triaged&assignee=me`).
 * `status` is `open` (the default: still being worked), `all`, or one status.
 */
export interface QueueFilters {
  status: 'open' | 'all' | Status;
  severity: '' | Severity;
  category: '' | Category;
  location: '' | Location;
  assignee: '' | 'me' | 'none';
  overdue: boolean;
  q: string;
}

export const DEFAULT_FILTERS: QueueFilters = {
  status: 'open',
  severity: '',
  category: '',
  location: '',
  assignee: '',
  overdue: false,
  q: '',
};

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

/** Filters from a query string; anything unknown falls back to the default. */
export function parseFilters(search: string): QueueFilters {
  const params = new URLSearchParams(search);
  return {
    status: oneOf(params.get('status'), ['open', 'all', ...STATUSES] as const, 'open'),
    severity: oneOf(params.get('severity'), ['', ...SEVERITIES] as const, ''),
    category: oneOf(params.get('category'), ['', ...CATEGORIES] as const, ''),
    location: oneOf(params.get('location'), ['', ...LOCATIONS] as const, ''),
    assignee: oneOf(params.get('assignee'), ['', 'me', 'none'] as const, ''),
    overdue: params.get('overdue') === 'true',
    q: (params.get('q') ?? '').slice(0, 200),
  };
}

/** The query string of `filters` (defaults left out), with its `?`, or '' when none is set. */
export function filtersToSearch(filters: QueueFilters): string {
  const params = new URLSearchParams();
  if (filters.status !== 'open') params.set('status', filters.status);
  if (filters.severity) params.set('severity', filters.severity);
  if (filters.category) params.set('category', filters.category);
  if (filters.location) params.set('location', filters.location);
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.q.trim()) params.set('q', filters.q.trim());
  const search = params.toString();
  return search ? `?${search}` : '';
}

export type QueueQuery = {
  status?: Status[];
  severity?: Severity[];
  category?: Category[];
  location?: Location[];
  assignee?: string;
  overdue?: boolean;
  q?: string;
};

/** The API's query for `filters` (`GET /incidents` and `GET /incidents/counts`). */
export function filtersToQuery(filters: QueueFilters, withStatus = true): QueueQuery {
  const query: QueueQuery = {};
  if (withStatus && filters.status !== 'all') {
    query.status = filters.status === 'open' ? [...OPEN_STATUSES] : [filters.status];
  }
  if (filters.severity) query.severity = [filters.severity];
  if (filters.category) query.category = [filters.category];
  if (filters.location) query.location = [filters.location];
  if (filters.assignee) query.assignee = filters.assignee;
  if (filters.overdue) query.overdue = true;
  if (filters.q.trim()) query.q = filters.q.trim();
  return query;
}

export const countFilters = (filters: QueueFilters): number =>
  (Object.keys(DEFAULT_FILTERS) as (keyof QueueFilters)[]).filter(
    (key) => filters[key] !== DEFAULT_FILTERS[key],
  ).length;
