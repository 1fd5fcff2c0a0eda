import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@app/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../principal';
import { Permission, PERMISSION_SUBJECT, roleMay } from './permission';
import { scopeOf } from './school-scope';

/**
 * Record-level access: each permission maps to one query of the ids within the
 * caller's reach (incidents: `incident-audience.ts`). `require` answers 404
 * for anything outside the caller's reach, so that a record's existence never
 * leaks to someone who may not see it.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async require(
    principal: Principal,
    permission: Permission,
    ids: string | string[],
  ): Promise<void> {
    const wanted = [...new Set(Array.isArray(ids) ? ids : [ids])];
    if (wanted.length === 0) return;
    const allowed = await this.allowed(principal, permission, wanted);
    const missing = wanted.find((id) => !allowed.has(id));
    if (missing) throw new NotFoundError(`${PERMISSION_SUBJECT[permission]} ${missing} not found`);
  }

  /** The ids among `ids` that the principal may act on with `permission`. */
  async allowed(principal: Principal, permission: Permission, ids: string[]): Promise<Set<string>> {
    const query = this.queryFor(principal, permission);
    if (!query) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(query.sql, [ids, ...query.params]);
    return new Set(rows.map((row) => row.id));
  }

  private queryFor(
    principal: Principal,
    permission: Permission,
  ): { sql: string; params: unknown[] } | undefined {
    if (!roleMay(principal, permission)) return undefined;
    const district = principal.role === 'district_admin';
    const schools = scopeOf(principal).schoolIds;
    switch (permission) {
      case Permission.StudentHistory:
      case Permission.StudentDirectory:
        return {
          sql: `SELECT u.id FROM users u JOIN school_memberships m ON m.user_id = u.id
                 WHERE u.id = ANY($1) AND u.role = 'student' AND m.school_id = ANY($2)`,
          params: [schools],
        };
      case Permission.SchoolAdminister:
      case Permission.SchoolCalendar:
        return district
          ? {
              sql: 'SELECT id FROM schools WHERE id = ANY($1) AND district_id = $2',
              params: [principal.districtId],
            }
          : {
              sql: 'SELECT id FROM schools WHERE id = ANY($1) AND id = ANY($2)',
              params: [schools],
            };
      case Permission.DangerTermsRead:
        return district
          ? {
              sql: 'SELECT id FROM districts WHERE id = ANY($1) AND id = $2',
              params: [principal.districtId],
            }
          : {
              sql: 'SELECT DISTINCT district_id AS id FROM schools WHERE district_id = ANY($1) AND id = ANY($2)',
              params: [schools],
            };
      case Permission.DistrictCalendar:
      case Permission.DistrictCrisisContacts:
      case Permission.DangerTermsAdminister:
        return {
          sql: 'SELECT id FROM districts WHERE id = ANY($1) AND id = $2',
          params: [principal.districtId],
        };
      case Permission.UserAdminister:
        // Every membership in reach: an account shared with a school beyond the
        // caller's reach is not theirs to take over.
        return district
          ? {
              sql: `SELECT u.id FROM users u
                     WHERE u.id = ANY($1) AND u.district_id = $2
                       AND NOT EXISTS (SELECT 1 FROM school_memberships m
                                         JOIN schools s ON s.id = m.school_id
                                        WHERE m.user_id = u.id AND s.district_id <> $2)`,
              params: [principal.districtId],
            }
          : {
              sql: `SELECT u.id FROM users u
                     WHERE u.id = ANY($1) AND u.role <> 'district_admin'
                       AND EXISTS (SELECT 1 FROM school_memberships m
                                    WHERE m.user_id = u.id AND m.school_id = ANY($2))
                       AND NOT EXISTS (SELECT 1 FROM school_memberships m
                                        WHERE m.user_id = u.id AND m.school_id <> ALL($2))`,
              params: [schools],
            };
      case Permission.ParentLink:
        return district
          ? {
              sql: 'SELECT id FROM users WHERE id = ANY($1) AND district_id = $2',
              params: [principal.districtId],
            }
          : {
              sql: `SELECT DISTINCT u.id FROM users u
                      JOIN school_memberships m ON m.user_id = u.id
                     WHERE u.id = ANY($1) AND m.school_id = ANY($2) AND u.role <> 'district_admin'`,
              params: [schools],
            };
      case Permission.GuardianshipAdminister:
        return district
          ? {
              sql: `SELECT g.id FROM guardianships g JOIN users s ON s.id = g.student_id
                     WHERE g.id = ANY($1) AND s.district_id = $2`,
              params: [principal.districtId],
            }
          : {
              sql: `SELECT g.id FROM guardianships g
                     WHERE g.id = ANY($1)
                       AND EXISTS (SELECT 1 FROM school_memberships m
                                    WHERE m.user_id = g.student_id AND m.school_id = ANY($2))
                       AND NOT EXISTS (SELECT 1 FROM school_memberships m
                                        WHERE m.user_id = g.student_id AND m.school_id <> ALL($2))`,
              params: [schools],
            };
      default:
        // Incident permissions are answered by the incident's audience
        // (`incident-audience.ts`); the others by the role alone.
        return undefined;
    }
  }
}
