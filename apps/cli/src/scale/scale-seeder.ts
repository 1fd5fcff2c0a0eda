import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { PASSWORD_HASH_OPTIONS } from '@app/identity';
import { Client } from 'pg';
import type { ScaleOptions } from './scale-options';
import { CATEGORY_WEIGHTS, DESCRIPTIONS, LOCATION_WEIGHTS, weightedTable } from './weighted';

/** The password of every generated account (for load tests that sign in). */
export const SCALE_PASSWORD = 'scale-test-password';

export interface SeedProgress {
  total: number;
  done: number;
}

/**
 * Fills a migrated database with a district-sized (or state-sized) data set:
 * districts, schools, staff, students and parents, then incidents over three
 * school years with their parties, timeline events, notes and audit rows.
 * Rows are generated inside PostgreSQL (INSERT ... SELECT over
 * generate_series), a batch per statement, so nothing crosses the wire row by
 * row.
 */
export class ScaleSeeder {
  private readonly run = randomBytes(2).toString('hex').toUpperCase();

  constructor(
    private readonly client: Client,
    private readonly options: ScaleOptions,
  ) {}

  async seedPeople(): Promise<{ users: number }> {
    const { districts, schools, studentsPerSchool } = this.options;
    const passwordHash = await hash(SCALE_PASSWORD, PASSWORD_HASH_OPTIONS);
    await this.client.query('BEGIN');
    await this.client.query(
      `CREATE TEMP TABLE scale_districts ON COMMIT PRESERVE ROWS AS
         SELECT g AS idx, gen_random_uuid() AS id FROM generate_series(1, $1::int) g`,
      [districts],
    );
    await this.client.query(
      `INSERT INTO districts (id, name) SELECT id, 'Scale District ' || idx FROM scale_districts`,
    );
    await this.client.query(
      `CREATE TEMP TABLE scale_schools AS
         SELECT g AS idx, gen_random_uuid() AS id,
                (SELECT id FROM scale_districts WHERE idx = 1 + (g - 1) % $1::int) AS district_id,
                'Z' || $2::text || g AS code,
                (ARRAY['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'])[1 + g % 4] AS tz
           FROM generate_series(1, $3::int) g`,
      [districts, this.run, schools],
    );
    await this.client.query('ALTER TABLE scale_schools ADD PRIMARY KEY (idx)');
    await this.client.query('CREATE UNIQUE INDEX ON scale_schools (id)');
    await this.client.query(
      `INSERT INTO schools (id, district_id, name, code, time_zone, holidays, triage_school_days, resolve_school_days)
       SELECT id, district_id, 'Scale School ' || idx, code, tz, '{}', 1, 10 FROM scale_schools`,
    );
    await this.client.query(
      `CREATE TEMP TABLE scale_people AS
         SELECT s.idx AS school_idx, r.role, n, gen_random_uuid() AS id
           FROM scale_schools s
          CROSS JOIN (VALUES ('school_admin', 1), ('counselor', 3), ('staff', 5),
                             ('student', $1::int), ('parent', $1::int / 2)) AS r(role, count)
          CROSS JOIN LATERAL generate_series(1, r.count) n`,
      [studentsPerSchool],
    );
    await this.client.query('ALTER TABLE scale_people ADD PRIMARY KEY (school_idx, role, n)');
    const { rowCount } = await this.client.query(
      `INSERT INTO users (id, district_id, username, display_name, role, email, locale, password_hash)
       SELECT p.id, s.district_id, lower(p.role || '.' || s.code || '.' || p.n),
              initcap(replace(p.role, '_', ' ')) || ' ' || s.idx || '-' || p.n, p.role,
              CASE WHEN p.role NOT IN ('student', 'staff')
                   THEN lower(p.role || '.' || s.code || '.' || p.n) || '@scale.example' END,
              CASE WHEN p.n % 5 = 0 THEN 'es' ELSE 'en' END, $1
         FROM scale_people p JOIN scale_schools s ON s.idx = p.school_idx`,
      [passwordHash],
    );
    await this.client.query(
      `INSERT INTO school_memberships (user_id, school_id)
       SELECT p.id, s.id FROM scale_people p JOIN scale_schools s ON s.idx = p.school_idx`,
    );
    await this.client.query(
      `INSERT INTO guardianships (parent_id, student_id, verified)
       SELECT parent.id, student.id, true
         FROM scale_people parent
         JOIN scale_people student ON student.school_idx = parent.school_idx AND student.role = 'student'
                                  AND student.n IN (2 * parent.n - 1, 2 * parent.n)
        WHERE parent.role = 'parent'`,
    );
    await this.client.query('COMMIT');
    return { users: rowCount ?? 0 };
  }

