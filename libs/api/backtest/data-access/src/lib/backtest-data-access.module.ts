import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { BacktestHistoryRepository } from './backtest-history.repository';
import { BacktestRunEntity } from './backtest-run.entity';
import { BacktestRunsRepository } from './backtest-runs.repository';

@Module({
  imports: [TypeOrmModule.forFeature([BacktestRunEntity])],
  providers: [BacktestRunsRepository, BacktestHistoryRepository],
  exports: [BacktestRunsRepository, BacktestHistoryRepository],
})
export class BacktestDataAccessModule {}

/** Every entity of this library, for data sources that list entities explicitly. */
export const BACKTEST_ENTITIES = [BacktestRunEntity];
