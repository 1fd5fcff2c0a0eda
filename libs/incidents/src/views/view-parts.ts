import type { Attachment } from '../entities/attachment.entity';
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