  /** Inserts incidents `from`..`to` (1-based) with their parties, events, notes and audit rows. */
  async seedIncidents(from: number, to: number): Promise<number> {
    const { schools, studentsPerSchool } = this.options;
    await this.client.query('BEGIN');
    const result = await this.client.query<{ incidents: string }>(INCIDENT_BATCH_SQL, [
      from,
      to,
      schools,
      studentsPerSchool,
      weightedTable(CATEGORY_WEIGHTS),
      weightedTable(LOCATION_WEIGHTS),
      DESCRIPTIONS,
    ]);
    await this.client.query('COMMIT');
    return Number(result.rows[0].incidents);
  }

  async analyze(): Promise<void> {
    await this.client.query('ANALYZE');
  }
}

/*
 * One batch, one statement. Parameters: $1 first number, $2 last number,
 * $3 schools, $4 students per school, $5 category table, $6 location table,
 * $7 descriptions. Status follows age (recent cases open, older ones settled);
 * a tenth of the students are the aggressors in half of the incidents, so
 * repeat parties exist; references are numbered per school and year.
 */
const INCIDENT_BATCH_SQL = `
WITH src AS (
  SELECT g,
         1 + floor(random() * $3::int)::int AS school_idx,
         now() - random() * interval '1095 days' AS created_at,
         random() AS r_kind, random() AS r_status, random() AS r_sev,
         1 + floor(random() * $4::int)::int AS student_n,
         CASE WHEN random() < 0.5 THEN 1 + floor(random() * greatest($4::int / 10, 1))::int
              ELSE 1 + floor(random() * $4::int)::int END AS aggressor_n,
         1 + floor(random() * $4::int)::int AS witness_n
    FROM generate_series($1::int, $2::int) g
), shaped AS (
  SELECT src.*, s.id AS school_id, s.district_id, s.code,
         extract(year FROM src.created_at AT TIME ZONE s.tz)::int AS year,
         extract(epoch FROM now() - src.created_at) / 86400 AS age_days
    FROM src JOIN scale_schools s ON s.idx = src.school_idx
), decided AS (
  SELECT shaped.*,
         row_number() OVER (PARTITION BY shaped.school_id, shaped.year ORDER BY shaped.g)
           + coalesce(c.last_number, 0) AS number,
         CASE WHEN r_kind < 0.70 THEN 'student' WHEN r_kind < 0.85 THEN 'parent'
              WHEN r_kind < 0.95 THEN 'staff' ELSE 'anonymous' END AS kind,
         CASE WHEN age_days < 3 THEN CASE WHEN r_status < 0.6 THEN 'submitted' ELSE 'triaged' END
              WHEN age_days < 15 THEN CASE WHEN r_status < 0.5 THEN 'triaged' ELSE 'investigating' END
              ELSE CASE WHEN r_status < 0.6 THEN 'resolved' WHEN r_status < 0.9 THEN 'closed' ELSE 'dismissed' END
         END AS status,
         CASE WHEN r_sev < 0.03 THEN 'critical' WHEN r_sev < 0.18 THEN 'high'
              WHEN r_sev < 0.68 THEN 'medium' ELSE 'low' END AS sev
    FROM shaped
    LEFT JOIN incident_counters c ON c.school_id = shaped.school_id AND c.year = shaped.year
), counters AS (
  INSERT INTO incident_counters (school_id, year, last_number)
  SELECT school_id, year, max(number) FROM decided GROUP BY school_id, year
  ON CONFLICT (school_id, year) DO UPDATE SET last_number = EXCLUDED.last_number
), ins AS (
  INSERT INTO incidents (school_id, district_id, reference, reporter_id, reporter_kind, on_behalf_of_student_id,
                         category, location, occurred_at, ongoing, description, urgent, escalation_reasons,
                         status, severity, assignee_id, triage_due_at, resolve_due_at, resolved_at, outcome,
                         resolution_summary, dismissal_reason, version, created_at, updated_at)
  SELECT d.school_id, d.district_id,
         d.code || '-' || d.year || '-' || CASE WHEN d.number < 100000 THEN lpad(d.number::text, 5, '0') ELSE d.number::text END,
         CASE d.kind WHEN 'student' THEN st.id WHEN 'parent' THEN par.id WHEN 'staff' THEN sf.id END,
         d.kind,
         CASE WHEN d.kind = 'parent' THEN st.id END,
         ($5::text[])[1 + floor(random() * 100)::int],
         ($6::text[])[1 + floor(random() * 100)::int],
         d.created_at - random() * interval '3 days',
         random() < 0.2,
         ($7::text[])[1 + floor(random() * array_length($7::text[], 1))::int],
         d.sev = 'critical' AND random() < 0.6,
         CASE WHEN d.sev = 'critical' THEN ARRAY['urgent_flag'] ELSE '{}'::text[] END,
         d.status,
         CASE WHEN d.status = 'submitted' AND d.sev <> 'critical' THEN NULL ELSE d.sev END,
         CASE WHEN d.status <> 'submitted' THEN co.id END,
         d.created_at + interval '1 day',
         d.created_at + interval '14 days',
         CASE WHEN d.status IN ('resolved', 'closed') THEN d.created_at + random() * interval '14 days' END,
         CASE WHEN d.status IN ('resolved', 'closed')
              THEN (ARRAY['substantiated', 'unsubstantiated', 'inconclusive'])[1 + floor(random() * 3)::int] END,
         CASE WHEN d.status IN ('resolved', 'closed')
              THEN 'The school spoke with the students involved and their families and changed supervision.' END,
         CASE WHEN d.status = 'dismissed' THEN (ARRAY['prank', 'duplicate', 'other'])[1 + floor(random() * 3)::int] END,
         CASE d.status WHEN 'submitted' THEN 1 WHEN 'triaged' THEN 2 WHEN 'investigating' THEN 3
                       WHEN 'dismissed' THEN 2 WHEN 'resolved' THEN 4 ELSE 5 END,
         d.created_at, d.created_at
    FROM decided d
    JOIN scale_people st ON st.school_idx = d.school_idx AND st.role = 'student' AND st.n = d.student_n
    JOIN scale_people par ON par.school_idx = d.school_idx AND par.role = 'parent'
                         AND par.n = least((d.student_n + 1) / 2, $4::int / 2)
    JOIN scale_people sf ON sf.school_idx = d.school_idx AND sf.role = 'staff' AND sf.n = 1 + d.g % 5
    JOIN scale_people co ON co.school_idx = d.school_idx AND co.role = 'counselor' AND co.n = 1 + d.g % 3
  RETURNING id, school_id, reporter_id, reporter_kind, on_behalf_of_student_id, status, assignee_id, created_at
), picks AS (
  SELECT ins.*, s.idx AS school_idx,
         1 + floor(random() * $4::int)::int AS target_n,
         CASE WHEN random() < 0.5 THEN 1 + floor(random() * greatest($4::int / 10, 1))::int
              ELSE 1 + floor(random() * $4::int)::int END AS aggressor_n,
         1 + floor(random() * $4::int)::int AS witness_n,
         random() < 0.2 AS with_witness,
         random() < 0.3 AS with_note
    FROM ins JOIN scale_schools s ON s.id = ins.school_id
), parties AS (
  INSERT INTO incident_parties (incident_id, school_id, role, student_id, name)
  SELECT p.id, p.school_id, 'target',
         CASE WHEN p.reporter_kind = 'student' THEN p.reporter_id
              ELSE coalesce(p.on_behalf_of_student_id, t.id) END, NULL
    FROM picks p JOIN scale_people t ON t.school_idx = p.school_idx AND t.role = 'student' AND t.n = p.target_n
  UNION ALL
  SELECT p.id, p.school_id, 'aggressor', a.id, NULL
    FROM picks p JOIN scale_people a ON a.school_idx = p.school_idx AND a.role = 'student' AND a.n = p.aggressor_n
  UNION ALL
  SELECT p.id, p.school_id, 'witness', w.id, NULL
    FROM picks p JOIN scale_people w ON w.school_idx = p.school_idx AND w.role = 'student' AND w.n = p.witness_n
   WHERE p.with_witness
), events AS (
  INSERT INTO incident_events (incident_id, school_id, type, actor_id, visibility, data, created_at)
  SELECT id, school_id, 'filed', reporter_id, 'shared', '{}'::jsonb, created_at FROM picks
  UNION ALL
  SELECT id, school_id, 'status_changed', assignee_id, 'shared',
         jsonb_build_object('from', 'submitted', 'to', status), created_at + interval '1 day'
    FROM picks WHERE status <> 'submitted'
  UNION ALL
  SELECT id, school_id, 'resolved', assignee_id, 'shared', '{}'::jsonb, created_at + interval '10 days'
    FROM picks WHERE status IN ('resolved', 'closed')
), notes AS (
  INSERT INTO incident_notes (incident_id, school_id, author_id, visibility, body, created_at)
  SELECT id, school_id, assignee_id, 'internal', 'Spoke with the lunch aides; watching the table.', created_at + interval '2 days'
    FROM picks WHERE with_note AND assignee_id IS NOT NULL
), audit AS (
  INSERT INTO audit_log (school_id, incident_id, actor_id, action, at)
  SELECT school_id, id, reporter_id, 'incident.filed', created_at FROM picks
  UNION ALL
  SELECT school_id, id, assignee_id, 'incident.viewed', created_at + interval '1 day'
    FROM picks WHERE assignee_id IS NOT NULL
)
SELECT count(*) AS incidents FROM ins`;
