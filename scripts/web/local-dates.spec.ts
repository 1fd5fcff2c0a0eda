/** The days of the web forms (apps/web/src/lib/local-dates), without a browser. */
import { daysBefore, isDate, localDate } from '../../apps/web/src/lib/local-dates';

describe('local dates', () => {
  it('accepts real days only', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2023-02-29')).toBe(false);
    expect(isDate('2024-13-01')).toBe(false);
    expect(isDate('2024-1-01')).toBe(false);
  });

  it('writes a day of this device as yyyy-mm-dd', () => {
    expect(localDate(new Date(2024, 0, 5, 23, 30))).toBe('2024-01-05');
    expect(localDate(daysBefore(new Date(2024, 2, 1, 12), 1))).toBe('2024-02-29');
  });
});
