import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseRecorder } from './case-recorder';
import { childrenToTell, type PartyForNotice } from './target-families-rule';

/**
 * The guardians of a child named as a target are told that a report concerns
 * their child (`child_named_target`): at filing, when staff link a name to the
 * child at triage, and when staff add a target or change a party into one.
 * The notice names the school and the reference only (never the report's
 * words nor other children), each guardian reads it in their own language,
 * and its delivery is on the timeline (`family_notified`). A child's family
 * is told once per case: a child counts as told once a notice for them was
 * queued (`outbox`, payload `studentId`), in the transaction of the change
 * that named them, which holds the case's lock (or created the case).
 */
@Injectable()
export class TargetFamilies {
  constructor(private readonly recorder: CaseRecorder) {}

  async tell(
    manager: EntityManager,
    incident: { id: string; schoolId: string },
    parties: readonly PartyForNotice[],
    actorId: string | null,
  ): Promise<void> {
    if (!parties.some((party) => party.role === 'target' && party.studentId)) return;
    const told = await manager.query<{ student_id: string }[]>(
      `SELECT DISTINCT payload ->> 'studentId' AS student_id FROM outbox
        WHERE incident_id = $1 AND type = 'child_named_target'`,
      [incident.id],
    );
    for (const studentId of childrenToTell(
      parties,
      told.map((row) => row.student_id),
    )) {
      await this.recorder.record(manager, {
        incident,
        actorId,
        // The school can show when and by whose change the family was told.
        audit: { action: 'incident.target_family_told', details: { studentId } },
        notice: {
          type: 'child_named_target',
          // The members of the child's family thread: their guardians.
          to: [{ kind: 'thread', threadStudentId: studentId }],
          payload: { studentId },
        },
      });
    }
  }
}
