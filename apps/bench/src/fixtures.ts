import { Client } from 'pg';

export interface BenchFixtures {
  schoolId: string;
  schoolCode: string;
  schoolIncidents: number;
  totalIncidents: number;
  counselorUsername: string;
  studentUsername: string;
  studentId: string;
  incidentIds: string[];
  deepCursor: string;
}

/** A typical generated school, its people, some of its incidents and a cursor half-way down its queue. */
export async function loadFixtures(url: string): Promise<BenchFixtures> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [{ total }],
    } = await client.query<{ total: string }>('SELECT count(*) AS total FROM incidents');
    const {
      rows: [school],
    } = await client.query<{ id: string; code: string }>(
      `SELECT id, code FROM schools WHERE name LIKE 'Scale School %' ORDER BY random() LIMIT 1`,
    );
    if (!school)
      throw new Error('No generated schools: seed the database first (npm run seed:scale)');
    const people = await client.query<{ id: string; username: string; role: string }>(
      `SELECT id, username, role FROM users WHERE username IN ($1, $2)`,
      [`counselor.${school.code.toLowerCase()}.1`, `student.${school.code.toLowerCase()}.1`],
    );
    const student = people.rows.find((row) => row.role === 'student')!;
    const counselor = people.rows.find((row) => row.role === 'counselor')!;
    const incidents = await client.query<{ id: string }>(
      'SELECT id FROM incidents WHERE school_id = $1 ORDER BY random() LIMIT 500',
      [school.id],
    );
    const {
      rows: [{ count }],
    } = await client.query<{ count: string }>(
      'SELECT count(*) FROM incidents WHERE school_id = $1',
      [school.id],
    );
    const {
      rows: [deep],
    } = await client.query<{ priority: number; due: string; id: string }>(
      `SELECT priority, due_at::text AS due, id FROM incidents WHERE school_id = $1
        ORDER BY priority, due_at, id OFFSET $2 LIMIT 1`,
      [school.id, Math.floor(Number(count) / 2)],
    );
    return {
      schoolId: school.id,
      schoolCode: school.code,
      schoolIncidents: Number(count),
      totalIncidents: Number(total),
      counselorUsername: counselor.username,
      studentUsername: student.username,
      studentId: student.id,
      incidentIds: incidents.rows.map((row) => row.id),
      deepCursor: Buffer.from(JSON.stringify([deep.priority, deep.due, deep.id])).toString(
        'base64url',
      ),
    };
  } finally {
    await client.end();
  }
}

/** Generated incidents already in the database. */
export async function generatedIncidents(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM incidents i JOIN schools s ON s.id = i.school_id WHERE s.name LIKE 'Scale School %'`,
    );
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}
