export * from './lib/auth-member';
export * from './lib/decorators';
export * from './lib/password-hasher';
export * from './lib/token.service';
export * from './lib/shared-auth.module';
export * from './lib/access.guard';
