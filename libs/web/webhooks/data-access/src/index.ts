export * from './lib/webhook-rows';
export * from './lib/webhooks.store';
