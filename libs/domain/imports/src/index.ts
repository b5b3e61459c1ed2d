export * from './lib/text';
export * from './lib/fields';
export * from './lib/values';
export * from './lib/mapping';
export * from './lib/cleaners';
export * from './lib/rows';
export * from './lib/report';
export * from './lib/sales-reps';
