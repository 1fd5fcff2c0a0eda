export * from './data-source.options';
export * from './database.module';
export * from './migrate';
export * from './migrations.loader';
export * from './snake-naming.strategy';
export * from './embedded/embedded-postgres.server';
export * from './testing/test-databases';
export * from './open-database';
