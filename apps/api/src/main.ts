import { loadEnvironmentFile, parseEnvironment, type AppConfig } from '@app/common';
import { openDatabase, runPendingMigrations, type DatabaseHandle } from '@app/database';
import { DemoSeedService } from '@app/identity';
import { startWorker } from '@app/worker';
import { createApiApp } from './app.factory';
import { DOCS_PATH } from './http/swagger';
import { webAppBuilt } from './http/web-app';
import { DEMO_PASSWORD_NOTE, printDemoLogins } from './startup/demo-logins';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  loadEnvironmentFile();
  const config = parseEnvironment(process.env);
  const database = await openDatabase(config, say);
  // The in-process worker starts before the API listens: nestjs-cls keeps one
  // process-wide hooks registry that each application replaces while it
  // initialises, and a request served during that moment would crash.
  const { app, worker } = await startApi(config, database).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  say(
    worker
      ? 'Worker: running in this process (set WORKER_IN_PROCESS=false and use npm run start:worker to run it apart).'
      : 'Worker: not in this process: run npm run start:worker for notifications and deadline reminders.',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: shutting down...`);
    await app.close();
    await worker?.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

async function startApi(config: AppConfig, database: DatabaseHandle) {
  if (config.MIGRATIONS_RUN) {
    const applied = await runPendingMigrations(database.url);
    if (applied.length > 0) say(`Applied ${applied.length} migration(s).`);
  }
  const app = await createApiApp(config, database.url);
  const demo = config.NODE_ENV !== 'production' && config.SEED_DEMO;
  if (demo && (await app.get(DemoSeedService).seedIfEmpty(config.DEMO_PASSWORD))) {
    say('Seeded the demo district (first start on an empty database).');
  }
  const worker = config.WORKER_IN_PROCESS ? await startWorker(config, database.url) : undefined;
  await app.listen({ port: config.PORT, host: config.HOST });
  const base = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  say(`Safe Schools API listening on ${base}`);
  say(
    webAppBuilt(config.WEB_DIR)
      ? `Web app: ${base}/   Anonymous report: ${base}/report/<school code>   Follow-up: ${base}/track`
      : `Web app: not built in ${config.WEB_DIR} (npm run build builds it)`,
  );
  say(
    config.API_DOCS
      ? `API docs: ${base}/${DOCS_PATH}   Health: ${base}/health`
      : `API docs: ${base}/${DOCS_PATH}-json (Swagger UI off; API_DOCS=true turns it on)   Health: ${base}/health`,
  );
  say(
    database.embedded
      ? `Database: embedded PostgreSQL in ${config.DATA_DIR}/postgres`
      : 'Database: DATABASE_URL',
  );
  if (demo && (await app.get(DemoSeedService).hasDemoData())) {
    printDemoLogins(say, config.DEMO_PASSWORD);
    say(DEMO_PASSWORD_NOTE);
  }
  return { app, worker };
}

main().catch((error: unknown) => {
  process.stderr.write(
    `\nThe API could not start.\n${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
