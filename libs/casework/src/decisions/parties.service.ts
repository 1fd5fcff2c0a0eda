import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, RuleViolationError } from '@app/common';
import { DirectoryService, type Principal } from '@app/identity';
import {
  CaseRecorder,
  Incident,
  IncidentParty,
  TargetFamilies,
  type PartyRole,
  type StaffIncidentView,
} from '@app/incidents';
import { EntityManager } from 'typeorm';
import { staffActions } from '../workflow/staff-actions';
import { CaseChanges } from './case-changes';

/** A party as the timeline records it before and after a change. */
export interface PartyRecord {
  id: string;
  role: PartyRole;
  studentId: string | null;
  name: string | null;
  note: string | null;
}

export interface AddPartyInput {
  version: number;
  role: PartyRole;
  studentId?: string | null;
  name?: string | null;
  note?: string | null;
  reason: string;
}

/** Only what is sent changes; `null` clears the student link, the name or the note. */
export interface ChangePartyInput {
  version: number;
  role?: PartyRole;
  studentId?: string | null;
  name?: string | null;
  note?: string | null;
  reason: string;
}

export interface RemovePartyInput {
  version: number;
  reason: string;
}

const recordOf = (party: IncidentParty): PartyRecord => ({
  id: party.id,
  role: party.role,
  studentId: party.studentId,
  name: party.name,
  note: party.note,
});

/**
 * Staff correct who a report involves after filing: add a child, change one
 * (role, student record, name, note) or remove one, each with a reason. Each
 * change is a decision like triage: the version the caller read (409 when
 * stale), not on a closed case (409), an internal timeline entry with the
 * reason and the party before and after, an audit entry, in one transaction
 * with the version bump. A child linked as a target has their family told
 * (`TargetFamilies`, once per case).
 */
@Injectable()
export class PartiesService {
  constructor(
    private readonly changes: CaseChanges,
    private readonly recorder: CaseRecorder,
    private readonly directory: DirectoryService,
    private readonly targetFamilies: TargetFamilies,
  ) {}

  add(principal: Principal, incidentId: string, input: AddPartyInput): Promise<StaffIncidentView> {
    return this.changes.change(principal, incidentId, input.version, async (manager, incident) => {
      this.requireOpen(incident);
      const party = {
        role: input.role,
        studentId: input.studentId ?? null,
        name: input.name ?? null,
        note: input.note ?? null,
      };
      await this.requireValid(manager, incident, party);
      const saved = await manager.getRepository(IncidentParty).save(
        manager.getRepository(IncidentParty).create({
          incidentId: incident.id,
          schoolId: incident.schoolId,
          ...party,
        }),
      );
      const after = recordOf(saved);
      await this.record(manager, incident, principal.id, 'party_added', input.reason, {
        after,
      });
      await this.targetFamilies.tell(manager, incident, [after], principal.id);
    });
  }

  change(
    principal: Principal,
    incidentId: string,
    partyId: string,
    input: ChangePartyInput,
  ): Promise<StaffIncidentView> {
    return this.changes.change(principal, incidentId, input.version, async (manager, incident) => {
      this.requireOpen(incident);
      const party = await this.partyOf(manager, incident, partyId);
      const before = recordOf(party);
      const after: PartyRecord = {
        id: party.id,
        role: input.role ?? party.role,
        studentId: input.studentId === undefined ? party.studentId : input.studentId,
        name: input.name === undefined ? party.name : input.name,
        note: input.note === undefined ? party.note : input.note,
      };
      if (
        after.role === before.role &&
        after.studentId === before.studentId &&
        after.name === before.name &&
        after.note === before.note
      ) {
        throw new RuleViolationError('Nothing to change: send the fields that change');
      }
      // A student already on the case in that record was checked when linked; a new one is checked now.
      await this.requireValid(manager, incident, after, after.studentId !== before.studentId);
      await manager.getRepository(IncidentParty).update(
        { id: party.id },
        {
          role: after.role,
          studentId: after.studentId,
          name: after.name,
          note: after.note,
        },
      );
      await this.record(manager, incident, principal.id, 'party_changed', input.reason, {
        before,
        after,
      });
      await this.targetFamilies.tell(manager, incident, [after], principal.id);
    });
  }

  remove(
    principal: Principal,
    incidentId: string,
    partyId: string,
    input: RemovePartyInput,
  ): Promise<StaffIncidentView> {
    return this.changes.change(principal, incidentId, input.version, async (manager, incident) => {
      this.requireOpen(incident);
      const party = await this.partyOf(manager, incident, partyId);
      await manager.getRepository(IncidentParty).delete({ id: party.id });
      await this.record(manager, incident, principal.id, 'party_removed', input.reason, {
        before: recordOf(party),
      });
    });
  }

  /** Parties are corrected on any case but a closed one (closed is final). */
  private requireOpen(incident: Incident): void {
    if (!staffActions(incident.status).includes('change_parties')) {
      throw new ConflictError(
        `The parties of an incident that is ${incident.status} cannot change (closed is final): file a new report`,
      );
    }
  }

  /** A party of this incident, or 404 (as any id out of reach). */
  private async partyOf(
    manager: EntityManager,
    incident: Incident,
    partyId: string,
  ): Promise<IncidentParty> {
    const party = await manager
      .getRepository(IncidentParty)
      .findOneBy({ id: partyId, incidentId: incident.id });
    if (!party) throw new NotFoundError('Party not found');
    return party;
  }

  private async requireValid(
    manager: EntityManager,
    incident: Incident,
    party: Omit<PartyRecord, 'id'>,
    checkStudent = true,
  ): Promise<void> {
    if (!party.studentId && !party.name)
      throw new RuleViolationError('A party needs a studentId or a name');
    if (
      party.studentId &&
      checkStudent &&
      !(await this.directory.isStudentOf(incident.schoolId, party.studentId, manager))
    ) {
      throw new RuleViolationError('studentId must be a student of the school');
    }
  }

  private async record(
    manager: EntityManager,
    incident: Incident,
    actorId: string,
    type: 'party_added' | 'party_changed' | 'party_removed',
    reason: string,
    parties: { before?: PartyRecord; after?: PartyRecord },
  ): Promise<void> {
    await this.changes.apply(manager, incident, {});
    const partyId = (parties.after ?? parties.before)!.id;
    // The timeline names the linked students as they were called then (staff only).
    const names = await this.directory.names(
      [parties.before?.studentId ?? null, parties.after?.studentId ?? null],
      manager,
    );
    const named = (party?: PartyRecord) =>
      party && {
        ...party,
        studentName: party.studentId ? (names.get(party.studentId)?.displayName ?? null) : null,
      };
    const shown = {
      ...(parties.before ? { before: named(parties.before) } : {}),
      ...(parties.after ? { after: named(parties.after) } : {}),
    };
    await this.recorder.record(manager, {
      incident,
      actorId,
      event: { type, visibility: 'internal', data: { partyId, reason, ...shown } },
      audit: {
        action: `incident.${type}`,
        details: { partyId, reason, ...parties },
      },
    });
  }
}
