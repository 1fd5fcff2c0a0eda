import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { appConfigModule, CommonModule, type AppConfig } from '@app/common';
import { DatabaseModule } from '@app/database';
import { DatabaseWatchService } from './database-watch.service';

/** Background jobs. Today it holds the connection and watches it; jobs arrive with notifications. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        appConfigModule(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL }, useExisting: true }),
        CommonModule,
        DatabaseModule.forRoot({
          url: databaseUrl,
          poolSize: Math.min(config.DATABASE_POOL_SIZE, 4),
          applicationName: 'safe-schools-worker',
        }),
      ],
      providers: [DatabaseWatchService],
    };
  }
}
