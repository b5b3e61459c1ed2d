export * from './lib/backtest.module';
export * from './lib/backtest.service';
export * from './lib/backtest.worker';
export * from './lib/backtest.runner';
