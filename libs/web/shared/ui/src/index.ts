export * from './lib/auth-layout.component';
export * from './lib/confirm.dialog';
export * from './lib/dialog-config';
export * from './lib/empty-list';
export * from './lib/form-alert.component';
export * from './lib/page-header.component';
export * from './lib/new-password';
export * from './lib/table-scroll';
