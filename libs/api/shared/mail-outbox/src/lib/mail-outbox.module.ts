import { Module } from '@nestjs/common';

import { MailModule } from '@accord/api/shared/mail';

import { MailDeliveryWorker } from './mail-delivery.worker';
import { MailOutboxRepository } from './mail-outbox.repository';

/** Import it to queue e-mail from a feature's transactions; the app's import also runs the delivery worker. */
@Module({
  imports: [MailModule],
  providers: [MailOutboxRepository, MailDeliveryWorker],
  exports: [MailOutboxRepository, MailDeliveryWorker],
})
export class MailOutboxModule {}
