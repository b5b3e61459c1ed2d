export * from './lib/mail-delivery.worker';
export * from './lib/mail-outbox.module';
export * from './lib/mail-outbox.repository';
export * from './lib/mail-retry';
