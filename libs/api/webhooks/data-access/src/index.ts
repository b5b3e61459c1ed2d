export * from './lib/webhook.entities';
export * from './lib/webhook-outbox.repository';
export * from './lib/webhooks.repository';
export * from './lib/webhooks-data-access.module';
