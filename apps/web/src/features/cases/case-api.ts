import { api, MISSING_STATUSES, type Schemas } from '../../lib/api-client';
import type { Message } from '../messages/MessageList';

export type { Message };

export type CaseView =
  | Schemas['StaffIncidentView']
  | Schemas['ReporterIncidentView']
  | Schemas['FamilyIncidentView']
  | Schemas['InvolvedFamilyIncidentView'];
export type Attachment = Schemas['AttachmentView'];
export type TimelineEntry = Schemas['SharedTimelineEntry'];

/** A case the caller may not see answers like one that does not exist. */
export type CaseAnswer =
  { kind: 'found'; view: CaseView } | { kind: 'missing' } | { kind: 'failed' };

export async function loadCase(id: string): Promise<CaseAnswer> {
  try {
    const { data, response } = await api.GET('/api/v1/incidents/{id}', {
      params: { path: { id } },
    });
    if (data) return { kind: 'found', view: data };
    return MISSING_STATUSES.includes(response.status) ? { kind: 'missing' } : { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}

/** The caller's whole thread, oldest first (the server pages it towards the newest). */
export async function loadThread(id: string): Promise<Message[] | null> {
  const messages: Message[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const { data } = await api
      .GET('/api/v1/incidents/{id}/messages', {
        params: { path: { id }, query: { limit: 100, ...(cursor ? { cursor } : {}) } },
      })
      .catch(() => ({ data: undefined }));
    if (!data) return null;
    messages.push(...data.items);
    if (!data.nextCursor) break;
    cursor = data.nextCursor;
  }
  return messages;
}

/** Fetches a file with the caller's token and hands it to the browser as a download. */
export async function downloadAttachment(attachment: Attachment): Promise<boolean> {
  const { data } = await api
    .GET('/api/v1/attachments/{id}', {
      params: { path: { id: attachment.id } },
      parseAs: 'blob',
    })
    .catch(() => ({ data: undefined }));
  if (!(data instanceof Blob)) return false;
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = attachment.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
