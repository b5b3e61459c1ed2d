export * from './lib/api-key-examples';
export * from './lib/api-key-row';
export * from './lib/api-keys.store';
