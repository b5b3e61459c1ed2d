import { Injectable } from '@nestjs/common';

import { MailTransport } from '@accord/api/shared/mail';

export interface EmailVerificationMail {
  to: string;
  verifyUrl: string;
  expiresAt: Date;
}

/** The subject of every confirmation e-mail: it names nothing anyone wrote. */
export const EMAIL_VERIFICATION_SUBJECT = 'Confirm your e-mail address for Accord';

/**
 * A confirmation e-mail's subject and text. It quotes nothing anyone wrote — not even the workspace's name: whoever
 * signs up chooses the address it goes to, and must not get to choose words for a stranger's inbox too.
 */
export function emailVerificationMessage(mail: EmailVerificationMail): { subject: string; text: string } {
  const text = [
    'Hello,',
    '',
    'This e-mail address was given for an account on Accord. If that was you, confirm it with this link; it works',
    `once, until ${mail.expiresAt.toISOString()}:`,
    '',
    mail.verifyUrl,
    '',
    'Until you do, you cannot invite anyone to the workspace.',
    'If it was not you, you can ignore this e-mail.',
    '',
  ].join('\n');
  return { subject: EMAIL_VERIFICATION_SUBJECT, text };
}

/** Sends confirmation links by e-mail (they are made only while SMTP is configured). */
@Injectable()
export class EmailVerificationMailer {
  constructor(private readonly transport: MailTransport) {}

  /**
   * Whether this instance sends mail. Without it a member need not confirm: the instance sends no one anything, so
   * an unconfirmed address cannot make it a relay.
   */
  get sendsMail(): boolean {
    return this.transport.sendsMail;
  }

  /** Sends the link; throws when the SMTP server does not take it. */
  async send(mail: EmailVerificationMail): Promise<void> {
    await this.transport.send({ to: mail.to, ...emailVerificationMessage(mail) }, 'confirmation');
  }
}
