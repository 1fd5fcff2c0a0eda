import {
  compileTerms,
  editDistance,
  expandPattern,
  extendTerms,
  findDangerTerms,
  normaliseWords,
  squeeze,
} from './danger-matcher';
import { EN_TERMS } from './terms/en';
import { ES_TERMS } from './terms/es';
import { DANGER_CATEGORIES } from './terms/term-data';

const terms = compileTerms([EN_TERMS, ES_TERMS]);
const categories = (text: string) => [
  ...new Set(findDangerTerms(terms, text).map((hit) => hit.category)),
];

describe('normaliseWords', () => {
  it('drops case, accents, apostrophes and punctuation', () => {
    expect(normaliseWords("  I DON'T  want...to—be HERE!! ")).toEqual([
      'i',
      'dont',
      'want',
      'to',
      'be',
      'here',
    ]);
    expect(normaliseWords('Quiero MORÍR, hacerme daño')).toEqual([
      'quiero',
      'morir',
      'hacerme',
      'dano',
    ]);
  });

  it('joins letters typed one by one, and reads digits inside words as letters', () => {
    expect(normaliseWords('k i l l myself')).toEqual(['kill', 'myself']);
    expect(normaliseWords('k.i.l.l my self')).toEqual(['kill', 'my', 'self']);
    expect(normaliseWords('k1ll mys3lf at 3 pm')).toEqual(['kill', 'myself', 'at', '3', 'pm']);
    // Two single letters in a row stay words ("a y").
    expect(normaliseWords('I a good kid')).toEqual(['i', 'a', 'good', 'kid']);
  });
});

describe('squeeze and editDistance', () => {
  it('squeezes repeated letters', () => {
    expect(squeeze('killlll')).toBe('kil');
    expect(squeeze('kill')).toBe(squeeze('kil'));
  });

  it('counts edits, a swap of neighbours as one, and stops beyond the bound', () => {
    expect(editDistance('suicide', 'sucide', 1)).toBe(1);
    expect(editDistance('suicide', 'suicdie', 1)).toBe(1);
    expect(editDistance('suicide', 'homework', 1)).toBe(2);
    expect(editDistance('cuchilo', 'cuchiyo', 2)).toBe(1);
  });
});

describe('expandPattern', () => {
  it('keeps one-word alternatives in one slot and multiplies the longer or empty ones', () => {
    expect(expandPattern('(kill|killing) (myself|my self)')).toEqual([
      [['kill', 'killing'], ['myself']],
      [['kill', 'killing'], ['my'], ['self']],
    ]);
    expect(expandPattern("(don't|do not) (want|) to")).toEqual([
      [['dont'], ['want'], ['to']],
      [['dont'], ['to']],
      [['do'], ['not'], ['want'], ['to']],
      [['do'], ['not'], ['to']],
    ]);
  });
});

