import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@app/audit';
import { decodeCursor, NotFoundError, type Page, toPage } from '@app/common';
import {
  AccessService,
  DirectoryService,
  Permission,
  type Principal,
  type SchoolScope,
} from '@app/identity';
import {
  REPEAT_WINDOW_DAYS,
  studentInvolvement,
  type Category,
  type PartyRole,
  type Severity,
  type Status,
} from '@app/incidents';
import { DataSource, EntityManager } from 'typeorm';
import type { ActionType } from './entities/incident-action.entity';

export interface ChronologyEntry {
  incidentId: string;
  reference: string;
  roles: PartyRole[];
  status: Status;
  severity: Severity | null;
  category: Category;
  occurredAt: Date;
  createdAt: Date;
  /** What the school did about it, oldest first. */
  interventions: { type: ActionType; takenAt: string }[];
}

/** The student's involvement over the repeat window, whatever page is shown. */
export interface RepeatSummary {
  windowDays: number;
  incidentsAsTarget: number;
  incidentsAsAggressor: number;
  /** A target in more than one incident of the window. */
  repeatTarget: boolean;
  /** An aggressor in more than one incident of the window. */
  repeatAggressor: boolean;
}

export interface Chronology extends Page<ChronologyEntry> {
  repeat: RepeatSummary;
}

type Row = ChronologyEntry & { cursorAt: string };

/**
 * Every incident a student is involved in (`studentInvolvement`: linked as a
 * party, or the target of a report of their own), for the staff of their
 * school, newest occurrence first in keyset pages: patterns show up here.
 */
@Injectable()
export class ChronologyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly directory: DirectoryService,
  ) {}

  async forStudent(
    scope: SchoolScope,
    principal: Principal,
    studentId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Chronology> {
    const after = page.cursor ? decodeCursor(page.cursor, 2) : undefined;
    const reach = await this.access.allowed(principal, Permission.StudentHistory, [studentId]);
    const schoolId = reach.has(studentId)
      ? await this.directory.schoolOfStudent(scope, studentId)
      : undefined;
    if (!schoolId) throw new NotFoundError('Student not found');
    return this.dataSource.transaction(async (manager) => {
      await this.audit.record(manager, {
        schoolId,
        actorId: principal.id,
        action: 'student.chronology_viewed',
        details: { studentId },
      });
      const rows = await manager.query<Row[]>(
        `SELECT i.id AS "incidentId", i.reference, i.status, i.severity, i.category,
                i.occurred_at AS "occurredAt", i.created_at AS "createdAt",
                i.occurred_at::text AS "cursorAt",
                array_agg(DISTINCT v.role ORDER BY v.role) AS roles,
                (SELECT coalesce(json_agg(json_build_object('type', a.type, 'takenAt', a.taken_at)
                                          ORDER BY a.taken_at, a.id), '[]')
                   FROM incident_actions a WHERE a.incident_id = i.id AND a.status = 'done') AS interventions
           FROM ${studentInvolvement('ARRAY[$1::uuid]')} v JOIN incidents i ON i.id = v.incident_id
          WHERE i.school_id = ANY($2)
            AND ($4::timestamptz IS NULL OR (i.occurred_at, i.id) < ($4::timestamptz, $5::uuid))
          GROUP BY i.id
          ORDER BY i.occurred_at DESC, i.id DESC
          LIMIT $3`,
        [studentId, scope.schoolIds, page.limit + 1, after?.[0] ?? null, after?.[1] ?? null],
      );
      const entries = toPage(
        rows,
        page.limit,
        ({ cursorAt: _cursorAt, ...entry }) => entry,
        (row) => [row.cursorAt, row.incidentId],
      );
      return { ...entries, repeat: await this.repeatSummary(manager, scope, studentId) };
    });
  }

  private async repeatSummary(
    manager: EntityManager,
    scope: SchoolScope,
    studentId: string,
  ): Promise<RepeatSummary> {
    const [row] = await manager.query<{ target: number; aggressor: number }[]>(
      `SELECT count(DISTINCT v.incident_id) FILTER (WHERE v.role = 'target')::int AS target,
              count(DISTINCT v.incident_id) FILTER (WHERE v.role = 'aggressor')::int AS aggressor
         FROM ${studentInvolvement('ARRAY[$1::uuid]')} v JOIN incidents i ON i.id = v.incident_id
        WHERE i.school_id = ANY($2)
          AND i.occurred_at > now() - make_interval(days => $3)`,
      [studentId, scope.schoolIds, REPEAT_WINDOW_DAYS],
    );
    return {
      windowDays: REPEAT_WINDOW_DAYS,
      incidentsAsTarget: row.target,
      incidentsAsAggressor: row.aggressor,
      repeatTarget: row.target > 1,
      repeatAggressor: row.aggressor > 1,
    };
  }
}
