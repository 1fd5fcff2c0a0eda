import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError, RuleViolationError } from '@app/common';
import { DirectoryService, Permission, roleMay, type Principal } from '@app/identity';
import { CaseRecorder, OPEN_STATUSES } from '@app/incidents';
import { DataSource, EntityManager } from 'typeorm';

export interface ReassignInput {
  toUserId: string;
  /** Needed only when the leaver works at several schools within the caller's reach. */
  schoolId?: string;
  reason: string;
}

export interface ReassignResult {
  moved: number;
  schoolId: string;
  cases: { id: string; reference: string }[];
  followUpsMoved: number;
}

/**
 * When a caseworker leaves: every open case of theirs at one school goes to
 * another caseworker of that school, with their planned follow-ups, in one
 * transaction. Each case gets its own `assigned` timeline event, audit row
 * and notice to the new assignee, as a one-by-one assignment would.
 */
@Injectable()
export class BulkReassignService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly directory: DirectoryService,
  ) {}

  reassign(
    principal: Principal,
    fromUserId: string,
    input: ReassignInput,
  ): Promise<ReassignResult> {
    if (!roleMay(principal, Permission.CasesReassign)) throw new NotFoundError('User not found');
    return this.dataSource.transaction(async (manager) => {
      const schoolId = await this.schoolOf(manager, principal, fromUserId, input.schoolId);
      if (input.toUserId === fromUserId) {
        throw new RuleViolationError('toUserId must be someone else than the person leaving');
      }
      if (!(await this.directory.isCaseworkerOf(schoolId, input.toUserId, manager))) {
        throw new RuleViolationError(
          'toUserId must be an active counselor or administrator of the school',
        );
      }
      const cases = await manager.query<{ id: string; reference: string; school_id: string }[]>(
        `SELECT id, reference, school_id FROM incidents
          WHERE assignee_id = $1 AND school_id = $2 AND status = ANY($3)
          ORDER BY created_at, id
          FOR UPDATE`,
        [fromUserId, schoolId, OPEN_STATUSES],
      );
      const details = { fromUserId, assigneeId: input.toUserId, reason: input.reason, bulk: true };
      for (const row of cases) {
        await manager.query(
          'UPDATE incidents SET assignee_id = $2, version = version + 1 WHERE id = $1',
          [row.id, input.toUserId],
        );
        await this.recorder.record(manager, {
          incident: { id: row.id, schoolId: row.school_id },
          actorId: principal.id,
          event: { type: 'assigned', visibility: 'internal', data: details },
          audit: { action: 'incident.assigned', details },
          notice: {
            type: 'assigned',
            to: [{ kind: 'user', userId: input.toUserId }],
            payload: { assigneeId: input.toUserId },
          },
        });
      }
      const followUps = await manager.query<{ id: string; incident_id: string }[]>(
        `WITH moved AS (
           UPDATE incident_actions SET owner_id = $2
            WHERE owner_id = $1 AND school_id = $3 AND status = 'planned'
           RETURNING id, incident_id, scheduled_for)
         SELECT id, incident_id FROM moved ORDER BY scheduled_for, id`,
        [fromUserId, input.toUserId, schoolId],
      );
      for (const followUp of followUps) {
        const data = { actionId: followUp.id, fromUserId, ownerId: input.toUserId };
        await this.recorder.record(manager, {
          incident: { id: followUp.incident_id, schoolId },
          actorId: principal.id,
          event: { type: 'follow_up_reassigned', visibility: 'internal', data },
          audit: { action: 'follow_up.reassigned', details: { ...data, reason: input.reason } },
        });
      }
      return {
        moved: cases.length,
        schoolId,
        cases: cases.map((row) => ({ id: row.id, reference: row.reference })),
        followUpsMoved: followUps.length,
      };
    });
  }

  /**
   * The school whose cases move: the one asked for, or the leaver's only school
   * within the caller's reach. A leaver or school out of reach is a 404.
   */
  private async schoolOf(
    manager: EntityManager,
    principal: Principal,
    fromUserId: string,
    schoolId: string | undefined,
  ): Promise<string> {
    const district = principal.role === 'district_admin';
    // Their schools, and those where cases are still theirs (a membership may be gone already).
    const rows = await manager.query<{ school_id: string }[]>(
      `SELECT DISTINCT x.school_id
         FROM (SELECT school_id FROM school_memberships WHERE user_id = $1
               UNION SELECT school_id FROM incidents WHERE assignee_id = $1 AND status = ANY($6)) x
         JOIN schools s ON s.id = x.school_id
         JOIN users u ON u.id = $1
        WHERE s.district_id = $2 AND u.district_id = $2 AND u.role <> 'district_admin'
          AND ($3 OR x.school_id = ANY($4::uuid[]))
          AND ($5::uuid IS NULL OR x.school_id = $5)
        ORDER BY x.school_id`,
      [
        fromUserId,
        principal.districtId,
        district,
        principal.schoolIds,
        schoolId ?? null,
        OPEN_STATUSES,
      ],
    );
    if (rows.length === 0) {
      throw new NotFoundError(schoolId ? 'User not found at that school' : 'User not found');
    }
    if (rows.length > 1) {
      throw new RuleViolationError(
        'schoolId is required: this person works at several schools within your reach',
      );
    }
    return rows[0].school_id;
  }
}
