import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectAppConfig, type AppConfig } from '@app/common';
import { CaseRecorder, OPEN_STATUSES, type RecipientRule } from '@app/incidents';
import { DataSource, EntityManager } from 'typeorm';

interface DueRow {
  incident_id: string;
  school_id: string;
  deadline: 'triage' | 'resolve';
  due_local: string;
}

const KINDS = {
  reminder: {
    /** Not yet passed, within the due-soon window. */
    upcoming: true,
    notice: 'deadline_reminder',
    event: 'deadline_reminder',
    to: [{ kind: 'assignee_or_counselors' }] as RecipientRule[],
  },
  overdue: {
    upcoming: false,
    notice: 'overdue_escalated',
    event: 'overdue_escalated',
    to: [{ kind: 'admins' }] as RecipientRule[],
  },
} as const;

/**
 * Finds open cases whose current deadline is near (within `DUE_SOON_HOURS`,
 * the caseload's "due soon") or passed, and queues one
 * reminder (to the assignee) and one overdue escalation (to the school
 * admins) per case and deadline. Safe to run from several workers at once:
 * the deadline_notices key admits each notice once.
 */
@Injectable()
export class DeadlineScanner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  /** Returns how many notices it queued. */
  scan(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      let queued = 0;
      for (const kind of ['reminder', 'overdue'] as const)
        queued += await this.queue(manager, kind);
      return queued;
    });
  }

  private async queue(manager: EntityManager, kind: keyof typeof KINDS): Promise<number> {
    const spec = KINDS[kind];
    const rows = await manager.query<DueRow[]>(
      `WITH due AS (
         INSERT INTO deadline_notices (incident_id, deadline, kind, school_id, due_at)
         SELECT id, CASE WHEN status = 'submitted' THEN 'triage' ELSE 'resolve' END, $2, school_id, due_at
           FROM incidents
          WHERE status = ANY($1) AND due_at <= now() + make_interval(hours => $3)
            AND (NOT $4 OR due_at > now())
         ON CONFLICT DO NOTHING
         RETURNING incident_id, school_id, deadline, due_at)
       SELECT due.incident_id, due.school_id, due.deadline,
              to_char(due.due_at AT TIME ZONE s.time_zone, 'YYYY-MM-DD HH24:MI') AS due_local
         FROM due JOIN schools s ON s.id = due.school_id`,
      [OPEN_STATUSES, kind, spec.upcoming ? this.config.DUE_SOON_HOURS : 0, spec.upcoming],
    );
    for (const row of rows) {
      const incident = { id: row.incident_id, schoolId: row.school_id };
      await this.recorder.record(manager, {
        incident,
        actorId: null,
        event: {
          type: spec.event,
          visibility: 'internal',
          data: { deadline: row.deadline, dueAt: row.due_local },
        },
        notice: {
          type: spec.notice,
          to: spec.to,
          payload: { deadline: row.deadline, dueAt: row.due_local },
        },
      });
    }
    return rows.length;
  }
}
