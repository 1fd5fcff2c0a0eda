import { Injectable } from '@nestjs/common';
import { Clock } from '@app/common';
import type { Principal } from '@app/identity';
import { CaseRecorder, type Outcome } from '@app/incidents';
import { GroupResolution } from '../groups/group-resolution';
import { CaseChanges } from './case-changes';

export interface ResolveInput {
  version: number;
  outcome: Outcome;
  summary: string;
}

/**
 * Resolving a case with an outcome and a summary shared with the family (and,
 * for the primary case of a group of related reports, every open member).
 */
@Injectable()
export class ResolveService {
  constructor(
    private readonly changes: CaseChanges,
    private readonly recorder: CaseRecorder,
    private readonly clock: Clock,
    private readonly groups: GroupResolution,
  ) {}

  resolve(principal: Principal, incidentId: string, input: ResolveInput) {
    return this.changes.change(principal, incidentId, input.version, async (manager, incident) => {
      const status = this.changes.advance(incident.status, 'resolve');
      const resolvedAt = this.clock.now();
      await this.changes.apply(manager, incident, {
        status,
        resolvedAt,
        outcome: input.outcome,
        resolutionSummary: input.summary,
      });
      await this.recorder.record(manager, {
        incident,
        actorId: principal.id,
        event: {
          type: 'resolved',
          visibility: 'shared',
          data: { outcome: input.outcome, summary: input.summary },
        },
        audit: { action: 'incident.resolved', details: { outcome: input.outcome } },
        notice: {
          type: 'resolved',
          to: [{ kind: 'family' }],
          payload: { outcome: input.outcome },
        },
      });
      // The primary case of a group resolves its open members with it.
      await this.groups.resolveMembers(manager, incident, principal.id, { ...input, resolvedAt });
    });
  }
}
