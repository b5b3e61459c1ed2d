export * from './lib/forgot-password.page';
export * from './lib/reset-password.page';
