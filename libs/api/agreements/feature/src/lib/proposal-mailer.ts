import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AppConfig } from '@accord/api/shared/config';
import { quoted } from '@accord/api/shared/mail';
import { MailOutboxRepository } from '@accord/api/shared/mail-outbox';
import type { ApproverSide } from '@accord/domain/workspace';

/** An approver asked to sign a proposal: one e-mail each, naming the sides they can sign. */
export interface ProposalMail {
  to: string;
  sides: readonly ApproverSide[];
  proposedBy: string;
  workspaceName: string;
  versionNumber: number;
  versionUrl: string;
}

/** The subject of every proposal e-mail: it names nothing anyone wrote. */
export const PROPOSAL_SUBJECT = 'A lead agreement awaits your signature';

const SIDE_NAMES: Record<ApproverSide, string> = { MARKETING: 'marketing', SALES: 'sales' };

/**
 * A proposal e-mail's subject and text. What members wrote — the proposer's name and the workspace's — appears only
 * in the text, quoted on one line, as invitations quote it.
 */
export function proposalMessage(mail: ProposalMail): { subject: string; text: string } {
  const sides = mail.sides.map((side) => SIDE_NAMES[side]).join(' or ');
  const text = [
    'Hello,',
    '',
    `${quoted(mail.proposedBy)} proposed v${mail.versionNumber} of the lead agreement of the workspace ${quoted(mail.workspaceName)} on Accord.`,
    `It takes effect once one marketing and one sales approver have signed it. Read the changes and the backtest, and sign for ${sides} — or send it back with a note:`,
    '',
    mail.versionUrl,
    '',
  ].join('\n');
  return { subject: PROPOSAL_SUBJECT, text };
}

/**
 * Asks the approvers of a proposal to sign it: one message each, queued in the proposal's own transaction, so that a
 * proposal that fails asks no one and one that commits asks everyone, even across a crash or a mail server that is
 * down for an hour (the outbox retries; without SMTP the messages go to the log).
 */
@Injectable()
export class ProposalMailer {
  constructor(
    private readonly outbox: MailOutboxRepository,
    private readonly config: AppConfig,
  ) {}

  /** The version's page in the web app, where it is read, backtested, signed or sent back. */
  versionUrl(versionId: string): string {
    return `${this.config.publicUrl}/agreement/versions/${versionId}`;
  }

  /** Queues `mails` about the proposed version in the transaction of `manager`, the proposal's. */
  queue(manager: EntityManager, versionId: string, mails: readonly ProposalMail[], at: Date): Promise<void> {
    return this.outbox.enqueue(
      manager,
      'AGREEMENT_PROPOSED',
      mails.map((mail) => ({ to: mail.to, ...proposalMessage(mail), aboutIds: [versionId] })),
      at,
    );
  }

  /**
   * Withdraws the requests to sign the version that have not gone out yet, once it is published or sent back: an
   * e-mail asking to sign a decided proposal would send its reader to a page with nothing left to sign.
   */
  async withdraw(manager: EntityManager, versionId: string): Promise<void> {
    await this.outbox.withdraw(manager, 'AGREEMENT_PROPOSED', versionId);
  }
}
