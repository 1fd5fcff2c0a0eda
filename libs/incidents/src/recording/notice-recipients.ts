import type { SqlParams } from '@app/database';
import {
  activeAccountsSql,
  CASEWORKER_ROLES,
  guardiansOfSql,
  schoolMembersSql,
} from '@app/identity';

/** Who a notice goes to, in the words of the notification rules. */
export type RecipientRule =
  /** The school's counselors. */
  | { kind: 'counselors' }
  /** The school's counselors and administrators, each one separately. */
  | { kind: 'caseworkers' }
  | { kind: 'admins' }
  /** The administrators of the school's district. */
  | { kind: 'district_admins' }
  | { kind: 'user'; userId: string }
  /** The assignee, or the school's counselors while nobody is assigned. */
  | { kind: 'assignee_or_counselors' }
  /** The reporter (with an account) and the guardians of every child concerned. */
  | { kind: 'family' }
  /** One message thread: the reporter's (null) or a target child's family thread. */
  | { kind: 'thread'; threadStudentId: string | null };

const members = schoolMembersSql;

/** The reporter and the guardians of the students the report came from (filed by, filed for). */
const reporterFamily = (incident: string) =>
  `SELECT reporter_id AS id FROM incidents WHERE id = ${incident} AND reporter_id IS NOT NULL
   UNION
   ${guardiansOfSql(
     `SELECT reporter_id FROM incidents WHERE id = ${incident}
      UNION SELECT on_behalf_of_student_id FROM incidents WHERE id = ${incident}`,
   )}`;

/**
 * The SQL selecting the recipients of the rules for the incident and school
 * given as placeholders, as the outbox wants them (`user_id`, `family`):
 * enabled accounts only, never `except` (the actor, who knows already).
 * Students and parents are family: their notices go on the case timeline.
 */
export function recipientsSql(
  rules: RecipientRule[],
  params: SqlParams,
  incident: string,
  school: string,
  options: { except: string | null },
): string {
  return activeAccountsSql(
    candidatesSql(rules, params, incident, school),
    `${params.add(options.except)}::uuid`,
  );
}

/** What a notice tells about its case (`CaseFacts` of `@app/notifications`), as of now. */
export const caseFactsSql = (incident: string) =>
  `SELECT jsonb_build_object('reference', i.reference, 'schoolName', s.name,
                             'category', i.category, 'location', i.location, 'status', i.status)
     FROM incidents i JOIN schools s ON s.id = i.school_id WHERE i.id = ${incident}`;

/** The candidate recipients (`id`) of the rules. */
function candidatesSql(
  rules: RecipientRule[],
  params: SqlParams,
  incident: string,
  school: string,
): string {
  const parts = rules.map((rule) => {
    switch (rule.kind) {
      case 'counselors':
        return members(school, params.add(['counselor']));
      case 'caseworkers':
        return members(school, params.add([...CASEWORKER_ROLES]));
      case 'admins':
        return members(school, params.add(['school_admin']));
      case 'district_admins':
        return `SELECT u.id FROM users u JOIN schools s ON s.district_id = u.district_id
                 WHERE s.id = ${school} AND u.role = 'district_admin'`;
      case 'user':
        return `SELECT ${params.add(rule.userId)}::uuid AS id`;
      case 'assignee_or_counselors':
        return `SELECT assignee_id AS id FROM incidents WHERE id = ${incident} AND assignee_id IS NOT NULL
                UNION
                ${members(school, params.add(['counselor']))}
                  AND NOT EXISTS (SELECT 1 FROM incidents WHERE id = ${incident} AND assignee_id IS NOT NULL)`;
      case 'family':
        return `${reporterFamily(incident)}
                UNION
                ${guardiansOfSql(
                  `SELECT student_id FROM incident_parties
                    WHERE incident_id = ${incident} AND role = 'target'`,
                )}`;
      case 'thread':
        return rule.threadStudentId
          ? guardiansOfSql(params.add(rule.threadStudentId))
          : reporterFamily(incident);
    }
  });
  return parts.length > 0 ? parts.join('\nUNION\n') : 'SELECT NULL::uuid AS id WHERE false';
}
