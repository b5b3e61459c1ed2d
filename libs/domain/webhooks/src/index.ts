export * from './lib/events';
export * from './lib/signature';
export * from './lib/retry';
export * from './lib/endpoint-url';
