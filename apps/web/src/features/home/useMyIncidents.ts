import { api, type Schemas } from '../../lib/api-client';
import { usePaged, type Paged } from '../../lib/usePaged';

export type IncidentSummary =
  | Schemas['OwnIncidentSummary']
  | Schemas['StaffIncidentSummary']
  | Schemas['InvolvedFamilyIncidentSummary'];

export type IncidentPages = Paged<IncidentSummary>;

/** The caller's reports (a parent's: their family's), newest first, a page at a time. */
export function useMyIncidents(): IncidentPages {
  return usePaged<IncidentSummary>(
    async ({ cursor }) =>
      (await api.GET('/api/v1/incidents', { params: { query: cursor ? { cursor } : {} } })).data,
    [],
  );
}
