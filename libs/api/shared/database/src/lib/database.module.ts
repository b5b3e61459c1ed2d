import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DatabaseSettings, appDataSourceOptions, connectionsPerWorkspace } from './database-options';
import { OwnerDb } from './owner-db';
import { TenantDb } from './tenant-db';
import { WorkspaceShares } from './workspace-shares';

/** The application's pool (as the application role), the tenant-scoped transaction runner, and the jobs' owner pool. */
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
      providers: [
        TenantDb,
        // The embedded database has one connection: there is no share of it to keep for the others.
        ...(settings.embedded
          ? []
          : [
              {
                provide: WorkspaceShares,
                useValue: new WorkspaceShares(
                  connectionsPerWorkspace(settings),
                  settings.connectTimeoutMs ?? 5_000,
                ),
              },
            ]),
        {
          provide: OwnerDb,
          useFactory: (dataSource: DataSource) => new OwnerDb(settings, dataSource),
          inject: [DataSource],
        },
      ],
      exports: [TenantDb, OwnerDb, ...(settings.embedded ? [] : [WorkspaceShares])],
    };
  }
}
