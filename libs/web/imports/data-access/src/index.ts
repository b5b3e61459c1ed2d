export * from './lib/import-requests';
export * from './lib/imports.store';
