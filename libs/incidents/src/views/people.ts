import type { DataSource } from 'typeorm';
import type { PersonRef } from './incident.views';

/** The display names of the given accounts, in one query (missing ids and nulls are skipped). */
export async function peopleByIds(
  dataSource: DataSource,
  ids: (string | null)[],
): Promise<Map<string, PersonRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await dataSource.query<{ id: string; display_name: string }[]>(
    'SELECT id, display_name FROM users WHERE id = ANY($1)',
    [wanted],
  );
  return new Map(rows.map((row) => [row.id, { id: row.id, displayName: row.display_name }]));
}
