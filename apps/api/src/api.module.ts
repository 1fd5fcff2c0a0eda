import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, appConfigModule, CommonModule, type AppConfig } from '@app/common';
import { DatabaseModule } from '@app/database';
import { AdminHttpModule } from './admin/admin-http.module';
import { AuthHttpModule } from './auth/auth-http.module';
import { CalendarHttpModule } from './calendar/calendar-http.module';
import { CaseworkHttpModule } from './casework/casework-http.module';
import { HealthModule } from './health/health.module';
import { IncidentsHttpModule } from './incidents/incidents-http.module';
import { AllExceptionsFilter } from './http/exception.filter';
import { LiveHttpModule } from './live/live-http.module';
import { loggerOptions } from './logging/logger.options';
import { NotificationsHttpModule } from './notifications/notifications-http.module';
import { SafetyHttpModule } from './safety/safety-http.module';
import { StudentsHttpModule } from './students/students-http.module';

export interface ApiModuleOptions {
  config: AppConfig;
  /** The database to use: DATABASE_URL, the embedded server, or a test database. */
  databaseUrl: string;
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        appConfigModule(options.config),
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => loggerOptions(config),
        }),
        CommonModule,
        // The request id travels with the request, so the audit log can name it.
        ClsModule.forRoot({
          global: true,
          interceptor: {
            mount: true,
            generateId: true,
            idGenerator: (context) => context.switchToHttp().getRequest<{ id: string }>().id,
          },
        }),
        DatabaseModule.forRoot({
          url: options.databaseUrl,
          poolSize: options.config.DATABASE_POOL_SIZE,
          applicationName: 'safe-schools-api',
          countQueries: options.config.QUERY_COUNT_HEADER,
        }),
        HealthModule,
        AuthHttpModule,
        AdminHttpModule,
        CalendarHttpModule,
        IncidentsHttpModule,
        CaseworkHttpModule,
        NotificationsHttpModule,
        StudentsHttpModule,
        LiveHttpModule,
        SafetyHttpModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
