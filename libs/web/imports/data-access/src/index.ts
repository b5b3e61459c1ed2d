export * from './lib/import-requests';
export * from './lib/imports.store';
export * from './lib/import-history-row';
export * from './lib/import-value-labels';
