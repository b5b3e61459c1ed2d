export * from './lib/fact-scope';
export * from './lib/dashboard.repository';
export * from './lib/dashboard-data-access.module';
export * from './lib/dashboard-rollup.repository';
export * from './lib/rollup-slices';
