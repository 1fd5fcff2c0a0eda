import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, NotFoundError, toPage, type Page } from '@app/common';
import { DataSource } from 'typeorm';
import type { SchoolScope } from '../access/school-scope';
import { containsWord, likeLiteral, searchWords } from './name-search';

/** A student as the directory shows them to the staff of their school. */
export interface DirectoryStudent {
  id: string;
  displayName: string;
  username: string;
  grade: string | null;
  schoolId: string;
  schoolName: string;
}

export interface DirectorySearch {
  /** Words that must each appear in the name or the username (any case, any accents). */
  q?: string;
  limit: number;
  cursor?: string;
}

/** At most this many words of a query count; the rest are ignored. */
type Row = DirectoryStudent & { sortKey: string };

const withoutSortKey = (row: Row): DirectoryStudent => ({
  id: row.id,
  displayName: row.displayName,
  username: row.username,
  grade: row.grade,
  schoolId: row.schoolId,
  schoolName: row.schoolName,
});

/**
 * The student directory: students of the caller's schools found by name or
 * username, compared lower-cased and without accents (`search_fold()`, with a
 * trigram index, see the StudentDirectory migration), in name order with
 * keyset pages. A student of another school never answers.
 */
@Injectable()
export class StudentDirectoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(scope: SchoolScope, search: DirectorySearch): Promise<Page<DirectoryStudent>> {
    if (scope.schoolIds.length === 0) return { items: [], nextCursor: null };
    const params: unknown[] = [scope.schoolIds];
    const where: string[] = [];
    for (const word of searchWords(search.q)) {
      params.push(likeLiteral(word));
      where.push(containsWord(`u.display_name || ' ' || u.username`, `$${params.length}`));
    }
    if (search.cursor) {
      const [sortKey, id] = decodeCursor(search.cursor, 2);
      params.push(sortKey, id);
      where.push(
        `(search_fold(u.display_name), u.id) > ($${params.length - 1}::text, $${params.length}::uuid)`,
      );
    }
    params.push(search.limit + 1);
    const rows = await this.dataSource.query<Row[]>(
      `${this.selectStudents()}
        ${where.map((condition) => `AND ${condition}`).join('\n')}
        ORDER BY "sortKey", u.id
        LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, search.limit, withoutSortKey, (row) => [row.sortKey, row.id]);
  }

  /** One student of the caller's schools; anyone else is not found. */
  async find(scope: SchoolScope, studentId: string): Promise<DirectoryStudent> {
    const [row] = scope.schoolIds.length
      ? await this.dataSource.query<Row[]>(`${this.selectStudents()} AND u.id = $2`, [
          scope.schoolIds,
          studentId,
        ])
      : [];
    if (!row) throw new NotFoundError(`Student ${studentId} not found`);
    return withoutSortKey(row);
  }

  /** Students with a school among `$1`, each with the first of those schools by name. */
  private selectStudents(): string {
    return `SELECT u.id, u.display_name AS "displayName", u.username, u.grade,
                   s.id AS "schoolId", s.name AS "schoolName",
                   search_fold(u.display_name) AS "sortKey"
              FROM users u
             CROSS JOIN LATERAL (
                   SELECT s.id, s.name FROM school_memberships m JOIN schools s ON s.id = m.school_id
                    WHERE m.user_id = u.id AND m.school_id = ANY($1)
                    ORDER BY s.name, s.id LIMIT 1) s
             WHERE u.role = 'student'`;
  }
}
