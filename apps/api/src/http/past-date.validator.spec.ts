import { isRecentPastDateTime } from './past-date.validator';

const now = new Date('2026-11-25T15:00:00Z');

describe('isRecentPastDateTime', () => {
  it.each([
    '2026-11-25T09:59:00-05:00',
    '2026-11-20T12:30:00Z',
    '2026-11-20T12:30Z',
    '2022-01-01T00:00:00.123456+01:00',
  ])('accepts %s', (value) => {
    expect(isRecentPastDateTime(value, now)).toBe(true);
  });

  it('allows a few minutes of clock difference', () => {
    expect(isRecentPastDateTime('2026-11-25T15:04:00Z', now)).toBe(true);
    expect(isRecentPastDateTime('2026-11-25T15:06:00Z', now)).toBe(false);
  });

  it.each([
    ['the future', '2026-12-25T15:00:00Z'],
    ['more than five years back', '2021-11-24T15:00:00Z'],
    ['a date without time', '2026-11-20'],
    ['a time without offset', '2026-11-20T12:30:00'],
    ['an impossible date', '2026-02-30T12:00:00Z'],
    ['a number', 1732000000000],
    ['nonsense', 'yesterday'],
  ])('refuses %s', (_what, value) => {
    expect(isRecentPastDateTime(value, now)).toBe(false);
  });
});
