import fc from 'fast-check';

const PLACEHOLDER = '\u0001malformed\u0001';

/**
 * Raw JSON values that parse but must be refused before validation: strings
 * holding a lone UTF-16 surrogate, and arrays or objects nested past the
 * 32-level limit (up to the depth that once overflowed the validation stack).
 */
export function malformedJsonValue(): fc.Arbitrary<string> {
  const loneSurrogate = fc
    .tuple(
      fc.string({ maxLength: 12 }),
      fc.integer({ min: 0xd800, max: 0xdfff }),
      fc.string({ maxLength: 12 }),
    )
    .map(([before, unit, after]) => JSON.stringify(before + String.fromCharCode(unit) + after));
  const deep = fc
    .tuple(fc.integer({ min: 33, max: 3_000 }), fc.boolean())
    .map(([depth, arrays]) =>
      arrays
        ? '['.repeat(depth) + ']'.repeat(depth)
        : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
    );
  return fc.oneof(loneSurrogate, deep);
}

/**
 * The JSON text of `body` with `field` set to a malformed value, either at the
 * top level or inside a party (so that nested paths are exercised too).
 */
export function withMalformedField(
  body: object,
  fields: readonly string[],
): fc.Arbitrary<{ raw: string; field: string }> {
  return fc
    .tuple(fc.constantFrom(...fields, 'parties.0.name'), malformedJsonValue())
    .map(([field, value]) => {
      const shaped =
        field === 'parties.0.name'
          ? { ...body, parties: [{ role: 'target', name: PLACEHOLDER }] }
          : { ...body, [field]: PLACEHOLDER };
      // A function, not the string: `value` may hold `$&` or `$'`, which replace() would expand.
      const raw = JSON.stringify(shaped).replace(JSON.stringify(PLACEHOLDER), () => value);
      return { raw, field };
    });
}
