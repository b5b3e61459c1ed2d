export * from './lib/imports.repository';
export * from './lib/imports-data-access.module';
