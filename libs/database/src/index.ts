export { dataSourceOptions, type DatabaseConnectionOptions } from './data-source.options';
export { DatabaseModule, type DatabaseModuleOptions } from './database.module';
export { runPendingMigrations } from './migrate';
export { openDatabase, type DatabaseHandle } from './open-database';
export { QueryCounter } from './query-counter';
export { SqlParams } from './sql-params';
export { EmbeddedPostgresServer } from './embedded/embedded-postgres.server';
export { TestDatabases } from './testing/test-databases';
