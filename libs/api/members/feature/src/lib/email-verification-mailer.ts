import { Injectable } from '@nestjs/common';

import { MailTransport, quoted } from '@accord/api/shared/mail';

export interface EmailVerificationMail {
  to: string;
  workspaceName: string;
  verifyUrl: string;
  expiresAt: Date;
}

/** The subject of every confirmation e-mail: it names nothing anyone wrote. */
export const EMAIL_VERIFICATION_SUBJECT = 'Confirm your e-mail address for Accord';

/**
 * A confirmation e-mail's subject and text. The workspace's name, which whoever signed up wrote, appears only in the
 * text, in quotation marks and on one line, as invitations quote it.
 */
export function emailVerificationMessage(mail: EmailVerificationMail): { subject: string; text: string } {
  const text = [
    'Hello,',
    '',
    `Confirm that this is your e-mail address for the workspace ${quoted(mail.workspaceName)} on Accord.`,
    `Open this link; it works once, until ${mail.expiresAt.toISOString()}:`,
    '',
    mail.verifyUrl,
    '',
    'Until you do, you cannot invite anyone to the workspace.',
    'If you did not sign up for Accord, you can ignore this e-mail.',
    '',
  ].join('\n');
  return { subject: EMAIL_VERIFICATION_SUBJECT, text };
}

/** Sends confirmation links by e-mail when SMTP is configured; otherwise writes them to the log. */
@Injectable()
export class EmailVerificationMailer {
  constructor(private readonly transport: MailTransport) {}

  /**
   * Whether confirmation links go out by e-mail. Without mail a member need not confirm: this instance sends no one
   * anything, so an unconfirmed address cannot make it a relay.
   */
  get sendsMail(): boolean {
    return this.transport.sendsMail;
  }

  /** Sends the link, or logs it without SMTP; throws when the SMTP server does not take it. */
  async send(mail: EmailVerificationMail): Promise<void> {
    await this.transport.sendLink(
      { to: mail.to, ...emailVerificationMessage(mail) },
      'confirmation',
      mail.verifyUrl,
    );
  }
}
