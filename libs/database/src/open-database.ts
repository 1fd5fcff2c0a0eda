import { join } from 'node:path';
import type { AppConfig } from '@app/common';
import { EmbeddedPostgresServer } from './embedded/embedded-postgres.server';

export interface DatabaseHandle {
  url: string;
  /** True when this process runs the embedded server and must stop it. */
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * DATABASE_URL when it is set, and nothing else; otherwise the embedded
 * PostgreSQL under DATA_DIR, started (or joined, if another local process of
 * the platform already runs it).
 */
export async function openDatabase(
  config: AppConfig,
  log: (line: string) => void,
): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, embedded: false, close: () => Promise.resolve() };
  }
  const server = await EmbeddedPostgresServer.start({
    dataDir: join(config.DATA_DIR, 'postgres'),
    port: config.EMBEDDED_DB_PORT,
    log,
  });
  return { url: server.url, embedded: true, close: () => server.stop() };
}
