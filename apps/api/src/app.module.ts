import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

import { AgreementsModule } from '@accord/api/agreements/feature';
import { BacktestModule } from '@accord/api/backtest/feature';
import { DashboardModule } from '@accord/api/dashboard/feature';
import { HandoversModule } from '@accord/api/handovers/feature';
import { ImportsModule } from '@accord/api/imports/feature';
import { LeadsModule } from '@accord/api/leads/feature';
import { MembersModule } from '@accord/api/members/feature';
import { PipelineModule } from '@accord/api/pipeline/feature';
import { AppConfig, ConfigModule } from '@accord/api/shared/config';
import { DatabaseModule, DatabaseSettings } from '@accord/api/shared/database';
import { GraphqlSetupModule } from '@accord/api/shared/graphql';
import { ObservabilityModule, loggerParams } from '@accord/api/shared/observability';
import { WebhooksModule } from '@accord/api/webhooks/feature';

/** The database settings the configuration gives, for the server at `url`. */
export function databaseSettings(config: AppConfig, url: string, embedded: boolean): DatabaseSettings {
  return {
    url,
    poolSize: config.DATABASE_POOL_SIZE,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    connectionsPerWorkspace: config.DATABASE_CONNECTIONS_PER_WORKSPACE,
    embedded,
  };
}

/** The whole product: shared infrastructure first, then one module per domain. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config.LOG_LEVEL)),
        DatabaseModule.forRoot(database),
        GraphqlSetupModule.forRoot({ production: config.isProduction }),
        ObservabilityModule,
        MembersModule,
        AgreementsModule,
        LeadsModule,
        WebhooksModule,
        HandoversModule,
        PipelineModule,
        DashboardModule,
        ImportsModule,
        BacktestModule,
      ],
    };
  }
}
