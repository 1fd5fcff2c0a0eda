import { RuleViolationError } from '@app/common';

/**
 * A named place of one school ("North stairwell", "Bus 12") that the report
 * form offers; choosing it files the report with `location` (one of the
 * incident's fixed values, checked by the HTTP layer) and the name as
 * `locationDetail`.
 */
export interface SchoolPlace {
  name: string;
  location: string;
}

export const MAX_SCHOOL_PLACES = 50;
export const SCHOOL_PLACE_NAME_MAX = 80;

/** Trimmed names, each used once (case does not make two names different). */
export function normalisePlaces(places: { name: string; location: string }[]): SchoolPlace[] {
  if (places.length > MAX_SCHOOL_PLACES) {
    throw new RuleViolationError(`A school lists at most ${MAX_SCHOOL_PLACES} places`);
  }
  const seen = new Set<string>();
  return places.map(({ name, location }) => {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > SCHOOL_PLACE_NAME_MAX) {
      throw new RuleViolationError(`A place name has 1 to ${SCHOOL_PLACE_NAME_MAX} characters`);
    }
    const key = trimmed.toLocaleLowerCase('en');
    if (seen.has(key)) throw new RuleViolationError(`The place "${trimmed}" is listed twice`);
    seen.add(key);
    return { name: trimmed, location };
  });
}
