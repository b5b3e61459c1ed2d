import { Injectable, Logger } from '@nestjs/common';
import { Transporter, createTransport } from 'nodemailer';

import { AppConfig } from '@accord/api/shared/config';

/** A message as Accord writes it: plain text, under a subject of Accord's own words. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Text as an e-mail quotes it: control characters and line or paragraph breaks become spaces, so a name written
 * before names were checked still cannot start a paragraph of its own.
 */
export function quoted(text: string): string {
  const oneLine = text.replace(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]+/gu, ' ');
  return `"${oneLine.replace(/\s+/g, ' ').trim()}"`;
}

/** The one SMTP transport (SMTP_URL) that invitations and password resets go out by; none without SMTP. */
@Injectable()
export class MailTransport {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transport: Transporter | null;

  constructor(private readonly config: AppConfig) {
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
  }

  /** Whether links go out by e-mail; when not, they are written to the log (and an admin may pass them on). */
  get sendsMail(): boolean {
    return this.transport !== null;
  }

  /**
   * Sends the message; throws when the SMTP server does not take it, or when there is no SMTP server (callers ask
   * `sendsMail` first). `what` names the message in the error: "invitation", "password reset".
   */
  async send(message: MailMessage, what: string): Promise<void> {
    if (!this.transport) throw new Error(`No SMTP server is configured to send the ${what} e-mail`);
    try {
      await this.transport.sendMail({ from: this.config.MAIL_FROM, ...message });
    } catch (error) {
      // Logged here and not wrapped: a wrapped ECONNREFUSED would read as the database being unavailable.
      this.logger.error({ err: error, to: message.to }, `Could not send the ${what} e-mail`);
      throw new Error(`Could not send the ${what} e-mail to ${message.to}`);
    }
  }
}
