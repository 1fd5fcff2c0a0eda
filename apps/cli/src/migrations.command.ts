import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPendingMigrations } from '@app/database';
import { withDataSource } from './data-source';
import { allEntities } from './entities';

type Say = (line: string) => void;

/** One SQL statement of a migration. */
interface Query {
  query: string;
  parameters?: unknown[];
}

export async function migrateRun(url: string, say: Say): Promise<void> {
  const applied = await runPendingMigrations(url);
  say(
    applied.length
      ? applied.map((m) => `applied ${m.name}`).join('\n')
      : 'The database is up to date.',
  );
}

export async function migrateRevert(url: string, say: Say): Promise<void> {
  await withDataSource(url, allEntities, (dataSource) =>
    dataSource.undoLastMigration({ transaction: 'each' }),
  );
  say('Reverted the last applied migration.');
}

/** The SQL that would bring the migrated schema in line with the entities. */
async function pendingSchemaChanges(url: string): Promise<{ up: Query[]; down: Query[] }> {
  await runPendingMigrations(url);
  return withDataSource(url, allEntities, async (dataSource) => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    const database = dataSource.driver.database ?? '';
    const portable = (query: Query) => withoutDatabaseName(query, database);
    return {
      up: withMetadataTable(sql.upQueries.map(portable)),
      down: sql.downQueries.reverse().map(portable),
    };
  });
}

export async function migrateGenerate(url: string, name: string, say: Say): Promise<number> {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
    say('Give the migration a name in PascalCase, e.g. npm run migration:generate -- AddIncidents');
    return 2;
  }
  const changes = await pendingSchemaChanges(url);
  if (changes.up.length === 0) {
    say('The entities match the migrations: nothing to generate.');
    return 0;
  }
  const timestamp = Date.now();
  const file = join(process.cwd(), 'migrations', `${timestamp}-${name}.ts`);
  writeFileSync(file, migrationSource(`${name}${timestamp}`, changes.up, changes.down));
  say(
    `Wrote ${file} (${changes.up.length} statement(s)). Review it, then run npm run migration:run.`,
  );
  return 0;
}

export async function migrateCheck(url: string, say: Say): Promise<number> {
  const changes = await pendingSchemaChanges(url);
  if (changes.up.length === 0) {
    say('Migrations match the entities.');
    return 0;
  }
  say(
    'The entities differ from the migrations. Run npm run migration:generate -- <Name>. Missing SQL:',
  );
  for (const statement of changes.up) say(`  ${statement.query}`);
  return 1;
}

/**
 * TypeORM records generated columns in `typeorm_metadata` under the name of
 * the database it generated from; the migration must work in any database
 * (test clones, production), so the name becomes `current_database()`.
 */
function withoutDatabaseName({ query, parameters }: Query, database: string): Query {
  const index = parameters?.indexOf(database) ?? -1;
  if (!parameters || index < 0) return { query, parameters };
  const renumbered = query.replace(/\$(\d+)/g, (_match, n: string) => {
    const position = Number(n) - 1;
    if (position === index) return 'current_database()';
    return `$${position > index ? position : position + 1}`;
  });
  return { query: renumbered, parameters: parameters.filter((_value, i) => i !== index) };
}

/** Migrations run without entities, so TypeORM does not create its metadata table for them. */
function withMetadataTable(queries: Query[]): Query[] {
  if (!queries.some(({ query }) => query.includes('"typeorm_metadata"'))) return queries;
  const create: Query = {
    query:
      'CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)',
  };
  return [create, ...queries];
}

function migrationSource(className: string, up: Query[], down: Query[]): string {
  const statements = (queries: Query[]) =>
    queries
      .map(({ query, parameters }) => {
        const sql = `\`${query.replace(/`/g, '\\`')}\``;
        const args = parameters?.length ? `, ${JSON.stringify(parameters)}` : '';
        return `    await queryRunner.query(${sql}${args});`;
      })
      .join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${statements(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${statements(down)}
  }
}
`;
}
