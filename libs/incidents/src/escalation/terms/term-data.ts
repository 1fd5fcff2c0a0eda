/**
 * The danger term data, one file per language (`en.ts`, `es.ts`). Plain data:
 * the web app bundles it too (the "Get help now" watch), so no code here.
 *
 * A pattern is words separated by spaces, with `(a|b|c)` for alternatives (an
 * alternative may be several words, or empty for "optional"). Write patterns
 * as people type them: the matcher ignores case, accents, apostrophes,
 * punctuation and spacing, and forgives one typo in longer words (see
 * `danger-matcher.ts`). Add common misspellings of short words yourself
 * ("knif", "nife"): words under six letters must match exactly.
 */
export const DANGER_CATEGORIES = ['self_harm', 'weapon', 'threat', 'abuse'] as const;
export type DangerCategory = (typeof DANGER_CATEGORIES)[number];

export const DANGER_LANGUAGES = ['en', 'es'] as const;
export type DangerLanguage = (typeof DANGER_LANGUAGES)[number];

export interface DangerTermData {
  language: DangerLanguage;
  /** The phrases that make a report or message critical, by category. */
  terms: Record<DangerCategory, readonly string[]>;
  /**
   * Harmless phrases that contain a term ("killed it at the game", "bombas de
   * agua"): a hit is ignored only where such an idiom covers all of it.
   */
  idioms: readonly string[];
  /**
   * Everyday words that are one typo away from a term word ("putting" and
   * "cutting", "contarme" and "cortarme"): never read as a misspelling.
   */
  knownWords: readonly string[];
}
