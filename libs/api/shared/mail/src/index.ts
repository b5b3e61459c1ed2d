export * from './lib/mail-transport';
export * from './lib/mail.module';
