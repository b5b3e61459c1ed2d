export * from './lib/vocabulary';
export * from './lib/fields';
export * from './lib/document';
export * from './lib/validation';
export * from './lib/diff';
export * from './lib/lifecycle';
export * from './lib/starter';
