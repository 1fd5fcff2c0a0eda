/** A party as the "told once" rule reads it. */
export interface PartyForNotice {
  role: string;
  studentId: string | null;
}

/**
 * The children whose guardians must now be told that a report concerns them:
 * every party linked to a student record as a target, each child once, and
 * never a child whose family was told about this case before (whatever role,
 * link or party it was told through, even one removed since). Order of the
 * parties is kept.
 */
export function childrenToTell(
  parties: readonly PartyForNotice[],
  alreadyTold: Iterable<string>,
): string[] {
  const told = new Set(alreadyTold);
  const tell: string[] = [];
  for (const party of parties) {
    if (party.role !== 'target' || !party.studentId || told.has(party.studentId)) continue;
    told.add(party.studentId);
    tell.push(party.studentId);
  }
  return tell;
}
