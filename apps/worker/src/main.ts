import { loadEnvironmentFile, parseEnvironment } from '@app/common';
import { openDatabase } from '@app/database';
import { startWorker } from '@app/worker';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  loadEnvironmentFile();
  const config = parseEnvironment(process.env);
  const database = await openDatabase(config, say);
  const worker = await startWorker(config, database.url);
  say(
    'Safe Schools worker running: delivering notifications and watching deadlines (Ctrl+C to stop).',
  );

  const stop = async (signal: string) => {
    say(`${signal} received: stopping the worker...`);
    await worker.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `\nThe worker could not start.\n${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
