export * from './lib/fact-scope';
export * from './lib/dashboard.repository';
export * from './lib/dashboard-data-access.module';
