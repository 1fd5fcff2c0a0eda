import { loadEnvironmentFile, parseEnvironment } from '@app/common';
import { openDatabase } from '@app/database';
import { migrateCheck, migrateGenerate, migrateRevert, migrateRun } from './migrations.command';
import { seedScale } from './scale/seed-scale.command';

const say = (line: string) => process.stdout.write(`${line}\n`);

const USAGE = `Usage: node dist/apps/cli/src/main.js <command>
  migrate:run              apply pending migrations
  migrate:revert           undo the last applied migration
  migrate:generate <Name>  write a migration for the difference between entities and schema
  migrate:check            fail when the entities differ from the migrations (CI)
  seed:scale [--incidents N] [--schools N] [--districts N] [--students-per-school N] [--batch N]
                           add a large generated data set (for benchmarks; never in production)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command?.startsWith('migrate:') && command !== 'seed:scale') {
    say(USAGE);
    return command ? 2 : 0;
  }
  loadEnvironmentFile();
  const database = await openDatabase(parseEnvironment(process.env), say);
  try {
    switch (command) {
      case 'migrate:run':
        await migrateRun(database.url, say);
        return 0;
      case 'migrate:revert':
        await migrateRevert(database.url, say);
        return 0;
      case 'migrate:generate':
        return await migrateGenerate(database.url, args[0] ?? '', say);
      case 'migrate:check':
        return await migrateCheck(database.url, say);
      case 'seed:scale':
        return await seedScale(database.url, args, say);
      default:
        say(USAGE);
        return 2;
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
