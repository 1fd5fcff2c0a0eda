import { api, errorMessages, type Schemas } from '../../lib/api-client';

export type StaffView = Schemas['StaffIncidentView'];
export type StaffAction = Schemas['StaffAction'];
export type Assignee = Schemas['AssigneeView'];
export type TimelineEntry = Schemas['StaffTimelineEntry'];
export type ActionType = Schemas['ActionType'];

/**
 * How a decision went: the case as it is now; a conflict (someone else
 * changed the case since it was read, or the workflow no longer allows the
 * step); the server's reasons for refusing the input; or no answer.
 */
export type ChangeOutcome =
  | { kind: 'done'; view: StaffView }
  | { kind: 'conflict' }
  | { kind: 'refused'; messages: string[] }
  | { kind: 'failed' };

type Answer = { data?: StaffView; error?: unknown; response: Response };

export async function outcomeOf(call: Promise<Answer>): Promise<ChangeOutcome> {
  try {
    const { data, error, response } = await call;
    if (data) return { kind: 'done', view: data };
    if (response.status === 409) return { kind: 'conflict' };
    if (response.status === 400 || response.status === 422) {
      return { kind: 'refused', messages: errorMessages(error) };
    }
    return { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}

const path = (id: string) => ({ params: { path: { id } } });

export const decide = {
  triage: (
    id: string,
    body: {
      version: number;
      severity: Schemas['Severity'];
      category?: Schemas['Category'];
      assigneeId?: string;
    },
  ) => outcomeOf(api.POST('/api/v1/incidents/{id}/triage', { ...path(id), body })),
  assign: (id: string, body: { version: number; assigneeId: string }) =>
    outcomeOf(api.POST('/api/v1/incidents/{id}/assign', { ...path(id), body })),
  transition: (
    id: string,
    body: {
      version: number;
      action: 'start' | 'dismiss' | 'close' | 'reopen';
      reason?: string;
      reasonCode?: Schemas['DismissalReason'];
    },
  ) => outcomeOf(api.POST('/api/v1/incidents/{id}/transitions', { ...path(id), body })),
  resolve: (id: string, body: { version: number; outcome: Schemas['Outcome']; summary: string }) =>
    outcomeOf(api.POST('/api/v1/incidents/{id}/resolve', { ...path(id), body })),
};

/** Adds a note or records an intervention: true when the server took it. */
export async function addNote(
  id: string,
  body: { body: string; visibility: 'internal' | 'shared' },
): Promise<boolean> {
  const { response } = await api
    .POST('/api/v1/incidents/{id}/notes', { ...path(id), body })
    .catch(() => ({ response: null }));
  return Boolean(response?.ok);
}

export async function recordAction(
  id: string,
  body: { type: ActionType; description: string; takenAt: string },
): Promise<boolean> {
  const { response } = await api
    .POST('/api/v1/incidents/{id}/actions', { ...path(id), body })
    .catch(() => ({ response: null }));
  return Boolean(response?.ok);
}

export async function loadAssignees(id: string): Promise<Assignee[] | null> {
  const { data } = await api
    .GET('/api/v1/incidents/{id}/assignees', path(id))
    .catch(() => ({ data: undefined }));
  return data ?? null;
}

/** A file fetched with the caller's token, as a blob: URL for an <img> (revoke it when done). */
export async function attachmentUrl(attachmentId: string): Promise<string | null> {
  const { data } = await api
    .GET('/api/v1/attachments/{id}', {
      params: { path: { id: attachmentId } },
      parseAs: 'blob',
    })
    .catch(() => ({ data: undefined }));
  return data instanceof Blob ? URL.createObjectURL(data) : null;
}
