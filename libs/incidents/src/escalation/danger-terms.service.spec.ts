import { RuleViolationError } from '@app/common';
import { checkDangerPhrase } from './danger-terms.service';

describe('checkDangerPhrase', () => {
  it('stores a phrase as the matcher reads it', () => {
    expect(checkDangerPhrase('  Operation RED-Sunrise! ')).toBe('operation red sunrise');
    expect(checkDangerPhrase('El FIERRO')).toBe('el fierro');
    expect(checkDangerPhrase('Año')).toBe('ano');
  });

  it('refuses a phrase of fewer than three letters once punctuation is gone', () => {
    expect(() => checkDangerPhrase('!! ?? 12')).toThrow(RuleViolationError);
    expect(() => checkDangerPhrase('a.b')).toThrow(/at least 3 letters/);
  });
});
