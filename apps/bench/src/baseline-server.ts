import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { Pool } from 'pg';

/**
 * The benchmark's floor: a bare node:http server with `pg` that runs the
 * same SQL as the API's "file a report" (the same 9 statements in the same
 * transaction, listed in docs/performance.md), without a framework,
 * validation, authentication or deadline arithmetic. The API's rate divided by
 * this one is the price of everything the platform adds.
 *
 * Usage: node baseline-server.js <port> <database url> <pool size>
 */
const [port, url, poolSize] = process.argv.slice(2);
const pool = new Pool({ connectionString: url, max: Number(poolSize) });

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });

async function fileReport(userId: string, key: string, raw: string): Promise<unknown> {
  const body = JSON.parse(raw) as Record<string, string>;
  const client = await pool.connect();
  try {
    await client.query(
      `SELECT u.id, u.username, u.display_name, u.role, u.district_id,
              COALESCE(array_agg(m.school_id ORDER BY m.school_id) FILTER (WHERE m.school_id IS NOT NULL), '{}') AS school_ids
         FROM users u LEFT JOIN school_memberships m ON m.user_id = u.id
        WHERE u.id = $1 AND NOT u.disabled GROUP BY u.id`,
      [userId],
    );
    await client.query('START TRANSACTION');
    const claimed = await client.query<{ id: string }>(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body)
       VALUES ($1, $2, $3, 0, 'null') ON CONFLICT (user_id, key) DO NOTHING RETURNING id`,
      [userId, key, createHash('sha256').update(raw).digest('hex')],
    );
    const {
      rows: [school],
    } = await client.query<{ id: string; district_id: string; code: string }>(
      `SELECT "School"."id", "School"."district_id", "School"."name", "School"."code", "School"."time_zone",
              "School"."holidays", "School"."triage_school_days", "School"."resolve_school_days",
              "School"."created_at", "School"."updated_at"
         FROM "schools" "School" WHERE (("School"."id" = $1)) LIMIT 1`,
      [body.schoolId],
    );
    const year = new Date().getFullYear();
    const {
      rows: [{ last_number }],
    } = await client.query<{ last_number: number }>(
      `INSERT INTO incident_counters (school_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (school_id, year) DO UPDATE SET last_number = incident_counters.last_number + 1
       RETURNING last_number`,
      [school.id, year],
    );
    const reference = `${school.code}-${year}-${String(last_number).padStart(5, '0')}`;
    const now = Date.now();
    const {
      rows: [incident],
    } = await client.query<{ id: string }>(
      `INSERT INTO "incidents"("id", "school_id", "district_id", "reference", "reporter_id", "reporter_kind",
         "on_behalf_of_student_id", "category", "location", "location_detail", "occurred_at", "ongoing", "description",
         "urgent", "escalation_reasons", "status", "severity", "assignee_id", "triage_due_at", "resolve_due_at",
         "resolved_at", "outcome", "resolution_summary", "dismissal_reason", "version", "created_at", "updated_at")
       VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, DEFAULT, $17, $18,
         DEFAULT, DEFAULT, DEFAULT, DEFAULT, 1, DEFAULT, DEFAULT)
       RETURNING "id", "ongoing", "urgent", "escalation_reasons", "status", "priority", "due_at", "search_vector",
         "version", "created_at", "updated_at"`,
      [
        school.id,
        school.district_id,
        reference,
        userId,
        'student',
        null,
        body.category,
        body.location,
        null,
        body.occurredAt,
        false,
        body.description,
        false,
        [],
        'submitted',
        null,
        new Date(now + 2 * 86_400_000),
        new Date(now + 14 * 86_400_000),
      ],
    );
    await client.query(
      `WITH w0 AS (INSERT INTO incident_events (incident_id, school_id, type, actor_id, visibility, data)
                   VALUES ($1, $2, $4, $3::uuid, $5, $6)),
            w1 AS (INSERT INTO audit_log (school_id, incident_id, actor_id, action, request_id, details)
                   VALUES ($2, $1, $3::uuid, $7, $8, $9))
       INSERT INTO outbox (type, school_id, incident_id, payload)
       SELECT $14, $2, $1,
              $12::jsonb || jsonb_build_object(
                'facts', (SELECT jsonb_build_object('reference', i.reference, 'schoolName', s.name,
                                                    'category', i.category, 'location', i.location, 'status', i.status)
                            FROM incidents i JOIN schools s ON s.id = i.school_id WHERE i.id = $1) || $13::jsonb,
                'recipients', recipients.list)
         FROM (SELECT jsonb_agg(jsonb_build_object('userId', u.id, 'family', u.role IN ('student', 'parent'))
                                ORDER BY u.id) AS list
                 FROM users u
                WHERE u.id IN (SELECT m.user_id AS id FROM school_memberships m JOIN users u ON u.id = m.user_id
                                WHERE m.school_id = $2 AND u.role = ANY($10))
                  AND NOT u.disabled AND u.id IS DISTINCT FROM $11::uuid) AS recipients
        WHERE recipients.list IS NOT NULL`,
      [
        incident.id,
        school.id,
        userId,
        'filed',
        'shared',
        JSON.stringify({ reference }),
        'incident.filed',
        randomUUID(),
        JSON.stringify({ reference }),
        ['counselor'],
        userId,
        JSON.stringify({ actorId: userId }),
        '{}',
        'filed',
      ],
    );
    const answer = { id: incident.id, reference, status: 'submitted' };
    await client.query(
      'UPDATE idempotency_keys SET response_status = 201, response_body = $2 WHERE id = $1',
      [claimed.rows[0]?.id, JSON.stringify(answer)],
    );
    await client.query('COMMIT');
    return answer;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

createServer((request, response) => {
  readBody(request)
    .then((raw) =>
      fileReport(
        String(request.headers['x-user-id']),
        String(request.headers['idempotency-key']),
        raw,
      ),
    )
    .then((answer) => {
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer));
    })
    .catch((error: Error) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: error.message }));
    });
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
