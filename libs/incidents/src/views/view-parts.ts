import type { Attachment } from '../entities/attachment.entity';
import type { Incident } from '../entities/incident.entity';
import type { IncidentEvent } from '../entities/incident-event.entity';
import type { AttachmentView, SharedTimelineEntry } from './incident.views';

export const attachmentView = (attachment: Attachment): AttachmentView => ({
  id: attachment.id,
  fileName: attachment.fileName,
  contentType: attachment.contentType,
  size: attachment.size,
  uploadedAt: attachment.createdAt,
});

export const sharedEntry = (event: IncidentEvent): SharedTimelineEntry => ({
  type: event.type,
  at: event.createdAt,
  data: event.data,
});

/**
 * The deadline that matters now, as the queue's generated `due_at` column
 * defines it: triage while submitted, resolution while triaged or being
 * investigated, none once resolved, closed or dismissed.
 */
export const nextDeadline = (
  incident: Pick<Incident, 'status' | 'triageDueAt' | 'resolveDueAt'>,
): Date | null =>
  incident.status === 'submitted'
    ? incident.triageDueAt
    : incident.status === 'triaged' || incident.status === 'investigating'
      ? incident.resolveDueAt
      : null;
