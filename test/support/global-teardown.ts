import { rmSync } from 'node:fs';
import { TestDatabases } from '../../libs/database/src/testing/test-databases';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  const prefix = process.env.TEST_DATABASE_PREFIX;
  if (!adminUrl) return; // another project's teardown already cleaned up
  delete process.env.TEST_DATABASE_ADMIN_URL;
  if (adminUrl && prefix && !globalThis.embeddedTestServer) {
    await new TestDatabases(adminUrl, prefix).dropAll();
  }
  if (globalThis.embeddedTestServer) {
    await globalThis.embeddedTestServer.server.stop();
    rmSync(globalThis.embeddedTestServer.dir, { recursive: true, force: true });
    globalThis.embeddedTestServer = undefined;
  }
}
