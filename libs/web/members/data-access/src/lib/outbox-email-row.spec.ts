import { type OutboxEmail, toOutboxEmailRow } from './outbox-email-row';

function email(overrides: Partial<OutboxEmail> = {}): OutboxEmail {
  return {
    id: 'm1',
    kind: 'HANDOVERS_EXPIRED',
    to: 'sue@acme.example',
    subject: '2 handovers passed their SLA with no decision',
    status: 'SENT',
    attempts: 1,
    lastError: null,
    createdAt: '2026-11-29T09:00:00.000Z',
    nextAttemptAt: null,
    sentAt: '2026-11-29T09:15:00.000Z',
    ...overrides,
  };
}

describe('toOutboxEmailRow', () => {
  it('reads a sent e-mail on the workspace clock', () => {
    expect(toOutboxEmailRow(email(), 'Europe/Berlin')).toEqual({
      id: 'm1',
      when: '29 Nov 2026, 10:00',
      to: 'sue@acme.example',
      about: 'Expired handovers',
      subject: '2 handovers passed their SLA with no decision',
      status: 'Sent 29 Nov 2026, 10:15',
      problem: false,
    });
  });

  it('says when a waiting e-mail goes, and why one is retried', () => {
    const waiting = email({
      status: 'PENDING',
      attempts: 0,
      sentAt: null,
      nextAttemptAt: '2026-11-29T09:15:00.000Z',
    });
    expect(toOutboxEmailRow(waiting, 'UTC')).toMatchObject({
      status: 'Waiting to go at 29 Nov 2026, 09:15',
      problem: false,
    });
    const retried = { ...waiting, attempts: 2, lastError: '450 mailbox busy' };
    expect(toOutboxEmailRow(retried, 'UTC')).toMatchObject({
      status: 'Attempt 2 failed (450 mailbox busy); trying again at 29 Nov 2026, 09:15',
      problem: true,
    });
  });

  it('flags a failed e-mail with the server answer, and reads a logged one', () => {
    const failed = email({
      kind: 'AGREEMENT_PROPOSED',
      status: 'FAILED',
      lastError: '550 no such mailbox',
      sentAt: null,
    });
    expect(toOutboxEmailRow(failed, 'UTC')).toMatchObject({
      about: 'Proposal to sign',
      status: 'Failed after 1 attempt: 550 no such mailbox',
      problem: true,
    });
    expect(toOutboxEmailRow(email({ status: 'LOGGED' }), 'UTC').status).toBe(
      'Written to the log 29 Nov 2026, 09:15 (no SMTP server)',
    );
  });
});
