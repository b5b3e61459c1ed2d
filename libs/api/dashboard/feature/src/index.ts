export * from './lib/dashboard.module';
export * from './lib/dashboard.service';
export * from './lib/dashboard-rollup.job';
