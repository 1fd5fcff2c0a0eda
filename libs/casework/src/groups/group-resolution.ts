import { Injectable } from '@nestjs/common';
import { CaseGroup, CaseRecorder, Incident, OPEN_STATUSES, type Outcome } from '@app/incidents';
import { EntityManager } from 'typeorm';

/**
 * The one decision a group shares: resolving its primary case resolves every
 * open member with the same outcome and summary, in the same transaction.
 * Each member gets its own `resolved` event (shown to its own reporter and
 * family, with nothing about the group), audit entry and notice to its own
 * family. Every other step (triage, start, assign, dismiss, close, reopen)
 * stays with the case it is taken on.
 */
@Injectable()
export class GroupResolution {
  constructor(private readonly recorder: CaseRecorder) {}

  async resolveMembers(
    manager: EntityManager,
    primary: Pick<Incident, 'id' | 'caseGroupId'>,
    actorId: string,
    resolution: { outcome: Outcome; summary: string; resolvedAt: Date },
  ): Promise<number> {
    if (!primary.caseGroupId) return 0;
    const group = await manager
      .getRepository(CaseGroup)
      .findOneBy({ id: primary.caseGroupId, primaryIncidentId: primary.id });
    if (!group) return 0;
    const members = await manager.query<
      { id: string; school_id: string; severity: string | null }[]
    >(
      `SELECT id, school_id, severity FROM incidents
        WHERE case_group_id = $1 AND id <> $2 AND status = ANY($3::varchar[])
        ORDER BY id FOR UPDATE`,
      [group.id, primary.id, OPEN_STATUSES],
    );
    if (members.length === 0) return 0;
    await manager.query(
      `UPDATE incidents
          SET status = 'resolved', resolved_at = $2, outcome = $3, resolution_summary = $4,
              version = version + 1, updated_at = now()
        WHERE id = ANY($1)`,
      [
        members.map((member) => member.id),
        resolution.resolvedAt,
        resolution.outcome,
        resolution.summary,
      ],
    );
    for (const member of members) {
      await this.recorder.record(manager, {
        incident: { id: member.id, schoolId: member.school_id, severity: member.severity },
        actorId,
        event: {
          type: 'resolved',
          visibility: 'shared',
          data: { outcome: resolution.outcome, summary: resolution.summary },
        },
        audit: {
          action: 'incident.resolved',
          details: {
            outcome: resolution.outcome,
            groupId: group.id,
            primaryIncidentId: primary.id,
          },
        },
        notice: {
          type: 'resolved',
          to: [{ kind: 'family' }],
          payload: { outcome: resolution.outcome },
        },
      });
    }
    return members.length;
  }
}
