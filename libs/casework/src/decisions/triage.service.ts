import { Injectable } from '@nestjs/common';
import { RuleViolationError } from '@app/common';
import { DirectoryService, type Principal } from '@app/identity';
import {
  CaseRecorder,
  Incident,
  IncidentParty,
  TargetFamilies,
  type Category,
  type Severity,
  type StaffIncidentView,
} from '@app/incidents';
import { EntityManager } from 'typeorm';
import { CaseChanges, type Changes } from './case-changes';

export interface TriageInput {
  version: number;
  severity: Severity;
  category?: Category;
  assigneeId?: string;
  partyLinks?: { partyId: string; studentId: string }[];
}

/** Triage: severity, category, assignee and student links; submitted -> triaged. */
@Injectable()
export class TriageService {
  constructor(
    private readonly changes: CaseChanges,
    private readonly recorder: CaseRecorder,
    private readonly directory: DirectoryService,
    private readonly targetFamilies: TargetFamilies,
  ) {}

  triage(principal: Principal, incidentId: string, input: TriageInput): Promise<StaffIncidentView> {
    return this.changes.change(principal, incidentId, input.version, async (manager, incident) => {
      const status = this.changes.advance(incident.status, 'triage');
      if (input.assigneeId)
        await this.changes.requireAssignable(manager, incident.schoolId, input.assigneeId);
      for (const link of input.partyLinks ?? [])
        await this.link(manager, incident, link, principal.id);
      const changes: Changes = { status, severity: input.severity };
      if (input.category) changes.category = input.category;
      if (input.assigneeId) changes.assigneeId = input.assigneeId;
      await this.changes.apply(manager, incident, changes);
      await this.changes.statusChanged(manager, incident, principal.id, status);
      await this.recorder.record(manager, {
        incident,
        actorId: principal.id,
        event: {
          type: 'triaged',
          visibility: 'internal',
          data: { severity: input.severity, category: changes.category ?? incident.category },
        },
        audit: { action: 'incident.triaged', details: { ...input } },
      });
      if (input.assigneeId)
        await this.changes.assigned(manager, incident, principal.id, input.assigneeId);
    });
  }

  private async link(
    manager: EntityManager,
    incident: Incident,
    link: { partyId: string; studentId: string },
    actorId: string,
  ): Promise<void> {
    if (!(await this.directory.isStudentOf(incident.schoolId, link.studentId, manager)))
      throw new RuleViolationError('partyLinks.studentId must be a student of the school');
    const parties = manager.getRepository(IncidentParty);
    const party = await parties.findOneBy({ id: link.partyId, incidentId: incident.id });
    if (!party) throw new RuleViolationError('partyLinks.partyId must be a party of this incident');
    await parties.update({ id: party.id }, { studentId: link.studentId });
    await this.recorder.record(manager, {
      incident,
      actorId,
      event: { type: 'party_linked', visibility: 'internal', data: link },
    });
    // A name linked to a child as a target: the child's family hears of the report (once).
    await this.targetFamilies.tell(
      manager,
      incident,
      [{ role: party.role, studentId: link.studentId }],
      actorId,
    );
  }
}
