export * from './lib/api/api-error';
export * from './lib/api/attempt';
export * from './lib/api/pending-call';
export * from './lib/api/provide-api';
export * from './lib/api/post-graphql';
export * from './lib/auth/auth.service';
export * from './lib/auth/one-time-link';
export * from './lib/auth/workspace-time-zone';
export * from './session';
export * from './lib/generated/graphql';
// Written once for the web app and the API's one-line summaries alike.
export { utcMinute, zonedMinute } from '@accord/domain/pipeline';
export * from './lib/members/colleagues';
export * from './lib/members/email-verification.store';
