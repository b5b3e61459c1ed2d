export * from './lib/observability.module';
export * from './lib/logging';
