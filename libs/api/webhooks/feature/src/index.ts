export * from './lib/webhooks.module';
export * from './lib/webhooks.service';
export * from './lib/webhook-delivery.worker';
export * from './lib/webhook-secrets';
