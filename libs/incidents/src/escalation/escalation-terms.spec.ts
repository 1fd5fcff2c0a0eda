import {
  dangerCategories,
  escalationReasons,
  findEscalationTerms,
  normalisePhrase,
} from './escalation-terms';

describe('findEscalationTerms', () => {
  it('uses the built-in terms of both languages on every text', () => {
    const words = findEscalationTerms('She showed a knife; tenía una pistola').map((h) => h.words);
    expect(new Set(words)).toEqual(new Set(['knife', 'pistola']));
  });

  it("adds a district's terms when given", () => {
    expect(findEscalationTerms('the pineapple plan is on')).toEqual([]);
    expect(
      findEscalationTerms('the Pineapple  plan is on', [
        { category: 'threat', phrase: 'pineapple plan' },
      ]).map((hit) => hit.category),
    ).toEqual(['threat']);
  });
});

describe('dangerCategories', () => {
  it('lists each category found in any of the texts once, in a fixed order', () => {
    expect(
      dangerCategories(['he has a gun', 'my uncle hits me', 'I want to die', 'a knife']),
    ).toEqual(['self_harm', 'weapon', 'abuse']);
  });
});

describe('escalationReasons', () => {
  it('lists the urgent flag and each category once, sorted', () => {
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

describe('normalisePhrase', () => {
  it('reads a phrase as the matcher does', () => {
    expect(normalisePhrase('  Él   ABUSA de mí! ')).toBe('el abusa de mi');
  });
});
