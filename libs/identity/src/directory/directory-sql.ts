import { FAMILY_ROLES } from '../access/permission';

/**
 * SQL fragments over identity's tables for other libraries to embed in one
 * statement. They exist for one reason: a notice's recipients are resolved
 * inside the INSERT that writes the outbox row (`@app/incidents`,
 * `recording/`), in the transaction of the change, without a round trip per
 * rule. Everything else asks `DirectoryService`. Arguments are placeholders
 * (`$3`) or SQL expressions, never values.
 */

/** Accounts (`id`) of the school holding one of the roles (a placeholder for a text array). */
export const schoolMembersSql = (school: string, roles: string): string =>
  `SELECT m.user_id AS id FROM school_memberships m JOIN users u ON u.id = m.user_id
    WHERE m.school_id = ${school} AND u.role = ANY(${roles})`;

/** Guardians (`parent_id`) of the students selected by `students` (a subquery or a list). */
export const guardiansOfSql = (students: string): string =>
  `SELECT g.parent_id FROM guardianships g WHERE g.student_id IN (${students})`;

/**
 * The active accounts among `candidates` (a subquery of ids) but `except`, one
 * row each: `user_id`, and `family` (a student or a parent, whose notices are
 * recorded on the case timeline).
 */
export const activeAccountsSql = (candidates: string, except: string): string =>
  `SELECT u.id AS user_id, u.role IN (${FAMILY_ROLES.map((role) => `'${role}'`).join(', ')}) AS family
     FROM users u
    WHERE u.id IN (${candidates}) AND NOT u.disabled AND u.id IS DISTINCT FROM ${except}`;
