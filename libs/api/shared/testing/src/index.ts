export * from './lib/test-database';
export * from './lib/test-team';
export * from './lib/pg-cluster';
export * from './lib/crash';
export * from './lib/test-infrastructure';
export * from './lib/input-problems';
export * from './lib/smtp-inbox';
export * from './lib/waiting-locks';
