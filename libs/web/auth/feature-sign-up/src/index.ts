export * from './lib/sign-up.page';
export * from './lib/verify-email.page';
