import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every string of the web app exists in every language (apps/web/src/locales/<lang>/<namespace>.json). */
const LOCALES = join(__dirname, '..', '..', 'apps', 'web', 'src', 'locales');
const LANGUAGES = ['en', 'es'];

/** The keys of a namespace file, plural suffixes folded (Spanish and English share _one/_other). */
function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keysOf(child, prefix ? `${prefix}.${key}` : key),
  );
}

function namespaces(language: string): string[] {
  return readdirSync(join(LOCALES, language))
    .filter((file) => file.endsWith('.json'))
    .sort();
}

function load(language: string, namespace: string): unknown {
  return JSON.parse(readFileSync(join(LOCALES, language, namespace), 'utf8'));
}

describe('web app translations', () => {
  it('has the same namespace files in every language', () => {
    for (const language of LANGUAGES) expect(namespaces(language)).toEqual(namespaces('en'));
  });

  for (const namespace of namespaces('en')) {
    it(`${namespace} has the same keys in every language, none empty`, () => {
      const english = keysOf(load('en', namespace)).sort();
      for (const language of LANGUAGES) {
        const file = load(language, namespace);
        expect({ language, keys: keysOf(file).sort() }).toEqual({ language, keys: english });
        const empty = keysOf(file).filter((key) => {
          const text = key
            .split('.')
            .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], file);
          return typeof text !== 'string' || text.trim() === '';
        });
        expect({ language, empty }).toEqual({ language, empty: [] });
      }
    });
  }

  it('finds a key missing in one language', () => {
    const english = keysOf({ a: { b: 'x', c: 'y' } }).sort();
    const spanish = keysOf({ a: { b: 'x' } }).sort();
    expect(spanish).not.toEqual(english);
  });
});
