import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Permission, type Principal } from '@app/identity';
import {
  IncidentAccessService,
  OPEN_STATUSES,
  type Location,
  type ReporterKind,
  type Status,
} from '@app/incidents';
import { DataSource } from 'typeorm';
import { rankRelated, RELATED_WINDOW_DAYS, type RelatedSignals } from './related-score';

/** A report that is likely about the same thing, with why and how likely. */
export interface RelatedSuggestion {
  id: string;
  reference: string;
  status: Status;
  reporterKind: ReporterKind;
  location: Location;
  occurredAt: Date;
  createdAt: Date;
  /** In a group already (linking it brings its whole group along). */
  grouped: boolean;
  score: number;
  reasons: RelatedSignals;
}

/** At most this many suggestions. */
export const SUGGESTIONS_LIMIT = 50;
/** Wording this similar counts even when nothing else matches. */
const SIMILAR_TEXT = 0.3;

interface Row {
  id: string;
  reference: string;
  status: Status;
  reporter_kind: ReporterKind;
  location: Location;
  occurred_at: Date;
  created_at: Date;
  grouped: boolean;
  shared_students: number;
  same_location: boolean;
  days_apart: number;
  text_similarity: number;
}

/**
 * Likely related open reports of the same school, for the counselor looking
 * at a case. Only the school's open reports are read (the queue index on
 * school and status), so the cost grows with one school's open caseload,
 * never with all incidents; the measures are computed in PostgreSQL
 * (`similarity()` from pg_trgm) and ranked by `relatedScore`.
 */
@Injectable()
export class RelatedSuggestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccessService,
  ) {}

  async suggestions(principal: Principal, incidentId: string): Promise<RelatedSuggestion[]> {
    await this.access.require({ principal, permission: Permission.IncidentDecide, incidentId });
    const rows = await this.dataSource.query<Row[]>(SUGGESTIONS_SQL, [
      incidentId,
      OPEN_STATUSES,
      RELATED_WINDOW_DAYS,
      SIMILAR_TEXT,
    ]);
    const ranked = rankRelated(
      rows.map((row) => ({
        row,
        signals: {
          sharedStudents: Number(row.shared_students),
          sameLocation: row.same_location,
          daysApart: Math.round(Number(row.days_apart) * 10) / 10,
          textSimilarity: Math.round(Number(row.text_similarity) * 100) / 100,
        },
      })),
      SUGGESTIONS_LIMIT,
    );
    return ranked.map(({ row, signals, score }) => ({
      id: row.id,
      reference: row.reference,
      status: row.status,
      reporterKind: row.reporter_kind,
      location: row.location,
      occurredAt: row.occurred_at,
      createdAt: row.created_at,
      grouped: row.grouped,
      score,
      reasons: signals,
    }));
  }
}

/**
 * $1 the case, $2 the open statuses, $3 the window in days, $4 the text
 * similarity that counts alone. Candidates: the school's other open reports
 * outside the case's group that share a student, fall within the window or
 * read alike.
 */
export const SUGGESTIONS_SQL = `
  WITH me AS (
    SELECT id, case_group_id, location, occurred_at, created_at, description
      FROM incidents WHERE id = $1
  ), shared AS (
    SELECT p.incident_id, count(DISTINCT p.student_id)::int AS students
      FROM incident_parties p
     WHERE p.student_id IN (
             SELECT student_id FROM incident_parties WHERE incident_id = $1 AND student_id IS NOT NULL)
       AND p.incident_id <> $1
     GROUP BY p.incident_id
  ), measured AS (
    SELECT i.id, i.reference, i.status, i.reporter_kind, i.location, i.occurred_at, i.created_at,
           i.case_group_id IS NOT NULL AS grouped,
           coalesce(shared.students, 0) AS shared_students,
           i.location = me.location AS same_location,
           LEAST(abs(extract(epoch FROM i.occurred_at - me.occurred_at)),
                 abs(extract(epoch FROM i.created_at - me.created_at))) / 86400.0 AS days_apart,
           similarity(i.description, me.description) AS text_similarity
      FROM me
      JOIN incidents i
        ON i.school_id = (SELECT school_id FROM incidents WHERE id = $1)
       AND i.status = ANY($2::varchar[])
      LEFT JOIN shared ON shared.incident_id = i.id
     WHERE i.id <> me.id
       AND (me.case_group_id IS NULL OR i.case_group_id IS DISTINCT FROM me.case_group_id)
  )
  SELECT * FROM measured
   WHERE shared_students > 0 OR days_apart < $3 OR text_similarity >= $4`;
