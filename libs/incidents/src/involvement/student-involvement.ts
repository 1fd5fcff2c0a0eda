/** A report names no target party: the student it is about is its target. */
const NO_TARGET_PARTY = `NOT EXISTS (SELECT 1 FROM incident_parties t WHERE t.incident_id = i.id AND t.role = 'target')`;

/**
 * The incidents that concern the students of `students` (an SQL expression of
 * a uuid array), as rows `(incident_id, student_id, role)`:
 * - every party linked to the student record, in its role;
 * - the report's own student as its target when the report names no target
 *   party: the student who filed it (reporter kind `student`), or the student
 *   a parent or caseworker filed it for (`on_behalf_of_student_id`). Students
 *   cannot link parties to student records when they file, so "it happened to
 *   me" is a report of their own with no target; one that names its targets
 *   (by name) is a witness's report until staff link the names at triage.
 * The student history and the repeat flags both count from here.
 */
export function studentInvolvement(students: string): string {
  return `(
    SELECT p.incident_id, p.student_id, p.role
      FROM incident_parties p
     WHERE p.student_id = ANY(${students})
    UNION ALL
    SELECT i.id, i.on_behalf_of_student_id, 'target'
      FROM incidents i
     WHERE i.on_behalf_of_student_id = ANY(${students}) AND ${NO_TARGET_PARTY}
    UNION ALL
    SELECT i.id, i.reporter_id, 'target'
      FROM incidents i
     WHERE i.reporter_id = ANY(${students}) AND i.reporter_kind = 'student'
       AND i.on_behalf_of_student_id IS NULL AND ${NO_TARGET_PARTY}
  )`;
}
