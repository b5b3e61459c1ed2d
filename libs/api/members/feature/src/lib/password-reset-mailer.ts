import { Injectable } from '@nestjs/common';

import { MailTransport, quoted } from '@accord/api/shared/mail';

export interface PasswordResetMail {
  to: string;
  workspaceName: string;
  resetUrl: string;
  expiresAt: Date;
}

/** The subject of every password reset e-mail: it names nothing anyone wrote. */
export const PASSWORD_RESET_SUBJECT = 'Reset your Accord password';

/**
 * A password reset e-mail's subject and text. The workspace's name, which an admin wrote, appears only in the text,
 * in quotation marks and on one line, as invitations quote it.
 */
export function passwordResetMessage(mail: PasswordResetMail): { subject: string; text: string } {
  const text = [
    'Hello,',
    '',
    `A new password was asked for your account in the workspace ${quoted(mail.workspaceName)} on Accord.`,
    `Choose it with this link; it works once, until ${mail.expiresAt.toISOString()}:`,
    '',
    mail.resetUrl,
    '',
    'Setting a new password signs you out on every device.',
    'If you did not ask for this, you can ignore this e-mail: your password stays as it is.',
    '',
  ].join('\n');
  return { subject: PASSWORD_RESET_SUBJECT, text };
}

/** Sends password reset links by e-mail when SMTP is configured; otherwise writes them to the log. */
@Injectable()
export class PasswordResetMailer {
  constructor(private readonly transport: MailTransport) {}

  /** Whether reset links go out by e-mail; when not, only an admin's link (or the log) gets one to the member. */
  get sendsMail(): boolean {
    return this.transport.sendsMail;
  }

  /** Sends the link, or logs it without SMTP; throws when the SMTP server does not take it. */
  async send(mail: PasswordResetMail): Promise<void> {
    await this.transport.sendLink(
      { to: mail.to, ...passwordResetMessage(mail) },
      'password reset',
      mail.resetUrl,
    );
  }
}
