import { identityEntities } from '@app/identity';
import { incidentEntities } from '@app/incidents';

/** Every entity of every library: what migrations must match. */
export const allEntities = [...identityEntities, ...incidentEntities];
