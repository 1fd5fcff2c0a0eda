import { types } from 'pg';
import type { DataSourceOptions, EntitySchema } from 'typeorm';
import { loadMigrations } from './migrations.loader';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// Calendar dates stay `YYYY-MM-DD` strings: turning them into Date objects at
// the server's midnight would shift school holidays across time zones.
const DATE_ARRAY_OID = 1182 as Parameters<typeof types.setTypeParser>[0];
const TEXT_ARRAY_OID = 1009 as Parameters<typeof types.getTypeParser>[0];
types.setTypeParser(types.builtins.DATE, (value: string) => value);
types.setTypeParser(
  DATE_ARRAY_OID,
  types.getTypeParser(TEXT_ARRAY_OID) as (value: string) => string[],
);

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityTarget = Function | EntitySchema;

export interface DatabaseConnectionOptions {
  url: string;
  poolSize?: number;
  entities?: EntityTarget[];
  applicationName?: string;
}

/** The one description of how the platform talks to PostgreSQL: app, worker, CLI and tests. */
export function dataSourceOptions(options: DatabaseConnectionOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities ?? [],
    migrations: loadMigrations(),
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: options.applicationName ?? 'safe-schools',
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
    },
  };
}
