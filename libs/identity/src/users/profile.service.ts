import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../principal';
import type { Role } from '../roles';

export interface Profile {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  schools: { id: string; name: string }[];
  children: { id: string; displayName: string; schoolId: string | null }[];
}

/** What `GET /me` shows: the caller, their schools and, for parents, their children. */
@Injectable()
export class ProfileService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async profile(principal: Principal): Promise<Profile> {
    const [schools, children] = await Promise.all([
      this.dataSource.query<Profile['schools']>(
        'SELECT id, name FROM schools WHERE id = ANY($1) ORDER BY name',
        [principal.schoolIds],
      ),
      this.dataSource.query<Profile['children']>(
        `SELECT s.id, s.display_name AS "displayName", m.school_id AS "schoolId"
           FROM guardianships g
           JOIN users s ON s.id = g.student_id
           LEFT JOIN school_memberships m ON m.user_id = s.id
          WHERE g.parent_id = $1 AND NOT s.disabled
          ORDER BY s.display_name`,
        [principal.id],
      ),
    ]);
    return {
      id: principal.id,
      username: principal.username,
      displayName: principal.displayName,
      role: principal.role,
      schools,
      children,
    };
  }
}
