import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgresServer } from '../../libs/database/src/embedded/embedded-postgres.server';
import { TestDatabases } from '../../libs/database/src/testing/test-databases';

declare global {
  var embeddedTestServer: { server: EmbeddedPostgresServer; dir: string } | undefined;
}

/**
 * One PostgreSQL for the whole run: DATABASE_URL when set, otherwise a
 * throw-away embedded server. The schema is migrated once into a template that
 * every test file clones (see test/support/test-app.ts).
 */
export default async function globalSetup(): Promise<void> {
  // Each jest project (e2e, browser) names this setup; the first one prepares for all.
  if (process.env.TEST_DATABASE_ADMIN_URL) return;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'safe-schools-test-'));
    chmodSync(dir, 0o755); // PostgreSQL runs as the 'postgres' user when tests run as root
    const server = await EmbeddedPostgresServer.start({
      dataDir: join(dir, 'postgres'),
      database: 'postgres',
      ephemeral: true,
    });
    globalThis.embeddedTestServer = { server, dir };
    adminUrl = server.url;
  }
  const prefix = `test_${process.pid}`;
  const databases = new TestDatabases(adminUrl, prefix);
  await databases.prepareTemplate();
  process.env.TEST_DATABASE_ADMIN_URL = adminUrl;
  process.env.TEST_DATABASE_PREFIX = prefix;
}
