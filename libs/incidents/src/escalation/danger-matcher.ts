import type { DangerCategory, DangerLanguage, DangerTermData } from './terms/term-data';

/**
 * The danger matcher: pure functions, no dependencies (the web app bundles it).
 *
 * 1. The text becomes words: accents, case, apostrophes ("don't" is "dont")
 *    and punctuation go, "k i l l" (three or more single letters in a row)
 *    becomes "kill", digits inside words read as letters ("k1ll").
 * 2. A word matches a term word when both are equal once repeated letters are
 *    squeezed ("kil" is "kill", "wana" is "wanna"), or, for term words of six
 *    letters or more, one edit away with the same first letter (two edits
 *    from nine letters): "sucide", "suicde", "cuchiyo". Everyday words listed
 *    as `knownWords` are never read as typos ("putting" is not "cutting").
 * 3. A term of several words matches them in a row; a text word may hold
 *    several term words glued ("killmyself", "wannadie").
 * 4. An idiom ("killed it at the game") that overlaps a hit takes it back.
 */

/** A term to look for (a district's own, or one of the data files' patterns). */
export interface DangerTerm {
  category: DangerCategory;
  /** A pattern: words, with `(a|b)` alternatives (see `terms/term-data.ts`). */
  phrase: string;
}

export interface DangerHit {
  category: DangerCategory;
  /** The pattern (or district phrase) that matched. */
  term: string;
  /** The text's words that matched, normalised. */
  words: string;
}

interface Phrase {
  /** The words that may stand at each position, squeezed (see `squeeze`). */
  slots: ReadonlySet<string>[];
  category: DangerCategory | null;
  term: string;
}

/** Built once per term set; extended cheaply with a district's terms. */
export interface CompiledTerms {
  /** Term variants (and idioms: category null) by their first word. */
  byFirstWord: Map<string, Phrase[]>;
  /** Every term or idiom word, by first letter, for the typo search. */
  vocabulary: Map<string, Set<string>>;
  /** Everyday words never read as typos. */
  knownWords: Set<string>;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };

/** The text's words: lower case, no accents, no punctuation, "k i l l" joined. */
export function normaliseWords(text: string): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`´]/g, '')
    .replace(/(?<=\p{L})@(?=\p{L})/gu, 'a')
    .replace(/(?<=\p{L})\$(?=\p{L})/gu, 's');
  const words = plain
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) =>
      /\p{L}/u.test(word) && /\d/.test(word) ? word.replace(/\d/g, (d) => LEET[d] ?? d) : word,
    );
  const joined: string[] = [];
  for (let i = 0; i < words.length;) {
    let j = i;
    while (j < words.length && words[j].length === 1 && /\p{L}/u.test(words[j])) j += 1;
    if (j - i >= 3) {
      joined.push(words.slice(i, j).join(''));
      i = j;
    } else {
      joined.push(words[i]);
      i += 1;
    }
  }
  return joined;
}

/** A word with its repeated letters squeezed: "killll" and "kil" are both "kil". */
export function squeeze(word: string): string {
  return word.replace(/(.)\1+/gu, '$1');
}

/** One position of a term: the words that may stand there ("kill|killing|killed"). */
export type Slot = readonly string[];

/**
 * The word sequences one pattern stands for. The one-word alternatives of a
 * group stay one slot; each longer or empty alternative makes a sequence of
 * its own.
 */
export function expandPattern(pattern: string): Slot[][] {
  let variants: Slot[][] = [[]];
  for (const part of pattern.split(/(\([^()]*\))/)) {
    if (!part.startsWith('(')) {
      const words = normaliseWords(part).map((word) => [word]);
      variants = variants.map((slots) => [...slots, ...words]);
      continue;
    }
    const options = part.slice(1, -1).split('|').map(normaliseWords);
    const single = [...new Set(options.filter((w) => w.length === 1).map((w) => w[0]))];
    const alternatives: Slot[][] = [
      ...(single.length ? [[single]] : []),
      ...options.filter((w) => w.length !== 1).map((words) => words.map((word) => [word])),
    ];
    variants = variants.flatMap((slots) => alternatives.map((more) => [...slots, ...more]));
  }
  const seen = new Set<string>();
  return variants.filter((slots) => {
    const key = slots.map((slot) => slot.join('|')).join(' ');
    if (slots.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Glued forms are made only while they stay this small. */
const MAX_GLUED = 64;

function gluedSlot(slots: readonly Slot[]): Slot | null {
  const size = slots.reduce((product, slot) => product * slot.length, 1);
  if (size > MAX_GLUED) return null;
  return slots.reduce<string[]>(
    (joined, slot) => joined.flatMap((prefix) => slot.map((word) => prefix + word)),
    [''],
  );
}

/** The ways a run of words may be typed: as is, two neighbours glued, all glued. */
function glued(slots: Slot[]): Slot[][] {
  const forms = [slots];
  if (slots.length >= 2) {
    for (let i = 0; i + 1 < slots.length; i += 1) {
      const pair = gluedSlot(slots.slice(i, i + 2));
      if (pair) forms.push([...slots.slice(0, i), pair, ...slots.slice(i + 2)]);
    }
    const all = slots.length >= 3 ? gluedSlot(slots) : null;
    if (all) forms.push([all]);
  }
  return forms;
}

function addPhrase(compiled: CompiledTerms, phrase: Phrase, copy = false): void {
  for (const first of phrase.slots[0]) {
    const list = compiled.byFirstWord.get(first);
    if (list && !copy) list.push(phrase);
    else compiled.byFirstWord.set(first, [...(list ?? []), phrase]);
  }
  for (const slot of phrase.slots) {
    for (const word of slot) {
      const letter = word[0];
      const words = compiled.vocabulary.get(letter);
      if (words?.has(word)) continue;
      if (words && !copy) words.add(word);
      else compiled.vocabulary.set(letter, new Set([...(words ?? []), word]));
    }
  }
}

function addPattern(
  compiled: CompiledTerms,
  pattern: string,
  category: DangerCategory | null,
  copy = false,
): void {
  for (const slots of expandPattern(pattern)) {
    for (const form of glued(slots)) {
      const squeezed = form.map((slot) => new Set(slot.map(squeeze)));
      addPhrase(compiled, { slots: squeezed, category, term: pattern }, copy);
    }
  }
}

/** Compiles the data of one or more languages (terms and idioms of all apply to every text). */
export function compileTerms(data: readonly DangerTermData[]): CompiledTerms {
  const compiled: CompiledTerms = {
    byFirstWord: new Map(),
    vocabulary: new Map(),
    knownWords: new Set(data.flatMap((set) => set.knownWords.map(squeeze))),
  };
  for (const set of data) {
    for (const [category, patterns] of Object.entries(set.terms)) {
      for (const pattern of patterns) addPattern(compiled, pattern, category as DangerCategory);
    }
    for (const idiom of set.idioms) addPattern(compiled, idiom, null);
  }
  return compiled;
}

/** The compiled terms plus extra ones (a district's), leaving `base` as it was. */
export function extendTerms(base: CompiledTerms, extra: readonly DangerTerm[]): CompiledTerms {
  if (extra.length === 0) return base;
  const compiled: CompiledTerms = {
    byFirstWord: new Map(base.byFirstWord),
    vocabulary: new Map(base.vocabulary),
    knownWords: base.knownWords,
  };
  // Copy on write: the lists and sets of `base` are never changed.
  for (const { phrase, category } of extra) addPattern(compiled, phrase, category, true);
  return compiled;
}

/** Optimal string alignment distance (a swap of neighbours is one edit), or `max + 1` beyond `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/** How many typos a word of this length forgives (the shorter of the two counts): none under six letters. */
export function allowedEdits(termWord: string): number {
  return termWord.length >= 9 ? 2 : termWord.length >= 6 ? 1 : 0;
}

