import { createHash, randomInt } from 'node:crypto';

/**
 * 32 symbols without the look-alikes 0/O and 1/I, so a child can copy a code
 * from a screen to paper and back. 20 symbols of 5 bits each: 100 bits.
 */
export const TRACKING_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const TRACKING_CODE_LENGTH = 20;
const GROUP = 4;

/** A new tracking code, e.g. `K7QM-W3ZP-9HTC-NV4R-XE2D`. */
export function generateTrackingCode(): string {
  return grouped(
    Array.from(
      { length: TRACKING_CODE_LENGTH },
      () => TRACKING_CODE_ALPHABET[randomInt(TRACKING_CODE_ALPHABET.length)],
    ),
  );
}

/** The tracking code spelled by the first 100 bits of a digest (at least 13 bytes), 5 bits a symbol. */
export function trackingCodeFromDigest(digest: Buffer): string {
  if (digest.length * 8 < TRACKING_CODE_LENGTH * 5) throw new Error('digest too short');
  const symbols = Array.from({ length: TRACKING_CODE_LENGTH }, (_, i) => {
    const bit = i * 5;
    const twoBytes = (digest[bit >> 3] << 8) | (digest[(bit >> 3) + 1] ?? 0);
    return TRACKING_CODE_ALPHABET[(twoBytes >> (11 - (bit & 7))) & 31];
  });
  return grouped(symbols);
}

function grouped(symbols: string[]): string {
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += GROUP) groups.push(symbols.slice(i, i + GROUP).join(''));
  return groups.join('-');
}

/**
 * The code as typed by a person: any case, with or without dashes or spaces.
 * Undefined when it cannot be a tracking code.
 */
export function normaliseTrackingCode(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const wellFormed =
    compact.length === TRACKING_CODE_LENGTH &&
    [...compact].every((symbol) => TRACKING_CODE_ALPHABET.includes(symbol));
  return wellFormed ? compact : undefined;
}

/** What is stored: the SHA-256 of the normalised code (100 random bits need no slow hash). */
export function hashTrackingCode(normalisedCode: string): string {
  return createHash('sha256').update(normalisedCode).digest('hex');
}
