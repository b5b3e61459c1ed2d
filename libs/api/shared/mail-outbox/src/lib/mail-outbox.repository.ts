import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { returnedRows } from '@accord/api/shared/database';
import type { MailMessage } from '@accord/api/shared/mail';

/** What a message is about, so that a reader of the outbox (or of the log) knows why it was sent. */
export const MAIL_KINDS = ['AGREEMENT_PROPOSED', 'HANDOVERS_EXPIRED'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** A kind as errors and logs name the message: "Could not send the proposal e-mail to …". */
export const MAIL_KIND_NAMES: Readonly<Record<MailKind, string>> = {
  AGREEMENT_PROPOSED: 'proposal',
  HANDOVERS_EXPIRED: 'escalation',
};

export const MAIL_STATUSES = ['PENDING', 'SENT', 'LOGGED', 'FAILED'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** A message to queue, with the records it reports (for a digest that may take in more before it goes). */
export interface OutboxMessage extends MailMessage {
  aboutIds?: readonly string[];
}

/** A digest not sent yet, nor being sent: it may still be rewritten to report more. */
export interface OpenDigest {
  id: string;
  to: string;
  aboutIds: string[];
}

/** A message taken for one attempt. */
export interface ClaimedMail extends MailMessage {
  id: string;
  kind: MailKind;
  /** Attempts so far, this one included. */
  attempts: number;
}

/** What one attempt came to: sent (or written to the log, without SMTP), due again, or given up. */
export interface MailAttempt {
  id: string;
  attempts: number;
  status: MailStatus;
  nextAttemptAt: Date | null;
  error: string | null;
  sentAt: Date | null;
}

/** A message as the outbox lists it. */
export interface OutboxMail extends MailMessage {
  id: string;
  kind: MailKind;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  /** When a PENDING message is due (its next attempt, or the end of a claim); null once it is done. */
  nextAttemptAt: Date | null;
  sentAt: Date | null;
}

/**
 * The one way features send e-mail on their own. Call enqueue inside the transaction that makes the change, with
 * its manager (scoped to the workspace by TenantDb.inWorkspace): the messages commit or roll back with the change,
 * so a proposal that failed asks no one, and a crash after the commit loses no message. The delivery worker sends
 * them later.
 */
@Injectable()
export class MailOutboxRepository {
  /**
   * Queues `messages` of `kind` in the current workspace, made at `at` (the change's time) and due at `dueAt` (by
   * default at once); one statement.
   */
  async enqueue(
    manager: EntityManager,
    kind: MailKind,
    messages: readonly OutboxMessage[],
    at: Date,
    dueAt: Date = at,
  ): Promise<void> {
    if (messages.length === 0) return;
    await manager.query(
      `INSERT INTO mail_outbox (workspace_id, kind, recipient, subject, body, about_ids, next_attempt_at, created_at)
       SELECT accord_current_workspace(), $1, m.recipient, m.subject, m.body,
              ARRAY(SELECT jsonb_array_elements_text(m.about_ids)::uuid), $7, $6
         FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[]) WITH ORDINALITY
              AS m(recipient, subject, body, about_ids, position)
        ORDER BY m.position`,
      [
        kind,
        messages.map((message) => message.to),
        messages.map((message) => message.subject),
        messages.map((message) => message.text),
        messages.map((message) => JSON.stringify(message.aboutIds ?? [])),
        at,
        dueAt,
      ],
    );
  }

  /**
   * The current workspace's messages of `kind` that no worker has tried yet, locked until the transaction ends, so
   * that a change reporting more can rewrite them (`rewrite`) before they go. A worker skips locked rows.
   */
  async openDigests(manager: EntityManager, kind: MailKind): Promise<OpenDigest[]> {
    const rows: { id: string; recipient: string; about_ids: string[] }[] = await manager.query(
      `SELECT id, recipient, about_ids FROM mail_outbox
        WHERE kind = $1 AND status = 'PENDING' AND attempts = 0
        ORDER BY created_at, id
        FOR UPDATE`,
      [kind],
    );
    return rows.map((row) => ({ id: row.id, to: row.recipient, aboutIds: row.about_ids }));
  }

  /** Rewrites an open digest (see openDigests) to report `message` instead; its due time stays. */
  async rewrite(manager: EntityManager, id: string, message: OutboxMessage): Promise<void> {
    await manager.query(
      `UPDATE mail_outbox SET subject = $2, body = $3, about_ids = $4::uuid[]
        WHERE id = $1 AND status = 'PENDING' AND attempts = 0`,
      [id, message.subject, message.text, message.aboutIds ?? []],
    );
  }

  /**
   * Withdraws the current workspace's messages of `kind` about `aboutId` that have not gone out (a request to sign
   * a proposal that was decided first): those never tried and those waiting to be retried after a failure; returns
   * how many. A message a worker is sending at that moment may still arrive, as one sent just before the decision
   * would have; its worker finds the row gone and records nothing.
   */
  async withdraw(manager: EntityManager, kind: MailKind, aboutId: string): Promise<number> {
    const rows = returnedRows(
      await manager.query(
        `DELETE FROM mail_outbox
          WHERE kind = $1 AND status = 'PENDING' AND about_ids @> ARRAY[$2::uuid]
          RETURNING 1`,
        [kind, aboutId],
      ),
    );
    return rows.length;
  }

  /** Workspaces with mail due at `now` (the worker's system scope: read-only, every workspace). */
  async workspacesWithDue(manager: EntityManager, now: Date, limit: number): Promise<string[]> {
    const rows: { workspace_id: string }[] = await manager.query(
      `SELECT DISTINCT workspace_id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= $1 LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.workspace_id);
  }

  /**
   * Takes up to `limit` messages of the current workspace due at `now` for one attempt each: counts the attempt and
   * moves next_attempt_at to `leaseUntil`, so that nobody else takes them meanwhile and a worker that dies leaves
   * them due again then. SKIP LOCKED: concurrent workers take different rows.
   */
  async claimDue(manager: EntityManager, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMail[]> {
    // Aliased to the message's own names, so that the rows are the claimed messages.
    return returnedRows<ClaimedMail>(
      await manager.query(
        `WITH due AS (
         SELECT id FROM mail_outbox
          WHERE status = 'PENDING' AND next_attempt_at <= $1
          ORDER BY next_attempt_at, created_at
          LIMIT $3
          FOR UPDATE SKIP LOCKED)
       UPDATE mail_outbox m SET attempts = m.attempts + 1, next_attempt_at = $2
         FROM due WHERE m.id = due.id
       RETURNING m.id, m.kind, m.recipient AS "to", m.subject, m.body AS "text", m.attempts`,
        [now, leaseUntil, limit],
      ),
    );
  }

  /**
   * Records attempts made on claimed messages; returns how many it recorded. A message whose attempt count moved
   * on meanwhile (its lease ran out and another worker took it) is left to that worker.
   */
  async recordAttempts(manager: EntityManager, attempts: readonly MailAttempt[]): Promise<number> {
    if (attempts.length === 0) return 0;
    const rows = returnedRows(
      await manager.query(
        `UPDATE mail_outbox m
          SET status = r.status, next_attempt_at = r.next_attempt_at, last_error = r.error, sent_at = r.sent_at
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::timestamptz[], $5::text[], $6::timestamptz[])
              AS r(id, attempts, status, next_attempt_at, error, sent_at)
        WHERE m.id = r.id AND m.attempts = r.attempts AND m.status = 'PENDING'
        RETURNING 1`,
        [
          attempts.map((attempt) => attempt.id),
          attempts.map((attempt) => attempt.attempts),
          attempts.map((attempt) => attempt.status),
          attempts.map((attempt) => attempt.nextAttemptAt),
          attempts.map((attempt) => attempt.error),
          attempts.map((attempt) => attempt.sentAt),
        ],
      ),
    );
    return rows.length;
  }

  /** The current workspace's messages, newest first: what admins, tests and operators read of the outbox. */
  async list(manager: EntityManager, limit: number): Promise<OutboxMail[]> {
    return manager.query(
      `SELECT id, kind, recipient AS "to", subject, body AS "text", status, attempts, last_error AS "lastError",
              created_at AS "createdAt", next_attempt_at AS "nextAttemptAt", sent_at AS "sentAt"
         FROM mail_outbox
        ORDER BY created_at DESC, recipient, id LIMIT $1`,
      [limit],
    );
  }
}
