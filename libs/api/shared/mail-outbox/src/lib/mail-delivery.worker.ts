import { Injectable } from '@nestjs/common';

import { AppConfig, Clock, PollingJob } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { MailNotSent, MailTransport } from '@accord/api/shared/mail';

import { ClaimedMail, MAIL_KIND_NAMES, MailAttempt, MailOutboxRepository } from './mail-outbox.repository';
import { nextMailAttempt } from './mail-retry';

/** Messages taken per workspace and transaction: few, so that sending them all fits well within the lease. */
const BATCH = 5;
/** Workspaces looked at per pass. */
const POLL_WORKSPACES = 100;
/**
 * A claimed message is due again after this, should its worker die mid-attempt. A batch's sends take at most
 * BATCH × (the transport's connection, greeting and socket timeouts), about 6 minutes, so a live worker records
 * its attempts before another may take them.
 */
export const MAIL_LEASE_MS = 15 * 60_000;
/** The longest error text kept with a message. */
const ERROR_CHARS = 500;

/**
 * Sends the outbox's due e-mail through the one SMTP transport, or, without SMTP, writes each message to the log
 * (LOGGED), where an operator of a demo or a trial still reads who was asked what. Each message is claimed for one
 * attempt with SKIP LOCKED and a lease, so that any number of replicas poll at once and no row lock is held while
 * the mail server answers. A message the server could not take now is retried on `nextMailAttempt`'s schedule,
 * then FAILED; one it refused for good (5xx) is FAILED at once. Delivery is at least once: a worker that dies
 * after the server took a message but before recording it leaves the message to be sent again after the lease.
 */
@Injectable()
export class MailDeliveryWorker extends PollingJob {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly outbox: MailOutboxRepository,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    super(config);
  }

  /** Makes one attempt at every message due now; returns how many attempts were made. Tests call it. */
  async drain(): Promise<number> {
    const now = this.clock.now();
    const workspaces = await this.tenantDb.run({ system: true }, (manager) =>
      this.outbox.workspacesWithDue(manager, now, POLL_WORKSPACES),
    );
    return this.forEachWorkspace(workspaces, (workspaceId) =>
      this.inBatches(BATCH, () => this.attemptDue(workspaceId)),
    );
  }

  /** One attempt at each of up to BATCH due messages: claimed in one transaction, sent, recorded in another. */
  private async attemptDue(workspaceId: string): Promise<number> {
    const now = this.clock.now();
    const claimed = await this.tenantDb.inWorkspace(workspaceId, (manager) =>
      this.outbox.claimDue(manager, now, new Date(now.getTime() + MAIL_LEASE_MS), BATCH),
    );
    const attempts: MailAttempt[] = [];
    // One at a time: a batch is small, and a mail server is kinder to a client that does not open five connections.
    for (const mail of claimed) attempts.push(await this.attempt(mail));
    const recorded = await this.tenantDb.inWorkspace(workspaceId, (manager) =>
      this.outbox.recordAttempts(manager, attempts),
    );
    if (recorded < attempts.length)
      this.logger.warn(
        `${attempts.length - recorded} e-mails changed during their attempt; kept as they are`,
      );
    return claimed.length;
  }

  private async attempt(mail: ClaimedMail): Promise<MailAttempt> {
    const outcome = { id: mail.id, attempts: mail.attempts };
    if (!this.transport.sendsMail) {
      this.logger.log(
        { kind: mail.kind, to: mail.to, subject: mail.subject },
        `E-mail to ${mail.to} (SMTP not configured): ${mail.subject}\n${mail.text}`,
      );
      return { ...outcome, status: 'LOGGED', nextAttemptAt: null, error: null, sentAt: this.clock.now() };
    }
    try {
      await this.transport.send(mail, MAIL_KIND_NAMES[mail.kind]);
      return { ...outcome, status: 'SENT', nextAttemptAt: null, error: null, sentAt: this.clock.now() };
    } catch (error) {
      // The row keeps the server's answer, for whoever reads the outbox; MailTransport logged it already.
      const at = this.clock.now();
      const retryAt =
        error instanceof MailNotSent && error.permanent ? null : nextMailAttempt(mail.attempts, at);
      const reason =
        error instanceof MailNotSent ? error.reason : error instanceof Error ? error.message : String(error);
      return {
        ...outcome,
        status: retryAt ? 'PENDING' : 'FAILED',
        nextAttemptAt: retryAt,
        error: reason.slice(0, ERROR_CHARS),
        sentAt: null,
      };
    }
  }
}
