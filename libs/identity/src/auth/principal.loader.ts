import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../principal';
import type { Role } from '../roles';

interface PrincipalRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  district_id: string;
  school_ids: string[];
}

/**
 * Resolves the caller of a request in one query. Disabled users, and tokens
 * issued (`issuedAtMs`, milliseconds since the epoch) before the user's
 * sessions were ended, resolve to nothing.
 */
@Injectable()
export class PrincipalLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(userId: string, issuedAtMs: number): Promise<Principal | undefined> {
    const rows: PrincipalRow[] = await this.dataSource.query(
      `SELECT u.id, u.username, u.display_name, u.role, u.district_id,
              COALESCE(array_agg(m.school_id ORDER BY m.school_id)
                       FILTER (WHERE m.school_id IS NOT NULL), '{}') AS school_ids
         FROM users u
         LEFT JOIN school_memberships m ON m.user_id = u.id
        WHERE u.id = $1 AND NOT u.disabled
          AND (u.sessions_valid_after IS NULL
               OR u.sessions_valid_after <= 'epoch'::timestamptz + $2 * interval '1 millisecond')
        GROUP BY u.id`,
      [userId, Math.floor(issuedAtMs)],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      districtId: row.district_id,
      schoolIds: row.school_ids,
    };
  }
}
