import { api, errorMessages, type Schemas } from '../../lib/api-client';

export type Related = Schemas['RelatedView'];
export type RelatedMember = Schemas['RelatedMemberView'];
export type Suggestion = Schemas['RelatedSuggestionView'];

/** The answer to a change of the group: the group as it is now, or the server's reasons. */
export type GroupOutcome =
  { kind: 'done'; related: Related } | { kind: 'refused'; messages: string[] } | { kind: 'failed' };

const path = (id: string) => ({ params: { path: { id } } });

async function outcomeOf(
  call: Promise<{ data?: Related; error?: unknown; response: Response }>,
): Promise<GroupOutcome> {
  try {
    const { data, error, response } = await call;
    if (data) return { kind: 'done', related: data };
    if (response.status === 400 || response.status === 422) {
      return { kind: 'refused', messages: errorMessages(error) };
    }
    return { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}

/** The case's group and the likely related reports, or null when either could not be read. */
export async function loadRelated(
  id: string,
): Promise<{ related: Related; suggestions: Suggestion[] } | null> {
  try {
    const [related, suggestions] = await Promise.all([
      api.GET('/api/v1/incidents/{id}/related', path(id)),
      api.GET('/api/v1/incidents/{id}/related-suggestions', path(id)),
    ]);
    if (!related.data || !suggestions.data) return null;
    return { related: related.data, suggestions: suggestions.data.items };
  } catch {
    return null;
  }
}

export const group = {
  link: (id: string, incidentIds: string[]) =>
    outcomeOf(api.POST('/api/v1/incidents/{id}/related', { ...path(id), body: { incidentIds } })),
  unlink: (id: string, body: { incidentId: string; newPrimaryId?: string }) =>
    outcomeOf(api.POST('/api/v1/incidents/{id}/related/unlink', { ...path(id), body })),
  makePrimary: (id: string, primaryIncidentId: string) =>
    outcomeOf(
      api.PATCH('/api/v1/incidents/{id}/related', { ...path(id), body: { primaryIncidentId } }),
    ),
};
