import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { Escalation, HandoversRepository } from '@accord/api/handovers/data-access';
import { AppConfig } from '@accord/api/shared/config';
import { type MailMessage, quoted } from '@accord/api/shared/mail';
import { MailOutboxRepository, type OutboxMessage } from '@accord/api/shared/mail-outbox';
import { zonedMinute } from '@accord/domain/pipeline';

/** Handovers an escalation e-mail lists by name; the rest it counts, and the queue lists them all. */
export const ESCALATION_LISTED = 20;

/**
 * How long an escalation waits for more expiries before it goes: a manager gets at most one e-mail per quarter of
 * an hour, however the due times fall, and still hears of an expiry well within any SLA's hours.
 */
export const ESCALATION_DIGEST_MS = 15 * 60_000;

/**
 * The e-mail a sales manager gets when handovers expire: how many, which (lead, company, owner, temperature, due
 * time on the workspace's clock), and the queue to act in. What members wrote (names) is quoted on one line, so a
 * lead named like an instruction cannot start a paragraph of its own.
 */
export function escalationMessage(
  escalation: Omit<Escalation, 'managerEmails' | 'handovers'> & {
    handovers: readonly Omit<Escalation['handovers'][number], 'id'>[];
  },
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
    const due = zonedMinute(handover.dueAt.toISOString(), escalation.timeZone);
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
 * Escalates expired handovers to the sales managers by e-mail, as a digest: the first expiry queues one message per
 * manager, due ESCALATION_DIGEST_MS later, and later expiries rewrite each manager's message not yet tried to list
 * them too. All in the expiry's own transaction, so an expiry is reported once (the outbox then delivers at least
 * once), and a mail server that is down is retried.
 */
@Injectable()
export class EscalationMailer {
  constructor(
    private readonly handovers: HandoversRepository,
    private readonly outbox: MailOutboxRepository,
    private readonly config: AppConfig,
  ) {}

  async queue(manager: EntityManager, expiredIds: readonly string[], at: Date): Promise<void> {
    if (expiredIds.length === 0) return;
    const open = new Map(
      (await this.outbox.openDigests(manager, 'HANDOVERS_EXPIRED')).map((digest) => [digest.to, digest]),
    );
    const reported = [...open.values()].flatMap((digest) => digest.aboutIds);
    const { managerEmails, handovers, ...workspace } = await this.handovers.escalation(manager, [
      ...new Set([...reported, ...expiredIds]),
    ]);
    const queueUrl = `${this.config.publicUrl}/handovers?scope=TEAM&view=EXPIRED`;
    const fresh: OutboxMessage[] = [];
    for (const to of managerEmails) {
      const earlier = open.get(to);
      const ids = new Set([...(earlier?.aboutIds ?? []), ...expiredIds]);
      const listed = handovers.filter((handover) => ids.has(handover.id));
      const message = {
        to,
        ...escalationMessage({ ...workspace, handovers: listed }, queueUrl),
        aboutIds: listed.map((handover) => handover.id),
      };
      if (earlier) await this.outbox.rewrite(manager, earlier.id, message);
      else fresh.push(message);
    }
    await this.outbox.enqueue(
      manager,
      'HANDOVERS_EXPIRED',
      fresh,
      at,
      new Date(at.getTime() + ESCALATION_DIGEST_MS),
    );
  }
}
