import { Module } from '@nestjs/common';

import { MailTransport } from './mail-transport';

/** The one SMTP transport, for every feature that e-mails members (invitations, resets, proposals to sign). */
@Module({
  providers: [MailTransport],
  exports: [MailTransport],
})
export class MailModule {}
