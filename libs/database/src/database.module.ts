import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source.options';

export interface DatabaseModuleOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/**
 * The application's one connection pool. Entities are contributed by each
 * library's `TypeOrmModule.forFeature`, so this module knows none of them.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ ...options, entities: [] }),
          migrations: [],
          autoLoadEntities: true,
        }),
      ],
    };
  }
}
