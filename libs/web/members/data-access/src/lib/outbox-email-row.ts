import { type OutboxEmailsQuery, zonedMinute } from '@accord/web/shared/data-access';

export type OutboxEmail = OutboxEmailsQuery['outboxEmails'][number];

/** An outbox e-mail as the Members page lists it, its times on the workspace's clock. */
export interface OutboxEmailRow {
  id: string;
  when: string;
  to: string;
  about: string;
  subject: string;
  status: string;
  /** Whether the status asks for an admin's attention: the e-mail failed, or waits after a failed attempt. */
  problem: boolean;
}

const KIND_LABELS: Record<OutboxEmail['kind'], string> = {
  AGREEMENT_PROPOSED: 'Proposal to sign',
  HANDOVERS_EXPIRED: 'Expired handovers',
};

/** "Sent 29 Nov 2026, 10:00", "Failed after 6 attempts: 450 mailbox busy", "Waiting — attempt 2 at …". */
function statusText(email: OutboxEmail, timeZone: string): string {
  const at = (iso: string | null) => (iso ? zonedMinute(iso, timeZone) : '');
  switch (email.status) {
    case 'SENT':
      return `Sent ${at(email.sentAt)}`;
    case 'LOGGED':
      return `Written to the log ${at(email.sentAt)} (no SMTP server)`;
    case 'FAILED':
      return `Failed after ${email.attempts} ${email.attempts === 1 ? 'attempt' : 'attempts'}: ${email.lastError ?? 'no answer'}`;
    case 'PENDING':
      return email.attempts === 0
        ? `Waiting to go at ${at(email.nextAttemptAt)}`
        : `Attempt ${email.attempts} failed (${email.lastError ?? 'no answer'}); trying again at ${at(email.nextAttemptAt)}`;
  }
}

export function toOutboxEmailRow(email: OutboxEmail, timeZone: string): OutboxEmailRow {
  return {
    id: email.id,
    when: zonedMinute(email.createdAt, timeZone),
    to: email.to,
    about: KIND_LABELS[email.kind],
    subject: email.subject,
    status: statusText(email, timeZone),
    problem: email.status === 'FAILED' || (email.status === 'PENDING' && email.attempts > 0),
  };
}
