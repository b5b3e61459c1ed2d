export * from './lib/app-config';
export * from './lib/clock';
export * from './lib/config.module';
export * from './lib/polling-job';
