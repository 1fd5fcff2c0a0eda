import { rankRelated, relatedScore, RELATED_MIN_SCORE, type RelatedSignals } from './related-score';

const nothing: RelatedSignals = {
  sharedStudents: 0,
  sameLocation: false,
  daysApart: 30,
  textSimilarity: 0,
};

describe('relatedScore', () => {
  it('is 0 for reports with nothing in common and 1 for the same story about the same children', () => {
    expect(relatedScore(nothing)).toBe(0);
    expect(
      relatedScore({ sharedStudents: 2, sameLocation: true, daysApart: 0, textSimilarity: 0.9 }),
    ).toBe(1);
  });

  it('weighs shared students most, then wording, then time, then place', () => {
    const students = relatedScore({ ...nothing, sharedStudents: 2 });
    const text = relatedScore({ ...nothing, textSimilarity: 0.5 });
    const time = relatedScore({ ...nothing, daysApart: 0 });
    const place = relatedScore({ ...nothing, sameLocation: true });
    expect(students).toBeGreaterThan(text);
    expect(text).toBeGreaterThan(time);
    expect(time).toBeGreaterThan(place);
  });

  it('gives time less the further apart, and nothing from a week on', () => {
    const at = (daysApart: number) => relatedScore({ ...nothing, daysApart });
    expect(at(0)).toBeGreaterThan(at(3));
    expect(at(3)).toBeGreaterThan(at(6.9));
    expect(at(7)).toBe(0);
    expect(at(70)).toBe(0);
  });

  it('shows a report that shares one student with the case, whatever else', () => {
    expect(relatedScore({ ...nothing, sharedStudents: 1 })).toBeGreaterThanOrEqual(
      RELATED_MIN_SCORE,
    );
  });

  it('counts no trigram noise: similarity of 0.1 or less adds nothing', () => {
    expect(relatedScore({ ...nothing, textSimilarity: 0.1 })).toBe(0);
    expect(relatedScore({ ...nothing, textSimilarity: 0.3 })).toBeCloseTo(0.15);
  });
});

describe('rankRelated', () => {
  it('keeps the likely related ones, best first, ties broken by closeness in time', () => {
    const ranked = rankRelated(
      [
        { id: 'same-place-only', signals: { ...nothing, sameLocation: true } },
        {
          id: 'same-video',
          signals: { ...nothing, sameLocation: true, daysApart: 0, textSimilarity: 0.6 },
        },
        { id: 'same-children', signals: { ...nothing, sharedStudents: 2, daysApart: 2 } },
        {
          id: 'same-video-later',
          signals: { ...nothing, sameLocation: true, daysApart: 1, textSimilarity: 0.6 },
        },
        { id: 'same-children-sooner', signals: { ...nothing, sharedStudents: 2, daysApart: 0.5 } },
      ],
      10,
    );
    expect(ranked.map((item) => item.id)).toEqual([
      'same-video',
      'same-children-sooner',
      'same-video-later',
      'same-children',
    ]);
    expect(ranked.every((item) => item.score >= RELATED_MIN_SCORE)).toBe(true);
  });

  it('answers at most `limit`', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({
      id: String(i),
      signals: { ...nothing, sharedStudents: 2 },
    }));
    expect(rankRelated(many, 3)).toHaveLength(3);
  });
});
