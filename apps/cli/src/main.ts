import { loadEnvironmentFile, parseEnvironment } from '@app/common';
import { openDatabase } from '@app/database';
import { ADMIN_USAGE, adminCommand } from './admin/admin.commands';
import { migrateCheck, migrateGenerate, migrateRevert, migrateRun } from './migrations.command';
import { seedScale } from './scale/seed-scale.command';

const say = (line: string) => process.stdout.write(`${line}\n`);

const USAGE = `Usage: node dist/apps/cli/src/main.js <command>   (npm run admin -- <command>)
  migrate:run              apply pending migrations
  migrate:revert           undo the last applied migration
  migrate:generate <Name>  write a migration for the difference between entities and schema
  migrate:check            fail when the entities differ from the migrations (CI)
${ADMIN_USAGE}
  seed:scale [--incidents N] [--schools N] [--districts N] [--students-per-school N] [--batch N]
                           add a large generated data set (for benchmarks; never in production)`;

/** What a command does with the database; its exit code. */
type Task = (url: string) => Promise<number>;

async function taskFor(command: string, args: string[]): Promise<Task | undefined> {
  switch (command) {
    case 'migrate:run':
      return async (url) => {
        await migrateRun(url, say);
        return 0;
      };
    case 'migrate:revert':
      return async (url) => {
        await migrateRevert(url, say);
        return 0;
      };
    case 'migrate:generate':
      return (url) => migrateGenerate(url, args[0] ?? '', say);
    case 'migrate:check':
      return (url) => migrateCheck(url, say);
    case 'seed:scale':
      return (url) => seedScale(url, args, say);
    default: {
      const admin = await adminCommand(command, args);
      return admin
        ? async (url) => {
            await admin(url, say);
            return 0;
          }
        : undefined;
    }
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const task = command ? await taskFor(command, args) : undefined;
  if (!task) {
    say(USAGE);
    return command ? 2 : 0;
  }
  loadEnvironmentFile();
  const database = await openDatabase(parseEnvironment(process.env), say);
  try {
    return await task(database.url);
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
