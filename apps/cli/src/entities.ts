import { auditEntities } from '@app/audit';
import { caseworkEntities } from '@app/casework';
import { identityEntities } from '@app/identity';
import { incidentEntities } from '@app/incidents';
import { notificationEntities } from '@app/notifications';

/** Every entity of every library: what migrations must match. */
export const allEntities = [
  ...identityEntities,
  ...incidentEntities,
  ...caseworkEntities,
  ...auditEntities,
  ...notificationEntities,
];
