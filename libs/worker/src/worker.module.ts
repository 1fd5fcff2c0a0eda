import { DynamicModule, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { appConfigModule, CommonModule, type AppConfig } from '@app/common';
import { CaseworkModule } from '@app/casework';
import { DatabaseModule } from '@app/database';
import { IncidentsModule } from '@app/incidents';
import { NotificationDeliveryModule, NotificationsModule } from '@app/notifications';
import { WorkerLoop } from './worker-loop.service';

/** Background jobs: notification delivery and deadline reminders. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        appConfigModule(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } }),
        ClsModule.forRoot({ global: true }),
        CommonModule,
        DatabaseModule.forRoot({
          url: databaseUrl,
          poolSize: Math.min(config.DATABASE_POOL_SIZE, 4),
          applicationName: 'safe-schools-worker',
        }),
        NotificationDeliveryModule.register(IncidentsModule),
        CaseworkModule,
        NotificationsModule,
      ],
      providers: [WorkerLoop],
    };
  }
}
