import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadEnvironmentFile, parseEnvironment } from '@app/common';
import { openDatabase } from '@app/database';
import { WorkerModule } from './worker.module';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  loadEnvironmentFile();
  const config = parseEnvironment(process.env);
  const database = await openDatabase(config, say);
  const worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, database.url),
    {
      bufferLogs: true,
    },
  );
  worker.useLogger(worker.get(Logger));
  await worker.init();
  say('Safe Schools worker running (Ctrl+C to stop).');

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
