import { CATEGORY_WEIGHTS, LOCATION_WEIGHTS, weightedTable } from './weighted';
import { CATEGORIES, LOCATIONS } from '@app/incidents';

describe('weightedTable', () => {
  it('repeats each value by its weight', () => {
    const table = weightedTable({ a: 70, b: 30 });
    expect(table).toHaveLength(100);
    expect(table.filter((v) => v === 'a')).toHaveLength(70);
  });

  it('refuses weights that do not add up to 100', () => {
    expect(() => weightedTable({ a: 50 })).toThrow(/add up to 100/);
  });

  it('covers exactly the platform’s locations and categories', () => {
    expect(Object.keys(LOCATION_WEIGHTS).sort()).toEqual([...LOCATIONS].sort());
    expect(Object.keys(CATEGORY_WEIGHTS).sort()).toEqual([...CATEGORIES].sort());
    expect(
      weightedTable(LOCATION_WEIGHTS)
        .slice(0, 24)
        .every((v) => v === 'cafeteria'),
    ).toBe(true);
  });
});
