export * from './lib/tenant-db';
export * from './lib/database-options';
export * from './lib/database.module';
export * from './lib/embedded-postgres';
export * from './lib/migrate';
export * from './lib/migrations';
export * from './lib/owner-db';
export * from './lib/errors';
