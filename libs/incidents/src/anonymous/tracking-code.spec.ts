import {
  generateTrackingCode,
  hashTrackingCode,
  normaliseTrackingCode,
  TRACKING_CODE_ALPHABET,
  TRACKING_CODE_LENGTH,
  trackingCodeFromDigest,
} from './tracking-code';

describe('tracking codes', () => {
  it('carry at least 80 bits of entropy', () => {
    expect(TRACKING_CODE_LENGTH * Math.log2(TRACKING_CODE_ALPHABET.length)).toBeGreaterThanOrEqual(
      80,
    );
  });

  it('use no look-alike characters', () => {
    expect(TRACKING_CODE_ALPHABET).not.toMatch(/[01OI]/);
    expect(new Set(TRACKING_CODE_ALPHABET).size).toBe(TRACKING_CODE_ALPHABET.length);
  });

  it('come in readable groups of four', () => {
    const code = generateTrackingCode();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){4}$/);
  });

  it('differ every time', () => {
    const codes = new Set(Array.from({ length: 1000 }, generateTrackingCode));
    expect(codes.size).toBe(1000);
  });

  it('are accepted as typed: any case, with spaces instead of dashes', () => {
    const code = generateTrackingCode();
    const expected = code.replace(/-/g, '');
    expect(normaliseTrackingCode(code)).toBe(expected);
    expect(normaliseTrackingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(expected);
  });

  it('refuse what cannot be a code', () => {
    expect(normaliseTrackingCode('')).toBeUndefined();
    expect(normaliseTrackingCode('ABCD-EFGH')).toBeUndefined();
    expect(normaliseTrackingCode('ABCD-EFGH-JKLM-NPQR-STU0')).toBeUndefined();
    expect(normaliseTrackingCode("ABCD-EFGH-JKLM-NPQR-'; --")).toBeUndefined();
  });

  it('are stored as a hash that never contains the code', () => {
    const code = normaliseTrackingCode(generateTrackingCode())!;
    const hash = hashTrackingCode(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code);
    expect(hashTrackingCode(code)).toBe(hash);
  });

  it('can be spelled from a digest, using every one of its first 100 bits', () => {
    const zeros = Buffer.alloc(13);
    expect(trackingCodeFromDigest(zeros)).toBe('AAAA-AAAA-AAAA-AAAA-AAAA');
    expect(trackingCodeFromDigest(Buffer.alloc(32, 0xff))).toBe('9999-9999-9999-9999-9999');
    const lastBit = Buffer.alloc(13);
    lastBit[12] = 0b00010000; // bit 99
    expect(trackingCodeFromDigest(lastBit)).toBe('AAAA-AAAA-AAAA-AAAA-AAAB');
    expect(
      normaliseTrackingCode(trackingCodeFromDigest(Buffer.from('a'.repeat(13)))),
    ).toBeDefined();
    expect(() => trackingCodeFromDigest(Buffer.alloc(12))).toThrow();
  });
});
