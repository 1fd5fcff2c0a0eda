/** What two reports of one school have in common, as measured by the suggestions query. */
export interface RelatedSignals {
  /** Students linked (as parties) to both reports. */
  sharedStudents: number;
  /** Both happened at the same place (cafeteria, bus, ...). */
  sameLocation: boolean;
  /** Days between the two, by when they happened or when they were filed, whichever is closer. */
  daysApart: number;
  /** pg_trgm `similarity()` of the two descriptions, 0 to 1. */
  textSimilarity: number;
}

/** Reports further apart than this get nothing for time. */
export const RELATED_WINDOW_DAYS = 7;
/** The lowest score shown as a suggestion. */
export const RELATED_MIN_SCORE = 0.3;

const WEIGHTS = { students: 0.4, place: 0.1, time: 0.2, text: 0.3 } as const;

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/**
 * How likely two reports are about the same thing, 0 to 1. Shared students
 * weigh most (one alone reaches the threshold), then similar wording (trigram
 * similarity from 0.1, noise, to 0.5, the same story told twice), then
 * closeness in time (linear to nothing at a week) and the same place.
 */
export function relatedScore(signals: RelatedSignals): number {
  // One shared student is enough to show; two are as strong as it gets.
  const students = signals.sharedStudents >= 2 ? 1 : signals.sharedStudents === 1 ? 0.75 : 0;
  const place = signals.sameLocation ? 1 : 0;
  const time = clamp(1 - signals.daysApart / RELATED_WINDOW_DAYS);
  const text = clamp((signals.textSimilarity - 0.1) / 0.4);
  const score =
    WEIGHTS.students * students + WEIGHTS.place * place + WEIGHTS.time * time + WEIGHTS.text * text;
  return Math.round(score * 1000) / 1000;
}

/** Suggestions worth showing, best first (ties: the closer in time first). */
export function rankRelated<T extends { signals: RelatedSignals }>(
  candidates: T[],
  limit: number,
): (T & { score: number })[] {
  return candidates
    .map((candidate) => ({ ...candidate, score: relatedScore(candidate.signals) }))
    .filter((candidate) => candidate.score >= RELATED_MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.signals.daysApart - b.signals.daysApart)
    .slice(0, limit);
}
