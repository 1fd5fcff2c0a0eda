import { AnonymousAccess } from './anonymous-access.entity';
import { Attachment } from './attachment.entity';
import { CaseGroup } from './case-group.entity';
import { DangerTermRow } from './danger-term.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import { IncidentCounter } from './incident-counter.entity';
import { IncidentEvent } from './incident-event.entity';
import { IncidentParty } from './incident-party.entity';
import { Incident } from './incident.entity';
import { Message } from './message.entity';
import { OutcomeNotice } from './outcome-notice.entity';

export {
  AnonymousAccess,
  Attachment,
  CaseGroup,
  DangerTermRow,
  IdempotencyKey,
  Incident,
  IncidentCounter,
  IncidentEvent,
  IncidentParty,
  Message,
  OutcomeNotice,
};
export * from './incident-event.entity';
export * from './message.entity';

export const incidentEntities = [
  Incident,
  IncidentParty,
  IncidentEvent,
  IncidentCounter,
  Message,
  Attachment,
  AnonymousAccess,
  IdempotencyKey,
  OutcomeNotice,
  CaseGroup,
  DangerTermRow,
];
