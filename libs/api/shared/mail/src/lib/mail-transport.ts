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

/**
 * A message the mail server did not take. `message` is for the person who asked (it names no server); `reason` is
 * the server's answer or the network error, for the log and the outbox; `permanent` when the server refused it
 * for good (a 5xx answer, such as 550 for an unknown mailbox), so asking again would only be refused again.
 */
export class MailNotSent extends Error {
  constructor(
    message: string,
    readonly reason: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'MailNotSent';
  }
}

/**
 * How long the transport waits on a mail server — to connect, for its greeting, for any answer — before it gives
 * the message up for this attempt. nodemailer's own defaults (2 minutes to connect, 10 on a silent connection)
 * would hold a request, or a worker's claim on its messages, far longer than a mail server that answers ever needs.
 */
export const SMTP_TIMEOUTS_MS = { connection: 20_000, greeting: 20_000, socket: 30_000 };

/** The one SMTP transport (SMTP_URL) that one-time links and notices go out by; none without SMTP. */
@Injectable()
export class MailTransport {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transport: Transporter | null;

  constructor(private readonly config: AppConfig) {
    this.transport = config.SMTP_URL
      ? createTransport({
          url: config.SMTP_URL,
          connectionTimeout: SMTP_TIMEOUTS_MS.connection,
          greetingTimeout: SMTP_TIMEOUTS_MS.greeting,
          socketTimeout: SMTP_TIMEOUTS_MS.socket,
        })
      : null;
  }

  /** Whether links go out by e-mail; when not, they are written to the log (and an admin may pass them on). */
  get sendsMail(): boolean {
    return this.transport !== null;
  }

  /**
   * Sends a message carrying a one-time link, or without SMTP writes the link to the log, where the operator finds
   * it; throws MailNotSent when the SMTP server does not take it. `what` names the message: "invitation".
   */
  async sendLink(message: MailMessage, what: string, link: string): Promise<void> {
    if (!this.transport) {
      const label = what.charAt(0).toUpperCase() + what.slice(1);
      this.logger.log({ to: message.to, link }, `${label} for ${message.to} (SMTP not configured): ${link}`);
      return;
    }
    await this.send(message, what);
  }

  /**
   * Sends the message; throws MailNotSent when the SMTP server does not take it, or an Error when there is no SMTP
   * server (callers ask `sendsMail` first). `what` names the message in the error: "invitation", "password reset".
   */
  async send(message: MailMessage, what: string): Promise<void> {
    if (!this.transport) throw new Error(`No SMTP server is configured to send the ${what} e-mail`);
    const { to, subject, text } = message;
    try {
      await this.transport.sendMail({ from: this.config.MAIL_FROM, to, subject, text });
    } catch (error) {
      // Logged here, and kept as text rather than as the cause: a wrapped ECONNREFUSED would read as the database
      // being unavailable.
      this.logger.error({ err: error, to }, `Could not send the ${what} e-mail`);
      const responseCode = (error as { responseCode?: unknown }).responseCode;
      throw new MailNotSent(
        `Could not send the ${what} e-mail to ${to}`,
        error instanceof Error ? error.message : String(error),
        typeof responseCode === 'number' && responseCode >= 500,
      );
    }
  }
}
