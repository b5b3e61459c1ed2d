export * from './lib/auth-member';
export * from './lib/decorators';
export * from './lib/password-hasher';
export * from './lib/token.service';
export * from './lib/shared-auth.module';
export * from './lib/access.guard';
export * from './lib/rate-limits';
export * from './lib/rate-limit.guard';
