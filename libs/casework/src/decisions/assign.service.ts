import { Injectable } from '@nestjs/common';
import { ConflictError } from '@app/common';
import type { Principal } from '@app/identity';
import { CaseChanges } from './case-changes';

/** Giving a case to a counselor or administrator of its school. */
@Injectable()
export class AssignService {
  constructor(private readonly changes: CaseChanges) {}

  assign(principal: Principal, incidentId: string, version: number, assigneeId: string) {
    return this.changes.change(principal, incidentId, version, async (manager, incident) => {
      if (incident.status === 'closed') {
        throw new ConflictError(
          'A closed incident cannot be assigned; reopen is not possible for closed cases',
        );
      }
      await this.changes.requireAssignable(manager, incident.schoolId, assigneeId);
      await this.changes.apply(manager, incident, { assigneeId });
      await this.changes.assigned(manager, incident, principal.id, assigneeId);
    });
  }
}
