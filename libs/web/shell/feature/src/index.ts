export * from './lib/placeholder.page';
export * from './lib/shell.component';
export * from './lib/shell.routes';
export * from './lib/account.page';
