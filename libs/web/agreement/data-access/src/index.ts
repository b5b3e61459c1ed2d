export * from './lib/agreement-colleagues';
export * from './lib/agreement-version';
export * from './lib/agreement.service';
export * from './lib/agreement-draft.store';
export * from './lib/agreement-overview.store';
export * from './lib/agreement-review.store';
export * from './lib/backtest.store';
export * from './lib/backtest-headline';
