import type { Principal } from '../principal';
import { isCaseworker, type AudienceKind } from './permission';
import { scopeOf } from './school-scope';

/** The part a parent's child has in a case that gives the parent the restricted family view. */
export type InvolvedRole = 'aggressor' | 'witness';

/**
 * Which view of an incident a caller gets:
 * - `staff`: the school's counselors and administrators, everything;
 * - `reporter`: whoever filed it;
 * - `family`: a parent whose child filed it, is the student it was filed for,
 *   or is a linked target. `threadStudentId` is the message thread they share:
 *   null for the reporter's thread, else their own child's family thread;
 * - `involved_family`: a parent whose child is a linked aggressor or witness
 *   (and none of the above): only what concerns their child, in their own
 *   child's family thread. Students never get it: only their parents.
 */
export type Audience =
  | { kind: 'staff' }
  | { kind: 'reporter' }
  | { kind: 'family'; studentId: string; threadStudentId: string | null }
  | { kind: 'involved_family'; studentId: string; role: InvolvedRole; threadStudentId: string };

/**
 * One audience rule, as SQL over the incident (alias `incident`): `condition`
 * holds exactly when the rule gives the caller that audience; for family rules
 * `student` is the child the family view is about, from the same subquery.
 * The reach filter (any rule's condition) and the audience of one incident
 * (the first rule whose condition holds) both come from these rules, so what a
 * caller may list and what they may open cannot disagree.
 */
interface AudienceRule {
  kind: AudienceKind;
  /** For family rules: whether the family shares the reporter's thread or has its own. */
  thread?: 'reporter' | 'own';
  /** For involved-family rules: the child's part in the case. */
  role?: InvolvedRole;
  condition: string;
  student?: string;
}

/** A family rule from one subquery: its rows are the caller's children concerned (`child`). */
function familyRule(thread: 'reporter' | 'own', child: string, from: string): AudienceRule {
  return {
    kind: 'family',
    thread,
    condition: `EXISTS (SELECT 1 FROM ${from})`,
    student: `(SELECT min(${child}::text) FROM ${from})`,
  };
}

/** The caller's children linked to the incident in this party role (as `p.student_id`). */
const linkedChildren = (role: 'target' | InvolvedRole) =>
  `incident_parties p
     JOIN guardianships g ON g.student_id = p.student_id AND g.parent_id = :reachUser
    WHERE p.incident_id = incident.id AND p.role = '${role}'`;

/** The restricted family view of a parent whose child is a linked aggressor or witness. */
function involvedRule(role: InvolvedRole): AudienceRule {
  const from = linkedChildren(role);
  return {
    kind: 'involved_family',
    role,
    condition: `EXISTS (SELECT 1 FROM ${from})`,
    student: `(SELECT min(p.student_id::text) FROM ${from})`,
  };
}

/** The rules that apply to this caller, in order of precedence, with their parameters. */
export function audienceRules(principal: Principal): {
  rules: AudienceRule[];
  params: Record<string, unknown>;
} {
  const rules: AudienceRule[] = [];
  const params: Record<string, unknown> = { reachUser: principal.id };
  if (isCaseworker(principal)) {
    params.reachSchools = scopeOf(principal).schoolIds;
    rules.push({ kind: 'staff', condition: 'incident.school_id = ANY(:reachSchools)' });
  }
  rules.push({ kind: 'reporter', condition: 'incident.reporter_id = :reachUser' });
  if (principal.role === 'parent') {
    rules.push(
      familyRule(
        'reporter',
        'g.student_id',
        `guardianships g WHERE g.parent_id = :reachUser
           AND g.student_id IN (incident.reporter_id, incident.on_behalf_of_student_id)`,
      ),
      familyRule('own', 'p.student_id', linkedChildren('target')),
      // After the full family view: a child both target and aggressor gets their family the target's view.
      involvedRule('aggressor'),
      involvedRule('witness'),
    );
  }
  return { rules, params };
}

/** The SQL condition (on alias `incident`) selecting every incident the caller may reach. */
export function incidentReach(principal: Principal): {
  sql: string;
  params: Record<string, unknown>;
} {
  const { rules, params } = audienceRules(principal);
  return { sql: `(${rules.map((rule) => rule.condition).join(' OR ')})`, params };
}

/** Columns to select next to the incident (`audience_0`, ...), read back by `audienceOf`. */
export function audienceColumns(principal: Principal): {
  columns: { sql: string; alias: string }[];
  params: Record<string, unknown>;
} {
  const { rules, params } = audienceRules(principal);
  return {
    columns: rules.map((rule, index) => ({
      sql: rule.student ?? `(${rule.condition})`,
      alias: `audience_${index}`,
    })),
    params,
  };
}

/** The caller's audience for one incident row selected with `audienceColumns`; undefined: out of reach. */
export function audienceOf(
  principal: Principal,
  row: Record<string, unknown>,
): Audience | undefined {
  const { rules } = audienceRules(principal);
  for (const [index, rule] of rules.entries()) {
    const value = row[`audience_${index}`];
    if (rule.kind === 'staff' || rule.kind === 'reporter') {
      if (value === true) return { kind: rule.kind };
      continue;
    }
    if (typeof value !== 'string') continue;
    const studentId = value;
    if (rule.kind === 'involved_family')
      return { kind: 'involved_family', studentId, role: rule.role!, threadStudentId: studentId };
    return { kind: 'family', studentId, threadStudentId: rule.thread === 'own' ? studentId : null };
  }
  return undefined;
}

/**
 * The caller's own child an incident row (selected with `audienceColumns`) is
 * about: the student of the first family rule that holds, whatever view the
 * caller gets. For a parent that is the child of their family view, or the
 * child they filed for (while still theirs); for everyone else, null.
 */
export function ownChildOf(principal: Principal, row: Record<string, unknown>): string | null {
  const { rules } = audienceRules(principal);
  for (const [index, rule] of rules.entries()) {
    const value = row[`audience_${index}`];
    if ((rule.kind === 'family' || rule.kind === 'involved_family') && typeof value === 'string')
      return value;
  }
  return null;
}
