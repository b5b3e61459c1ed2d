export * from './lib/members.page';
export * from './lib/members.routes';
