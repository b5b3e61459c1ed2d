import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { Escalation, HandoversRepository } from '@accord/api/handovers/data-access';
import { AppConfig } from '@accord/api/shared/config';
import { type MailMessage, quoted } from '@accord/api/shared/mail';
import { MailOutboxRepository } from '@accord/api/shared/mail-outbox';

/** Handovers an escalation e-mail lists by name; the rest it counts, and the queue lists them all. */
export const ESCALATION_LISTED = 20;

/** "29 Nov 2026, 10:00" on the workspace's clock. */
function zonedMinute(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/**
 * The e-mail a sales manager gets when handovers expire: how many, which (lead, company, owner, temperature, due
 * time on the workspace's clock), and the queue to act in. What members wrote (names) is quoted on one line, so a
 * lead named like an instruction cannot start a paragraph of its own.
 */
export function escalationMessage(
  escalation: Omit<Escalation, 'managerEmails'>,
  queueUrl: string,
): Omit<MailMessage, 'to'> {
  const count = escalation.handovers.length;
  const subject =
    count === 1
      ? 'A handover passed its SLA with no decision'
      : `${count} handovers passed their SLA with no decision`;
  const listed = escalation.handovers.slice(0, ESCALATION_LISTED).map((handover) => {
    const who = [handover.leadName, handover.companyName].filter(Boolean).map((part) => quoted(part ?? ''));
    const owner = handover.ownerName ? `owner ${quoted(handover.ownerName)}` : 'no owner';
    const due = zonedMinute(handover.dueAt, escalation.timeZone);
    return `- ${who.join(', ')}: ${owner}, ${handover.temperature.toLowerCase()}, due ${due}`;
  });
  const more = count - listed.length;
  const text = [
    'Hello,',
    '',
    `${count === 1 ? 'A handover' : `${count} handovers`} of the workspace ${quoted(escalation.workspaceName)} on Accord ` +
      `passed the SLA with no decision, so ${count === 1 ? 'it is' : 'they are'} escalated to the sales managers. ` +
      `Times are in ${escalation.timeZone}.`,
    '',
    ...listed,
    ...(more > 0 ? [`- and ${more} more`] : []),
    '',
    'They wait in the team queue under Expired, where you can reassign or decide them; a decision now counts ' +
      'against the SLA:',
    '',
    queueUrl,
    '',
  ].join('\n');
  return { subject, text };
}

/**
 * Escalates expired handovers to the sales managers by e-mail: one message per manager per expiry batch, queued
 * in the expiry's own transaction, so that each expiry is reported once, even across a crash, and the outbox
 * retries a mail server that is down.
 */
@Injectable()
export class EscalationMailer {
  constructor(
    private readonly handovers: HandoversRepository,
    private readonly outbox: MailOutboxRepository,
    private readonly config: AppConfig,
  ) {}

  async queue(manager: EntityManager, handoverIds: readonly string[], at: Date): Promise<void> {
    if (handoverIds.length === 0) return;
    const { managerEmails, ...escalation } = await this.handovers.escalation(manager, handoverIds);
    const message = escalationMessage(escalation, `${this.config.publicUrl}/handovers`);
    await this.outbox.enqueue(
      manager,
      'HANDOVERS_EXPIRED',
      managerEmails.map((to) => ({ to, ...message })),
      at,
    );
  }
}
