export * from './lib/member-row';
export * from './lib/members.store';
