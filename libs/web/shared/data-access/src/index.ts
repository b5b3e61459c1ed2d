export * from './lib/api/api-error';
export * from './lib/api/pending-call';
export * from './lib/api/provide-api';
export * from './lib/auth/auth.service';
export * from './lib/auth/auth.store';
export * from './lib/auth/guards';
export * from './lib/auth/stored-session';
export * from './lib/generated/graphql';
