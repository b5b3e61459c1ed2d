import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { DatabaseSettings, appDataSourceOptions } from './database-options';
import { TenantDb } from './tenant-db';

/** The application's connection pool (as the application role) and the tenant-scoped transaction runner. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(settings: DatabaseSettings): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...appDataSourceOptions(settings),
          autoLoadEntities: true,
          retryAttempts: 3,
          retryDelay: 500,
        }),
      ],
      providers: [TenantDb],
      exports: [TenantDb],
    };
  }
}
