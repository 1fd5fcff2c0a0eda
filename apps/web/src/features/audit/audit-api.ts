import { api, type Schemas } from '../../lib/api-client';

export type AuditEntry = Schemas['AuditEntryDto'];

/** The actions the audit page offers as a filter; others still show, by their code. */
export const KNOWN_ACTIONS = [
  'incident.viewed',
  'attachment.downloaded',
  'student.chronology_viewed',
  'incident.filed',
  'incident.triaged',
  'incident.assigned',
  'incident.investigation_started',
  'incident.resolved',
  'incident.closed',
  'incident.dismissed',
  'incident.reopened',
  'note.added',
  'action.recorded',
  'message.posted',
  'attachment.added',
  'follow_up.scheduled',
  'follow_up.completed',
  'follow_up.cancelled',
  'follow_up.reassigned',
] as const;

export type AuditKind = 'read' | 'change';

/** The filters as the address keeps them. */
export interface AuditFilters {
  /** A case reference as typed. */
  ref: string;
  actor: string;
  /** The actor's name, shown with the actor filter. */
  who: string;
  kind: AuditKind | '';
  action: string;
  from: string;
  to: string;
}

const KEYS: (keyof AuditFilters)[] = ['ref', 'actor', 'who', 'kind', 'action', 'from', 'to'];

export function filtersFrom(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  const kind = params.get('kind');
  return {
    ref: params.get('ref') ?? '',
    actor: params.get('actor') ?? '',
    who: params.get('who') ?? '',
    kind: kind === 'read' || kind === 'change' ? kind : '',
    action: params.get('action') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

export function auditAddress(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filters[key]) params.set(key, filters[key]);
  const query = params.toString();
  return query ? `/audit?${query}` : '/audit';
}

export type CaseLookup = { kind: 'found'; id: string } | { kind: 'missing' } | { kind: 'failed' };

/** The case with this reference (any case), among the caller's schools' cases. */
export async function findCase(reference: string): Promise<CaseLookup> {
  const { data } = await api
    .GET('/api/v1/incidents', { params: { query: { q: reference, limit: 20 } } })
    .catch(() => ({ data: undefined }));
  if (!data) return { kind: 'failed' };
  const wanted = reference.trim().toUpperCase();
  const found = data.items.find((item) => item.reference.toUpperCase() === wanted);
  return found ? { kind: 'found', id: found.id } : { kind: 'missing' };
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export async function loadAudit(
  filters: AuditFilters,
  incidentId: string | undefined,
  cursor: string | null,
): Promise<AuditPage | null> {
  const { data } = await api
    .GET('/api/v1/audit', {
      params: {
        query: {
          limit: 50,
          ...(incidentId ? { incidentId } : {}),
          ...(filters.actor ? { actorId: filters.actor } : {}),
          ...(filters.kind ? { kind: filters.kind } : {}),
          ...(filters.action ? { action: [filters.action] } : {}),
          ...(filters.from ? { from: filters.from } : {}),
          ...(filters.to ? { to: filters.to } : {}),
          ...(cursor ? { cursor } : {}),
        },
      },
    })
    .catch(() => ({ data: undefined }));
  return data ?? null;
}
