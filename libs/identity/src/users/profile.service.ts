import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InvalidInputError } from '@app/common';
import { DataSource } from 'typeorm';
import { User } from '../entities/user.entity';
import type { Principal } from '../principal';
import type { Locale, Role } from '../roles';
import type { SchoolPlace } from '../schools/places';

export interface Profile {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The language of the app and of the notices the user gets. */
  locale: Locale;
  /** With each school's time zone (where deadlines fall) and the named places the report form offers. */
  schools: { id: string; name: string; code: string; timeZone: string; places: SchoolPlace[] }[];
  children: { id: string; displayName: string; schoolId: string | null }[];
}

/** What a user may change of their own account. */
export interface ProfileChanges {
  displayName?: string;
  locale?: Locale;
}

/** What `GET /me` shows: the caller, their schools and, for parents, their children. */
@Injectable()
export class ProfileService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller changes their own name or language; the answer is the new profile. */
  async update(principal: Principal, changes: ProfileChanges): Promise<Profile> {
    const set: ProfileChanges = {};
    if (changes.displayName !== undefined) set.displayName = changes.displayName;
    if (changes.locale !== undefined) set.locale = changes.locale;
    if (Object.keys(set).length === 0) {
      throw new InvalidInputError('Send displayName, locale or both');
    }
    await this.dataSource.getRepository(User).update(principal.id, set);
    return this.profile(principal);
  }

  async profile(principal: Principal): Promise<Profile> {
    const [[account], schools, children] = await Promise.all([
      this.dataSource.query<{ displayName: string; locale: Locale }[]>(
        'SELECT display_name AS "displayName", locale FROM users WHERE id = $1',
        [principal.id],
      ),
      this.dataSource.query<Profile['schools']>(
        'SELECT id, name, code, time_zone AS "timeZone", places FROM schools WHERE id = ANY($1) ORDER BY name',
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
      displayName: account?.displayName ?? principal.displayName,
      role: principal.role,
      locale: account?.locale ?? 'en',
      schools,
      children,
    };
  }
}
