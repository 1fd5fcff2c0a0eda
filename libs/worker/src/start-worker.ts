import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@app/common';
import { WorkerModule } from './worker.module';

/** Starts the worker's loops; close the returned context to stop them. */
export async function startWorker(
  config: AppConfig,
  databaseUrl: string,
): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, databaseUrl),
    {
      bufferLogs: true,
    },
  );
  worker.useLogger(worker.get(Logger));
  await worker.init();
  return worker;
}
