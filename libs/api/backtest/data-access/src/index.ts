export * from './lib/backtest-run.entity';
export * from './lib/backtest-runs.repository';
export * from './lib/backtest-history.repository';
export * from './lib/backtest-data-access.module';
