export * from './lib/auth-layout.component';
export * from './lib/form-alert.component';
