import { api, type Schemas } from '../../lib/api-client';
import { outcomeOf } from './casework-api';

export type PartyRole = Schemas['PartyRole'];
export const PARTY_ROLES: PartyRole[] = ['target', 'aggressor', 'witness'];

const party = (id: string, partyId: string) => ({ params: { path: { id, partyId } } });

/** Corrections of a case: each needs the version read and a reason, and answers the staff view. */
export const correct = {
  addParty: (
    id: string,
    body: {
      version: number;
      role: PartyRole;
      studentId?: string;
      name?: string;
      note?: string;
      reason: string;
    },
  ) => outcomeOf(api.POST('/api/v1/incidents/{id}/parties', { params: { path: { id } }, body })),
  changeParty: (
    id: string,
    partyId: string,
    body: {
      version: number;
      role?: PartyRole;
      studentId?: string | null;
      name?: string | null;
      note?: string | null;
      reason: string;
    },
  ) =>
    outcomeOf(
      api.PATCH('/api/v1/incidents/{id}/parties/{partyId}', { ...party(id, partyId), body }),
    ),
  removeParty: (id: string, partyId: string, body: { version: number; reason: string }) =>
    outcomeOf(
      api.POST('/api/v1/incidents/{id}/parties/{partyId}/remove', { ...party(id, partyId), body }),
    ),
  severity: (
    id: string,
    body: { version: number; severity: Schemas['Severity']; reason: string },
  ) => outcomeOf(api.POST('/api/v1/incidents/{id}/severity', { params: { path: { id } }, body })),
};
