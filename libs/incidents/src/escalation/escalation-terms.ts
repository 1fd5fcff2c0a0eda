import {
  compileTerms,
  extendTerms,
  findDangerTerms,
  normaliseWords,
  type CompiledTerms,
  type DangerHit,
  type DangerTerm,
} from './danger-matcher';
import { EN_TERMS } from './terms/en';
import { ES_TERMS } from './terms/es';
import { DANGER_CATEGORIES, type DangerCategory } from './terms/term-data';

/**
 * What makes a report or a message critical at once: the built-in danger
 * terms of `terms/en.ts` and `terms/es.ts` (both apply to every text: families
 * mix languages), plus a district's own (`danger_terms`). The web app's "Get
 * help now" watch imports this file too (`@safety-terms`), with the built-in
 * terms only. Erring towards escalating is deliberate: a counselor can lower
 * the severity at triage, but a missed danger cannot be undone
 * (docs/safety.md).
 */
let builtIn: CompiledTerms | undefined;

/** The built-in terms, compiled on first use (a few tens of milliseconds, once). */
export function builtInTerms(): CompiledTerms {
  builtIn ??= compileTerms([EN_TERMS, ES_TERMS]);
  return builtIn;
}

export { DANGER_CATEGORIES, type DangerCategory, type DangerHit, type DangerTerm };
export type EscalationCategory = DangerCategory;
export type EscalationMatch = DangerHit;

/** The built-in terms plus a district's (compiled on the fly: a district has a handful). */
export function termsWith(extra: readonly DangerTerm[] = []): CompiledTerms {
  return extendTerms(builtInTerms(), extra);
}

/** Every danger term found in the text (built-in, and the given district terms). */
export function findEscalationTerms(
  text: string,
  extra: readonly DangerTerm[] = [],
): EscalationMatch[] {
  return findDangerTerms(termsWith(extra), text);
}

/** The danger categories of the texts, each once, sorted. */
export function dangerCategories(
  texts: readonly string[],
  extra: readonly DangerTerm[] = [],
): DangerCategory[] {
  const terms = termsWith(extra);
  const found = new Set(
    texts.flatMap((text) => findDangerTerms(terms, text)).map((h) => h.category),
  );
  return DANGER_CATEGORIES.filter((category) => found.has(category));
}

/** Why a report is escalated: the reporter's urgent flag and the term categories found. */
export function escalationReasons(
  urgent: boolean,
  texts: readonly string[],
  extra: readonly DangerTerm[] = [],
): string[] {
  return [...(urgent ? ['urgent_flag'] : []), ...dangerCategories(texts, extra).sort()];
}

/** A phrase as the matcher reads it: lower case, no accents or punctuation. */
export function normalisePhrase(phrase: string): string {
  return normaliseWords(phrase).join(' ');
}
