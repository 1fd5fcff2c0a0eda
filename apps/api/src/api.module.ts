import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { appConfig, CommonModule, type AppConfig } from '@app/common';
import { DatabaseModule } from '@app/database';
import { AdminHttpModule } from './admin/admin-http.module';
import { AuthHttpModule } from './auth/auth-http.module';
import { HealthModule } from './health/health.module';
import { AllExceptionsFilter } from './http/exception.filter';
import { loggerOptions } from './logging/logger.options';

export interface ApiModuleOptions {
  /** The database to use: DATABASE_URL, the embedded server, or a test database. */
  databaseUrl: string;
  poolSize: number;
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [appConfig] }),
        LoggerModule.forRootAsync({
          inject: [appConfig.KEY],
          useFactory: (config: AppConfig) => loggerOptions(config),
        }),
        CommonModule,
        DatabaseModule.forRoot({ url: options.databaseUrl, poolSize: options.poolSize, applicationName: 'safe-schools-api' }),
        HealthModule,
        AuthHttpModule,
        AdminHttpModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
