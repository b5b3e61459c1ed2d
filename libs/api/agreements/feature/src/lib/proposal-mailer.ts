import { Injectable, Logger } from '@nestjs/common';

import { AppConfig } from '@accord/api/shared/config';
import { MailTransport, quoted } from '@accord/api/shared/mail';
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
 * Asks the approvers of a proposal to sign it, by e-mail when SMTP is configured, otherwise in the log. A nudge,
 * sent after the proposal is committed: a mail server that refuses it is logged and costs no one the proposal
 * (the agreement's page says who still has to sign).
 */
@Injectable()
export class ProposalMailer {
  private readonly logger = new Logger(ProposalMailer.name);

  constructor(
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
  ) {}

  /** The version's page in the web app, where it is read, backtested, signed or sent back. */
  versionUrl(versionId: string): string {
    return `${this.config.publicUrl}/agreement/versions/${versionId}`;
  }

  async send(mails: readonly ProposalMail[]): Promise<void> {
    for (const mail of mails) {
      if (!this.transport.sendsMail) {
        this.logger.log(
          { to: mail.to, versionUrl: mail.versionUrl },
          `v${mail.versionNumber} awaits ${mail.to}'s signature (SMTP not configured): ${mail.versionUrl}`,
        );
        continue;
      }
      try {
        await this.transport.send({ to: mail.to, ...proposalMessage(mail) }, 'proposal');
      } catch {
        // MailTransport logged the refusal with its cause; the next approver still gets theirs.
      }
    }
  }
}
