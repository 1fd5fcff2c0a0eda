import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { EnvironmentVariables } from './environment';

const ROOT = join(__dirname, '../../../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Every variable the platform reads: each has at least one validation rule. */
const settings = [
  ...new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
      .map(({ propertyName }) => propertyName),
  ),
].sort();

/** `# NAME=value` or `NAME=value` lines. */
const inEnvExample = [...read('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map(
  ([, name]) => name,
);

/** The first cell of the tables' rows: | `NAME` | ... */
const inConfigurationDoc = [
  ...read('docs/configuration.md').matchAll(/^\| `([A-Z][A-Z0-9_]*)`/gm),
].map(([, name]) => name);

describe('the settings operators can see', () => {
  it('finds the settings it checks', () => {
    expect(settings).toEqual(expect.arrayContaining(['DATABASE_URL', 'JWT_SECRET', 'PORT']));
  });

  it('.env.example lists every setting, once, and nothing else', () => {
    expect([...inEnvExample].sort()).toEqual(settings);
  });

  it('docs/configuration.md describes every setting, once, and nothing else', () => {
    expect([...inConfigurationDoc].sort()).toEqual(settings);
  });
});
