import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MigrationInterface } from 'typeorm';

/** The checked-in migrations folder, the same relative place in the sources and in dist/. */
export const MIGRATIONS_DIR = resolve(__dirname, '../../../migrations');

type MigrationClass = new () => MigrationInterface;

const isMigrationFile = (file: string) =>
  /^\d+-[\w-]+\.(js|ts)$/.test(file) && !file.endsWith('.d.ts');

/**
 * Loads every migration class from the migrations folder, in timestamp order.
 * Explicit loading (rather than a glob handed to TypeORM) works the same from
 * compiled JavaScript, from ts-jest and from the migration CLI.
 */
export function loadMigrations(dir = MIGRATIONS_DIR): MigrationClass[] {
  return readdirSync(dir)
    .filter(isMigrationFile)
    .sort()
    .flatMap((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = require(join(dir, file)) as Record<string, unknown>;
      return Object.values(exported).filter(
        (value): value is MigrationClass =>
          typeof value === 'function' &&
          typeof (value as { prototype?: { up?: unknown } }).prototype?.up === 'function',
      );
    });
}
