import { canonicalJson, requestHash } from './idempotency.service';

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, 2] }, b: 1 }),
    );
  });

  it('keeps array order, types and nulls apart', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });

  it('hashes equal requests equally and different ones differently', () => {
    expect(requestHash({ x: 1, y: 2 })).toBe(requestHash({ y: 2, x: 1 }));
    expect(requestHash({ x: 1 })).not.toBe(requestHash({ x: 2 }));
  });
});
