import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@app/common';
import { CaseRecorder } from '@app/incidents';
import { DataSource } from 'typeorm';
import { followUpReminderDue } from './reminder-due';

interface Candidate {
  id: string;
  incident_id: string;
  school_id: string;
  owner_id: string;
  type: string;
  scheduled_for: string;
  time_zone: string;
}

/**
 * Reminds the owner of each planned follow-up on its day's morning (see
 * `followUpReminderDue`), in the app and by e-mail through the outbox, once:
 * `reminded_at` is set in the same transaction as the notice, and several
 * workers claim follow-ups with SKIP LOCKED.
 */
@Injectable()
export class FollowUpReminders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly clock: Clock,
  ) {}

  /** Returns how many owners it reminded. */
  scan(): Promise<number> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      // A day's margin either side of UTC covers every time zone; the rule decides exactly.
      const candidates = await manager.query<Candidate[]>(
        `SELECT a.id, a.incident_id, a.school_id, a.owner_id, a.type,
                a.scheduled_for::text AS scheduled_for, s.time_zone
           FROM incident_actions a JOIN schools s ON s.id = a.school_id
          WHERE a.status = 'planned' AND a.reminded_at IS NULL
            AND a.scheduled_for <= ($1::timestamptz AT TIME ZONE 'UTC')::date + 1
          ORDER BY a.scheduled_for, a.id
          LIMIT 200
          FOR UPDATE OF a SKIP LOCKED`,
        [now],
      );
      const due = candidates.filter((row) =>
        followUpReminderDue(
          { status: 'planned', scheduledFor: row.scheduled_for, remindedAt: null },
          now,
          row.time_zone,
        ),
      );
      for (const row of due) {
        await manager.query('UPDATE incident_actions SET reminded_at = $2 WHERE id = $1', [
          row.id,
          now,
        ]);
        await this.recorder.record(manager, {
          incident: { id: row.incident_id, schoolId: row.school_id },
          actorId: null,
          event: {
            type: 'follow_up_due',
            visibility: 'internal',
            data: {
              actionId: row.id,
              type: row.type,
              scheduledFor: row.scheduled_for,
              ownerId: row.owner_id,
            },
          },
          notice: {
            type: 'follow_up_due',
            to: [{ kind: 'user', userId: row.owner_id }],
            payload: { actionId: row.id, dueAt: row.scheduled_for },
          },
        });
      }
      return due.length;
    });
  }
}
