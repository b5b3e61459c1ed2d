import { AppConfig } from '@accord/api/shared/config';
import { Injectable, Logger } from '@nestjs/common';
import { Transporter, createTransport } from 'nodemailer';

export interface InvitationMail {
  to: string;
  name: string;
  workspaceName: string;
  inviteUrl: string;
  expiresAt: Date;
}

/** Sends invitation links by e-mail when SMTP is configured; otherwise writes them to the log for the admin. */
@Injectable()
export class InvitationMailer {
  private readonly logger = new Logger(InvitationMailer.name);
  private readonly transport: Transporter | null;

  constructor(private readonly config: AppConfig) {
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
  }

  async send(mail: InvitationMail): Promise<void> {
    if (!this.transport) {
      this.logger.log({ to: mail.to, inviteUrl: mail.inviteUrl }, `Invitation for ${mail.to} (SMTP not configured): ${mail.inviteUrl}`);
      return;
    }
    try {
      await this.transport.sendMail({
        from: this.config.MAIL_FROM,
        to: mail.to,
        subject: `You are invited to ${mail.workspaceName} on Accord`,
        text:
          `Hello ${mail.name},\n\nYou have been invited to join ${mail.workspaceName} on Accord.\n` +
          `Set your password here (the link works once, until ${mail.expiresAt.toISOString()}):\n\n${mail.inviteUrl}\n`,
      });
    } catch (error) {
      // The invitation exists and the admin has the link; a mail outage must not undo it.
      this.logger.error({ err: error, to: mail.to }, 'Could not send the invitation e-mail');
    }
  }
}
