import { MAX_JSON_DEPTH, malformedInputProblem } from './malformed-input';

const nestedArrays = (levels: number): unknown =>
  JSON.parse('['.repeat(levels) + ']'.repeat(levels));

const nestedObjects = (levels: number): unknown =>
  JSON.parse('{"a":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1));

describe('malformedInputProblem', () => {
  it('accepts ordinary bodies, emoji and non-Latin text included', () => {
    expect(
      malformedInputProblem(
        { name: 'Élodie 😀 名前', tags: ['a', 'b'], policy: { days: 3 }, none: null },
        'body',
      ),
    ).toBeUndefined();
    expect(malformedInputProblem(undefined, 'body')).toBeUndefined();
  });

  it(`accepts ${MAX_JSON_DEPTH} levels of nesting and refuses one more`, () => {
    expect(malformedInputProblem(nestedArrays(MAX_JSON_DEPTH), 'body')).toBeUndefined();
    expect(malformedInputProblem(nestedObjects(MAX_JSON_DEPTH), 'body')).toBeUndefined();
    expect(malformedInputProblem(nestedArrays(MAX_JSON_DEPTH + 1), 'body')).toBe(
      `body is nested more than ${MAX_JSON_DEPTH} levels deep`,
    );
    expect(malformedInputProblem(nestedObjects(MAX_JSON_DEPTH + 1), 'body')).toBe(
      `body is nested more than ${MAX_JSON_DEPTH} levels deep`,
    );
  });

  it('refuses 100,000 levels without overflowing the stack', () => {
    expect(malformedInputProblem(nestedArrays(100_000), 'body')).toMatch(/nested more than/);
  });

  it.each([
    ['a lone high surrogate', { email: '\ud800' }, 'email'],
    ['a lone low surrogate', { displayName: 'ab\udc00' }, 'displayName'],
    ['swapped surrogates', { note: '\ude00\ud83d' }, 'note'],
    ['NUL', { displayName: 'Null\u0000Byte' }, 'displayName'],
    ['a nested field', { policy: { name: '\ud800' } }, 'policy.name'],
    ['an array item', { holidays: ['2026-01-01', '\ud800'] }, 'holidays.1'],
  ])('names the field holding %s', (_case, body, field) => {
    expect(malformedInputProblem(body, 'body')).toBe(`${field} contains an invalid character`);
  });

  it('names the first bad field in document order', () => {
    expect(malformedInputProblem({ a: 'fine', b: '\ud800', c: '\udc00' }, 'body')).toBe(
      'b contains an invalid character',
    );
  });

  it('refuses a field name that is not text', () => {
    expect(malformedInputProblem({ policy: { '\ud800': 1 } }, 'body')).toBe(
      'policy has a field name with an invalid character',
    );
  });

  it('names the whole input when it is a bare string', () => {
    expect(malformedInputProblem('\ud800', 'body')).toBe('body contains an invalid character');
  });
});
