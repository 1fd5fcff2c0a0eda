/** At most this many words of a search count; more would only slow the query. */
export const MAX_SEARCH_WORDS = 5;

/** The words of a name search, in order, at most `MAX_SEARCH_WORDS`. */
export function searchWords(q: string | undefined): string[] {
  return (q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
}

/** `LIKE` reads `%`, `_` and `\` as patterns: a name search means them literally. */
export const likeLiteral = (word: string): string => word.replace(/[\\%_]/g, '\\$&');

/**
 * SQL that holds when `expression` contains the word bound at `placeholder`
 * (pass the word through `likeLiteral`), compared lower-cased and without
 * accents by `search_fold()` (see the StudentDirectory migration), so "jose"
 * finds José.
 */
export function containsWord(expression: string, placeholder: string): string {
  return `search_fold(${expression}) LIKE '%' || search_fold(${placeholder}) || '%' ESCAPE '\\'`;
}
