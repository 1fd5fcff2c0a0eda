import { api, errorMessages, type Schemas } from '../../lib/api-client';

export type FollowUp = Schemas['FollowUpView'];
type ActionType = Schemas['ActionType'];

/** What became of a request: done, refused with the API's reasons, or no answer. */
export type FollowUpOutcome =
  { kind: 'done' } | { kind: 'refused'; messages: string[] } | { kind: 'failed' };

async function outcomeOf(
  call: Promise<{ error?: unknown; response: Response }>,
): Promise<FollowUpOutcome> {
  try {
    const { error, response } = await call;
    if (response.ok) return { kind: 'done' };
    if ([400, 409, 422].includes(response.status)) {
      return { kind: 'refused', messages: errorMessages(error) };
    }
    return { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}

const path = (id: string) => ({ params: { path: { id } } });
const onAction = (id: string, actionId: string) => ({ params: { path: { id, actionId } } });

export async function loadFollowUps(id: string): Promise<FollowUp[] | null> {
  const { data } = await api
    .GET('/api/v1/incidents/{id}/follow-ups', path(id))
    .catch(() => ({ data: undefined }));
  return data ?? null;
}

export const followUps = {
  plan: (
    id: string,
    body: { type: ActionType; description: string; scheduledFor: string; ownerId?: string },
  ) => outcomeOf(api.POST('/api/v1/incidents/{id}/actions', { ...path(id), body })),
  complete: (id: string, actionId: string, body: { takenAt: string; description?: string }) =>
    outcomeOf(
      api.POST('/api/v1/incidents/{id}/actions/{actionId}/complete', {
        ...onAction(id, actionId),
        body,
      }),
    ),
  cancel: (id: string, actionId: string, reason: string) =>
    outcomeOf(
      api.POST('/api/v1/incidents/{id}/actions/{actionId}/cancel', {
        ...onAction(id, actionId),
        body: { reason },
      }),
    ),
};
