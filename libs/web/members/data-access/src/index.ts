export * from './lib/getting-started';
export * from './lib/getting-started.store';
export * from './lib/member-row';
export * from './lib/time-zones';
export * from './lib/members.store';
export * from './lib/workspace-settings.store';
export * from './lib/outbox-email-row';
export * from './lib/outbox-emails.store';
