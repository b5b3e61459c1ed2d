export * from './lib/roles';
export * from './lib/features';
export * from './lib/identity';
export * from './lib/quota';
