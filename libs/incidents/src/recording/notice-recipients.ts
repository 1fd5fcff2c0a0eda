import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Who a notice goes to, in the words of the notification rules. */
export type RecipientRule =
  /** The school's counselors. */
  | { kind: 'counselors' }
  /** The school's counselors and administrators, each one separately. */
  | { kind: 'caseworkers' }
  | { kind: 'admins' }
  | { kind: 'user'; userId: string }
  /** The assignee, or the school's counselors while nobody is assigned. */
  | { kind: 'assignee_or_counselors' }
  /** The reporter (with an account) and the guardians of every child concerned. */
  | { kind: 'family' }
  /** One message thread: the reporter's (null) or a target child's family thread. */
  | { kind: 'thread'; threadStudentId: string | null };

export interface Recipient {
  userId: string;
  /** A student or parent: notices to families are recorded on the case timeline. */
  family: boolean;
}

/** What every notice needs to say which case it is about. */
export interface NoticeFacts {
  reference: string;
  schoolName: string;
  category: string;
  location: string;
  status: string;
}

const ACTIVE_MEMBERS = `SELECT u.id FROM users u JOIN school_memberships m ON m.user_id = u.id
                        WHERE m.school_id = $1 AND NOT u.disabled AND u.role = ANY($2)`;

/**
 * Resolves recipient rules to accounts inside the business transaction, so
 * the outbox row says exactly who was to be told at the moment it happened.
 */
@Injectable()
export class NoticeRecipients {
  async resolve(
    manager: EntityManager,
    incident: { id: string; schoolId: string },
    rules: RecipientRule[],
    excludeUserId: string | null,
  ): Promise<Recipient[]> {
    const ids = new Set<string>();
    for (const rule of rules) {
      for (const id of await this.idsFor(manager, incident, rule)) ids.add(id);
    }
    if (excludeUserId) ids.delete(excludeUserId);
    if (ids.size === 0) return [];
    const rows = await manager.query<{ id: string; role: string }[]>(
      'SELECT id, role FROM users WHERE id = ANY($1) AND NOT disabled ORDER BY id',
      [[...ids]],
    );
    return rows.map((row) => ({
      userId: row.id,
      family: row.role === 'student' || row.role === 'parent',
    }));
  }

  async facts(manager: EntityManager, incidentId: string): Promise<NoticeFacts> {
    const [row] = await manager.query<NoticeFacts[]>(
      `SELECT i.reference, s.name AS "schoolName", i.category, i.location, i.status
         FROM incidents i JOIN schools s ON s.id = i.school_id WHERE i.id = $1`,
      [incidentId],
    );
    return row;
  }

  private async idsFor(
    manager: EntityManager,
    incident: { id: string; schoolId: string },
    rule: RecipientRule,
  ): Promise<string[]> {
    const members = (roles: string[]) =>
      this.ids(manager, ACTIVE_MEMBERS, [incident.schoolId, roles]);
    switch (rule.kind) {
      case 'counselors':
        return members(['counselor']);
      case 'caseworkers':
        return members(['counselor', 'school_admin']);
      case 'admins':
        return members(['school_admin']);
      case 'user':
        return [rule.userId];
      case 'assignee_or_counselors': {
        const [row] = await manager.query<{ assignee_id: string | null }[]>(
          'SELECT assignee_id FROM incidents WHERE id = $1',
          [incident.id],
        );
        return row?.assignee_id ? [row.assignee_id] : members(['counselor']);
      }
      case 'family':
        return this.ids(
          manager,
          `SELECT reporter_id AS id FROM incidents WHERE id = $1 AND reporter_id IS NOT NULL
           UNION
           SELECT g.parent_id FROM guardianships g
            WHERE g.student_id IN (SELECT reporter_id FROM incidents WHERE id = $1
                                   UNION SELECT on_behalf_of_student_id FROM incidents WHERE id = $1
                                   UNION SELECT student_id FROM incident_parties
                                          WHERE incident_id = $1 AND role = 'target')`,
          [incident.id],
        );
      case 'thread':
        return rule.threadStudentId
          ? this.ids(manager, 'SELECT parent_id AS id FROM guardianships WHERE student_id = $1', [
              rule.threadStudentId,
            ])
          : this.ids(
              manager,
              `SELECT reporter_id AS id FROM incidents WHERE id = $1 AND reporter_id IS NOT NULL
               UNION
               SELECT g.parent_id FROM guardianships g
                WHERE g.student_id IN (SELECT reporter_id FROM incidents WHERE id = $1
                                       UNION SELECT on_behalf_of_student_id FROM incidents WHERE id = $1)`,
              [incident.id],
            );
    }
  }

  private async ids(manager: EntityManager, sql: string, params: unknown[]): Promise<string[]> {
    return (await manager.query<{ id: string }[]>(sql, params)).map((row) => row.id);
  }
}
