import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { WebhookOutboxRepository } from './webhook-outbox.repository';
import { WEBHOOK_ENTITIES } from './webhook.entities';
import { WebhooksRepository } from './webhooks.repository';

/** Import it to call WebhookOutboxRepository.enqueue from a feature's transactions. */
@Module({
  imports: [TypeOrmModule.forFeature(WEBHOOK_ENTITIES)],
  providers: [WebhooksRepository, WebhookOutboxRepository],
  exports: [WebhooksRepository, WebhookOutboxRepository],
})
export class WebhooksDataAccessModule {}