describe('findDangerTerms', () => {
  it.each([
    ['I just want to end it all', 'self_harm'],
    ['she wants to kill herself, she has a knife', 'self_harm'],
    ['he keeps saying he will kill himself', 'self_harm'],
    ['they all want to kill themselves after that exam?? no: one said it for real', 'self_harm'],
    ['I dont want to be here anymore', 'self_harm'],
    ['I do not want to be here any more', 'self_harm'],
    ["i don't wanna live", 'self_harm'],
    ['I want to die', 'self_harm'],
    ['i wanna die', 'self_harm'],
    ['I have been hurting myself', 'self_harm'],
    ['she is cutting herself', 'self_harm'],
    ['there is no reason to live', 'self_harm'],
    ['everyone would be better off without me', 'self_harm'],
    ['Someone brought a Gun to the bus stop', 'weapon'],
    ['They said they are going to kill him after school', 'threat'],
    ['he touches me', 'abuse'],
    ['my uncle hits me', 'abuse'],
    ['quiero morirme', 'self_harm'],
    ['me quiero matar', 'self_harm'],
    ['voy a quitarme la vida', 'self_harm'],
    ['ya no quiero vivir', 'self_harm'],
    ['quiero hacerme daño', 'self_harm'],
    ['voy a cortarme', 'self_harm'],
    ['Tenía un cuchillo en la mochila', 'weapon'],
    ['Dijo que te voy a matar en el recreo', 'threat'],
    ['me pega', 'abuse'],
    ['abusa de mí', 'abuse'],
  ])('finds %p as %s', (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it('survives spacing and punctuation: repeated, missing, letters one by one', () => {
    expect(categories('kill    myself')).toEqual(['self_harm']);
    expect(categories('killmyself')).toEqual(['self_harm']);
    expect(categories('i wannadie')).toEqual(['self_harm']);
    expect(categories('k i l l myself')).toEqual(['self_harm']);
    expect(categories('he said: "kill\nmyself"')).toEqual(['self_harm']);
    expect(categories('self-harm')).toEqual(['self_harm']);
    expect(categories('selfharm')).toEqual(['self_harm']);
  });

  it.each([
    ['kil myself', 'self_harm'],
    ['kill mysefl', 'self_harm'],
    ['sucide', 'self_harm'],
    ['suicde', 'self_harm'],
    ['suicidle', 'self_harm'],
    ['wana die', 'self_harm'],
    ['knif', 'weapon'],
    ['nife', 'weapon'],
    ['cuchiyo', 'weapon'],
    ['me kiero matar', 'self_harm'],
    ['se quiere suisidar', 'self_harm'],
    ['kiiiill myseeeelf', 'self_harm'],
  ])('forgives the misspelling %p', (text, category) => {
    expect(categories(text)).toEqual([category]);
  });

  it.each([
    'We killed it at the game',
    'she is killing it in the play',
    'I was dying of laughter',
    'I want to die of embarrassment',
    'me muero de risa',
    'my aunt is drop-dead gorgeous',
    'we were killing time before the bus',
    'I need a knife and fork',
    'that party was the bomb',
    'we had water guns at the picnic',
    'my dad beat me at chess',
    'My mom is going to kill me if I fail',
    'me voy a cortar el pelo',
    'jugamos con pistolas de agua',
    'tiramos bombas de agua',
    'se arma un escándalo en el salón',
    'mi mamá me va a matar si repruebo',
    'se me pega la canción',
  ])('takes back the idiom %p', (text) => {
    expect(findDangerTerms(terms, text)).toEqual([]);
  });

  it('suppresses a hit only where an idiom covers it', () => {
    expect(categories('We killed it at the game, then he said he will kill himself')).toEqual([
      'self_harm',
    ]);
    expect(categories('I need a knife and fork. He has a knife in his bag.')).toEqual(['weapon']);
    expect(categories('me muero de risa con él')).toEqual([]);
    expect(categories('me muero de risa con él, pero dice que se quiere matar')).toContain(
      'self_harm',
    );
  });

  it('does not read everyday words as typos of terms, nor parts of words as words', () => {
    expect(findDangerTerms(terms, 'I keep putting myself out there')).toEqual([]);
    expect(findDangerTerms(terms, 'two dress code violations this week')).toEqual([]);
    expect(findDangerTerms(terms, 'me quiere contar algo, quiere contarme')).toEqual([]);
    expect(
      findDangerTerms(terms, 'He has real skill at gunnery drills and bombastic jokes'),
    ).toEqual([]);
    expect(findDangerTerms(terms, 'They took my lunch tray and laughed at me every day')).toEqual(
      [],
    );
  });

  it('says which term and words matched, each term once', () => {
    expect(findDangerTerms(terms, 'a knife! another knife!')).toEqual([
      {
        category: 'weapon',
        term: expect.stringContaining('knife'),
        words: 'knife',
      },
    ]);
  });

  it('has terms in every category of both languages, each matching its plainest form', () => {
    for (const data of [EN_TERMS, ES_TERMS]) {
      for (const category of DANGER_CATEGORIES) {
        const patterns = data.terms[category];
        expect(patterns.length).toBeGreaterThan(0);
        for (const pattern of patterns) {
          const plainest = expandPattern(pattern)[0]
            .map((slot) => slot[0])
            .join(' ');
          const hits = findDangerTerms(terms, plainest);
          expect({ pattern, hit: hits.some((hit) => hit.category === category) }).toEqual({
            pattern,
            hit: true,
          });
        }
      }
    }
  });
});

describe('extendTerms', () => {
  it("adds a district's terms without changing the built-in ones", () => {
    const district = extendTerms(terms, [{ category: 'threat', phrase: 'red (dawn|sunrise)' }]);
    expect(findDangerTerms(district, 'they planned a RED-SUNRISE for monday')).toEqual([
      { category: 'threat', term: 'red (dawn|sunrise)', words: 'red sunrise' },
    ]);
    expect(findDangerTerms(terms, 'they planned a red sunrise for monday')).toEqual([]);
    expect(categories('she has a knife')).toEqual(['weapon']);
    expect(findDangerTerms(district, 'she has a knife')).toHaveLength(1);
  });
});
