export * from './lib/imports.module';
export * from './lib/imports.service';
export * from './lib/import-preview.service';
export * from './lib/import-history.service';
export * from './lib/imports.controller';
export * from './lib/csv-records';
