import { Injectable, Logger } from '@nestjs/common';
import { Transporter, createTransport } from 'nodemailer';

import { AppConfig } from '@accord/api/shared/config';

export interface InvitationMail {
  to: string;
  name: string;
  workspaceName: string;
  inviteUrl: string;
  expiresAt: Date;
}

/** The subject of every invitation e-mail: it names nothing an admin wrote. */
export const INVITATION_SUBJECT = 'You are invited to Accord';

/**
 * An invitation e-mail's subject and text. What admins wrote — the workspace's name and the invitee's — appears
 * only in the text, in quotation marks and on one line, so it reads as a name, never as Accord's own words.
 */
export function invitationMessage(mail: InvitationMail): { subject: string; text: string } {
  const text = [
    'Hello,',
    '',
    `You have been invited to join the workspace ${quoted(mail.workspaceName)} on Accord, as ${quoted(mail.name)}.`,
    `Set your password with this link; it works once, until ${mail.expiresAt.toISOString()}:`,
    '',
    mail.inviteUrl,
    '',
    'If you did not expect this invitation, you can ignore this e-mail.',
    '',
  ].join('\n');
  return { subject: INVITATION_SUBJECT, text };
}

/**
 * Text as the e-mail quotes it: control characters and line or paragraph breaks become spaces, so a name written
 * before names were checked still cannot start a paragraph of its own.
 */
function quoted(text: string): string {
  const oneLine = text.replace(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]+/gu, ' ');
  return `"${oneLine.replace(/\s+/g, ' ').trim()}"`;
}

/** Sends invitation links by e-mail when SMTP is configured; otherwise writes them to the log for the admin. */
@Injectable()
export class InvitationMailer {
  private readonly logger = new Logger(InvitationMailer.name);
  private readonly transport: Transporter | null;

  constructor(private readonly config: AppConfig) {
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
  }

  /** Whether invitations go out by e-mail; when not, the admin receives the link to pass on. */
  get sendsMail(): boolean {
    return this.transport !== null;
  }

  /** Sends the invitation, or logs its link without SMTP; throws when the SMTP server does not take it. */
  async send(mail: InvitationMail): Promise<void> {
    if (!this.transport) {
      this.logger.log(
        { to: mail.to, inviteUrl: mail.inviteUrl },
        `Invitation for ${mail.to} (SMTP not configured): ${mail.inviteUrl}`,
      );
      return;
    }
    try {
      await this.transport.sendMail({ from: this.config.MAIL_FROM, to: mail.to, ...invitationMessage(mail) });
    } catch (error) {
      // The admin is not given the link when mail is configured, so the failure must reach them: they invite again.
      // Logged here and not wrapped: a wrapped ECONNREFUSED would read as the database being unavailable.
      this.logger.error({ err: error, to: mail.to }, 'Could not send the invitation e-mail');
      throw new Error(`Could not send the invitation e-mail to ${mail.to}`);
    }
  }
}
