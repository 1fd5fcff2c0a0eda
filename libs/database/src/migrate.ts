import { DataSource, Migration } from 'typeorm';
import { dataSourceOptions } from './data-source.options';

/** Any number; all that matters is that every process uses the same one. */
const MIGRATION_LOCK_KEY = 7_240_113;

/**
 * Applies pending migrations. An advisory lock lets several processes start
 * at once against one database: one migrates, the others wait and then find
 * nothing left to do.
 */
export async function runPendingMigrations(url: string): Promise<Migration[]> {
  const dataSource = new DataSource(dataSourceOptions({ url, poolSize: 2 }));
  await dataSource.initialize();
  const lockHolder = dataSource.createQueryRunner();
  try {
    await lockHolder.connect();
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    await lockHolder.release();
    await dataSource.destroy();
  }
}
