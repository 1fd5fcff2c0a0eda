/**
 * Words and phrases that make a report critical at once, in English and
 * Spanish (the languages families use with the platform). Matching ignores
 * case and accents and only takes whole words, so "skill" is not "kill".
 * Erring towards escalating is deliberate: a counselor can lower the severity
 * at triage, but a missed threat cannot be undone.
 *
 * Maintain this list with the district's safety team; add both languages.
 */
export const ESCALATION_TERMS = {
  self_harm: [
    'suicide',
    'suicidal',
    'kill myself',
    'killing myself',
    'end my life',
    'want to die',
    'wanna die',
    'hurt myself',
    'hurting myself',
    'cut myself',
    'cutting myself',
    'self harm',
    'self-harm',
    'no reason to live',
    'suicidio',
    'suicidarme',
    'matarme',
    'quiero morir',
    'quitarme la vida',
    'hacerme dano',
    'cortarme',
  ],
  weapon: [
    'gun',
    'guns',
    'pistol',
    'rifle',
    'firearm',
    'knife',
    'knives',
    'blade',
    'weapon',
    'weapons',
    'bomb',
    'explosive',
    'pistola',
    'arma',
    'armas',
    'cuchillo',
    'navaja',
    'bomba',
  ],
  threat: [
    'kill you',
    'kill him',
    'kill her',
    'kill them',
    'going to kill',
    'gonna kill',
    'threatened to kill',
    'shoot up',
    'shoot the school',
    'hurt you',
    'beat you up',
    'death threat',
    'te voy a matar',
    'lo voy a matar',
    'la voy a matar',
    'amenaza de muerte',
    'amenazo con matar',
  ],
} as const;

export type EscalationCategory = keyof typeof ESCALATION_TERMS;

export interface EscalationMatch {
  category: EscalationCategory;
  term: string;
}

/** Lower case, accents removed, every run of non-letters a single space. */
export function normaliseForMatching(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

const NORMALISED_TERMS = Object.entries(ESCALATION_TERMS).flatMap(([category, terms]) =>
  terms.map((term) => ({
    category: category as EscalationCategory,
    term,
    needle: normaliseForMatching(term),
  })),
);

/** Every escalation term found in the text, as whole words. */
export function findEscalationTerms(text: string): EscalationMatch[] {
  const haystack = normaliseForMatching(text);
  return NORMALISED_TERMS.filter(({ needle }) => haystack.includes(needle)).map(
    ({ category, term }) => ({ category, term }),
  );
}

/** Why a report is escalated: the reporter's urgent flag and the term categories found. */
export function escalationReasons(urgent: boolean, texts: string[]): string[] {
  const categories = new Set(
    texts.flatMap((text) => findEscalationTerms(text).map((m) => m.category)),
  );
  return [...(urgent ? ['urgent_flag'] : []), ...[...categories].sort()];
}
