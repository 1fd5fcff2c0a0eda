import { identityEntities } from '@app/identity';

/** Every entity of every library: what migrations must match. */
export const allEntities = [...identityEntities];
