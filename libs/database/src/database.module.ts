import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source.options';
import { QueryCounter } from './query-counter';

export interface DatabaseModuleOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /** Count statements (see QueryCounter); off in normal operation. */
  countQueries?: boolean;
}

/**
 * The application's one connection pool. Entities are contributed by each
 * library's `TypeOrmModule.forFeature`, so this module knows none of them.
 *
 * Registered with `forRootAsync`: `forRoot` also records the pool's name in a
 * registry that @nestjs/typeorm keeps per process, not per application, so the
 * worker running inside the API process (an application of its own, with its
 * own pool) was reported as a second "default" data source.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions({ ...options, entities: [] }),
            migrations: [],
            autoLoadEntities: true,
            ...(options.countQueries
              ? { logging: ['query' as const], logger: new QueryCounter() }
              : {}),
          }),
        }),
      ],
    };
  }
}
