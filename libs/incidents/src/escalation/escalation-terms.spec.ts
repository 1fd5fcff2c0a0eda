import { ESCALATION_TERMS, escalationReasons, findEscalationTerms } from './escalation-terms';

const categories = (text: string) => [...new Set(findEscalationTerms(text).map((m) => m.category))];

describe('findEscalationTerms', () => {
  it.each([
    ['He said he wants to kill myself... I mean I want to kill myself', 'self_harm'],
    ['Sometimes I think about SUICIDE', 'self_harm'],
    ['She showed a knife in the lunchroom', 'weapon'],
    ['Someone brought a Gun to the bus stop', 'weapon'],
    ['They said they are going to kill him after school', 'threat'],
    ['Dijo que te voy a matar en el recreo', 'threat'],
    ['Tenía un cuchillo en la mochila', 'weapon'],
    ['Ya no quiero vivir, pienso en el suicidio', 'self_harm'],
  ])('finds %p as %s', (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it('ignores case and accents', () => {
    expect(categories('QUIERO MORÍR')).toEqual(['self_harm']);
    expect(categories('amenazó con matar a mi hijo')).toEqual(['threat']);
    expect(categories('hacerme daño')).toEqual(['self_harm']);
  });

  it('matches whole words only', () => {
    expect(findEscalationTerms('He has real skill at gunnery drills and bombastic jokes')).toEqual(
      [],
    );
    expect(
      findEscalationTerms('They armed themselves with excuses; the armadillo was fine'),
    ).toEqual([]);
  });

  it('matches across punctuation and line breaks', () => {
    expect(categories('he said: "kill\nmyself"')).toEqual(['self_harm']);
    expect(categories('self-harm')).toEqual(['self_harm']);
    expect(categories('self harm')).toEqual(['self_harm']);
  });

  it('finds nothing in an ordinary report', () => {
    expect(
      findEscalationTerms('They took my lunch tray and laughed at me every day at lunch'),
    ).toEqual([]);
  });

  it('has terms in every category, each matching itself', () => {
    for (const [category, terms] of Object.entries(ESCALATION_TERMS)) {
      expect(terms.length).toBeGreaterThan(0);
      for (const term of terms) expect(categories(term)).toContain(category);
    }
  });
});

describe('escalationReasons', () => {
  it('lists the urgent flag and each category once', () => {
    expect(escalationReasons(true, ['a knife and a gun', 'he threatened to kill me'])).toEqual([
      'urgent_flag',
      'threat',
      'weapon',
    ]);
  });

  it('is empty for an ordinary, non-urgent report', () => {
    expect(escalationReasons(false, ['they call me names at lunch'])).toEqual([]);
  });
});