/** The term words (squeezed) that one word of the text stands for. */
function termWordsFor(compiled: CompiledTerms, word: string): Set<string> {
  const squeezed = squeeze(word);
  const found = new Set<string>();
  const candidates = compiled.vocabulary.get(squeezed[0]);
  if (!candidates) return found;
  if (candidates.has(squeezed)) found.add(squeezed);
  if (squeezed.length < 5 || compiled.knownWords.has(squeezed)) return found;
  for (const candidate of candidates) {
    const edits = Math.min(allowedEdits(candidate), allowedEdits(squeezed));
    if (edits === 0 || candidate === squeezed) continue;
    if (editDistance(squeezed, candidate, edits) <= edits) found.add(candidate);
  }
  return found;
}

interface Span {
  start: number;
  end: number;
  phrase: Phrase;
}

/** Every danger term in the text, once per term, idioms taken out. */
export function findDangerTerms(compiled: CompiledTerms, text: string): DangerHit[] {
  const words = normaliseWords(text);
  const cache = new Map<string, Set<string>>();
  const matches = (i: number): Set<string> => {
    let found = cache.get(words[i]);
    if (!found) {
      found = termWordsFor(compiled, words[i]);
      cache.set(words[i], found);
    }
    return found;
  };
  const hits: Span[] = [];
  const idioms: Span[] = [];
  for (let i = 0; i < words.length; i += 1) {
    for (const first of matches(i)) {
      for (const phrase of compiled.byFirstWord.get(first) ?? []) {
        const end = i + phrase.slots.length;
        if (end > words.length) continue;
        let all = true;
        for (let k = 1; k < phrase.slots.length && all; k += 1) {
          all = [...matches(i + k)].some((word) => phrase.slots[k].has(word));
        }
        if (all) (phrase.category ? hits : idioms).push({ start: i, end, phrase });
      }
    }
  }
  const seen = new Set<string>();
  const result: DangerHit[] = [];
  for (const hit of hits) {
    if (idioms.some((idiom) => idiom.start < hit.end && hit.start < idiom.end)) continue;
    const key = `${hit.phrase.category}\u0000${hit.phrase.term}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({
      category: hit.phrase.category!,
      term: hit.phrase.term,
      words: words.slice(hit.start, hit.end).join(' '),
    });
  }
  return result;
}

export type { DangerCategory, DangerLanguage };
