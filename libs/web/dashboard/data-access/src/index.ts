export * from './lib/dashboard-charts';
export * from './lib/dashboard-export';
export * from './lib/dashboard-rows.store';
export * from './lib/dashboard-selection';
export * from './lib/dashboard-types';
export * from './lib/dashboard.store';
export * from './lib/metric-format';
export * from './lib/rep-rows';
