import { Module } from '@nestjs/common';

import { WebhooksDataAccessModule } from '@accord/api/webhooks/data-access';

import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

/** Outgoing webhooks: admins' endpoints, the delivery worker, and the record of deliveries. */
@Module({
  imports: [WebhooksDataAccessModule],
  providers: [WebhookSecrets, WebhookSender, WebhooksService, WebhooksResolver, WebhookDeliveryWorker],
  exports: [WebhooksService, WebhookDeliveryWorker],
})
export class WebhooksModule {}

/** Every resolver of this module, for printing the schema without booting the app. */
export const WEBHOOKS_RESOLVERS = [WebhooksResolver];
