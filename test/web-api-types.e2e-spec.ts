import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp } from './support/test-app';

/**
 * The web app's API types are generated (openapi-typescript) from the OpenAPI
 * document the API serves. This test fails when the checked-in types and the
 * API disagree; `npm run web:api-types` rewrites them.
 */
const ROOT = join(__dirname, '..');
const TYPES_FILE = join(ROOT, 'apps', 'web', 'src', 'api', 'schema.d.ts');
const GENERATOR = join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

function generateTypes(document: unknown): string {
  const work = mkdtempSync(join(tmpdir(), 'api-types-'));
  try {
    writeFileSync(join(work, 'openapi.json'), JSON.stringify(document));
    execFileSync(
      process.execPath,
      [GENERATOR, 'openapi.json', '-o', 'schema.d.ts', '--alphabetize'],
      {
        cwd: work,
        stdio: 'pipe',
      },
    );
    return readFileSync(join(work, 'schema.d.ts'), 'utf8');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

describe('web app API types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('match the OpenAPI document the API serves', async () => {
    const document: unknown = (await t.http.get('/api/docs-json').expect(200)).body;
    const generated = generateTypes(document);
    if (process.env.WRITE_API_TYPES === '1') writeFileSync(TYPES_FILE, generated);
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(generated);
  });
});
