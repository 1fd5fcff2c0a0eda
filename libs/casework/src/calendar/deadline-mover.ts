import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { localDate, movedDeadline } from '@app/common';
import { toSchoolCalendar, type SchoolCalendarRecord } from '@app/identity';
import { EntityManager } from 'typeorm';

/** Why the deadlines moved, as the timeline and the audit tell it. */
export interface CalendarChange {
  /**
   * `day_off_added`, `day_off_removed`, `year_changed`, or a change of the
   * school's own settings: `time_zone_changed` (perhaps with its holidays) or
   * `holidays_changed`.
   */
  kind:
    'day_off_added' | 'day_off_removed' | 'year_changed' | 'time_zone_changed' | 'holidays_changed';
  /** In plain words, e.g. `Day off added: Snow day`. */
  reason: string;
  dayOff?: { name: string; from: string; to: string; districtWide: boolean };
  year?: { startsOn: string; endsOn: string; nextStartsOn: string | null };
  timeZone?: { from: string; to: string };
  /** The single days of the `holidays` list that came and went. */
  holidays?: { added: string[]; removed: string[] };
  /** The first day the change touches (`YYYY-MM-DD`): deadlines before it cannot move. */
  since: string | null;
}

interface Candidate {
  id: string;
  school_id: string;
  status: string;
  triage_due_at: Date;
  resolve_due_at: Date;
  triage_from: Date;
  resolve_from: Date;
}

interface Move {
  id: string;
  schoolId: string;
  triage: { from: Date; to: Date } | null;
  resolve: { from: Date; to: Date } | null;
}

/**
 * Counts the deadlines of the open cases again after a change of calendar,
 * with the caller's transaction, so that the change and every moved deadline
 * commit together. A deadline is counted from where it was counted (the
 * filing, or the reopening that counted it again) with the same number of
 * school days as before, on the new calendar. Triage deadlines move while a
 * case waits for triage, resolution deadlines while it is open; resolved,
 * dismissed and closed cases are left alone. Each moved case gets its version
 * bumped, a shared `deadline_moved` timeline entry (families are told their
 * deadlines, so they see it), an audit entry, and forgets the reminders and
 * overdue notices of the old deadline so they come again for the new one.
 * Four statements whatever the number of cases.
 */
@Injectable()
export class DeadlineMover {
  constructor(private readonly audit: AuditService) {}

  async move(
    manager: EntityManager,
    before: Map<string, SchoolCalendarRecord>,
    after: Map<string, SchoolCalendarRecord>,
    change: CalendarChange,
    actorId: string,
  ): Promise<number> {
    const schoolIds = [...after.keys()];
    if (schoolIds.length === 0) return 0;
    // A day before the change in every time zone: deadlines ending earlier cannot move.
    const since = change.since
      ? new Date(Date.parse(`${change.since}T00:00:00Z`) - 86_400_000)
      : null;
    const candidates = await manager.query<Candidate[]>(
      `SELECT i.id, i.school_id, i.status, i.triage_due_at, i.resolve_due_at,
              COALESCE(r.triage_from, i.created_at) AS triage_from,
              COALESCE(r.resolve_from, i.created_at) AS resolve_from
         FROM incidents i
         LEFT JOIN LATERAL (
              SELECT max(e.created_at) FILTER (WHERE e.data ? 'triageDueAt') AS triage_from,
                     max(e.created_at) AS resolve_from
                FROM incident_events e
               WHERE e.incident_id = i.id AND e.type = 'reopened') r ON true
        WHERE i.school_id = ANY($1)
          AND i.status IN ('submitted', 'triaged', 'investigating')
          AND ($2::timestamptz IS NULL
               OR i.resolve_due_at >= $2
               OR (i.status = 'submitted' AND i.triage_due_at >= $2))
        FOR UPDATE OF i`,
      [schoolIds, since],
    );
    const moves: Move[] = [];
    // A deadline depends only on the day it is counted from: cases filed the
    // same day share their answer, which keeps hundreds of cases cheap.
    const answers = new Map<string, Date | null>();
    for (const row of candidates) {
      const old = before.get(row.school_id);
      const now = after.get(row.school_id);
      if (!old || !now) continue;
      const [oldCalendar, newCalendar] = [toSchoolCalendar(old), toSchoolCalendar(now)];
      const recount = (from: Date, due: Date, days: number) => {
        // Both days of `from`: the old calendar's and the new one's differ when the time zone does.
        const day = `${localDate(from, old.timeZone)}|${localDate(from, now.timeZone)}`;
        const key = `${row.school_id}|${day}|${due.getTime()}|${days}`;
        let moved = answers.get(key);
        if (moved === undefined) {
          try {
            moved = movedDeadline(from, due, days, oldCalendar, newCalendar);
          } catch (error) {
            if (!(error instanceof RangeError)) throw error;
            moved = null; // a calendar with no school day left: leave the deadline
          }
          answers.set(key, moved);
        }
        return moved && moved.getTime() !== due.getTime() ? { from: due, to: moved } : null;
      };
      const triage =
        row.status === 'submitted'
          ? recount(row.triage_from, row.triage_due_at, now.triageSchoolDays)
          : null;
      const resolve = recount(row.resolve_from, row.resolve_due_at, now.resolveSchoolDays);
      if (triage || resolve) moves.push({ id: row.id, schoolId: row.school_id, triage, resolve });
    }
    if (moves.length === 0) return 0;

    const ids = moves.map((m) => m.id);
    const triageTo = moves.map((m) => m.triage?.to ?? null);
    const resolveTo = moves.map((m) => m.resolve?.to ?? null);
    const eventData = moves.map((m) =>
      JSON.stringify({
        reason: change.reason,
        change: change.kind,
        ...(change.dayOff ? { dayOff: change.dayOff } : {}),
        ...(change.year ? { year: change.year } : {}),
        ...(change.timeZone ? { timeZone: change.timeZone } : {}),
        ...(change.holidays ? { holidays: change.holidays } : {}),
        ...(m.triage ? { triageDueAt: m.triage } : {}),
        ...(m.resolve ? { resolveDueAt: m.resolve } : {}),
      }),
    );
    await manager.query(
      `WITH moved AS (
         SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::jsonb[])
                  AS m(id, triage_to, resolve_to, data)
       ), changed AS (
         UPDATE incidents i
            SET triage_due_at = COALESCE(m.triage_to, i.triage_due_at),
                resolve_due_at = COALESCE(m.resolve_to, i.resolve_due_at),
                version = i.version + 1,
                updated_at = now()
           FROM moved m
          WHERE i.id = m.id
         RETURNING i.id, i.school_id, m.data
       ), events AS (
         INSERT INTO incident_events (incident_id, school_id, type, actor_id, visibility, data)
         SELECT c.id, c.school_id, 'deadline_moved', $5::uuid, 'shared', c.data FROM changed c
       ), forgotten AS (
         DELETE FROM deadline_notices n
          USING moved m
          WHERE n.incident_id = m.id
            AND ((n.deadline = 'triage' AND m.triage_to IS NOT NULL)
                 OR (n.deadline = 'resolve' AND m.resolve_to IS NOT NULL))
       )
       INSERT INTO audit_log (school_id, incident_id, actor_id, action, request_id, details)
       SELECT c.school_id, c.id, $5::uuid, 'incident.deadline_moved', $6, c.data FROM changed c`,
      [ids, triageTo, resolveTo, eventData, actorId, this.audit.currentRequestId()],
    );
    return moves.length;
  }
}
