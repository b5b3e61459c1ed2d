import { Injectable } from '@nestjs/common';

import { MailTransport, quoted } from '@accord/api/shared/mail';

export interface InvitationMail {
  to: string;
  name: string;
  workspaceName: string;
  inviteUrl: string;
  expiresAt: Date;
}

/** The subject of every invitation e-mail: it names nothing an admin wrote. */
export const INVITATION_SUBJECT = 'You are invited to Accord';

/**
 * An invitation e-mail's subject and text. What admins wrote — the workspace's name and the invitee's — appears
 * only in the text, in quotation marks and on one line, so it reads as a name, never as Accord's own words.
 */
export function invitationMessage(mail: InvitationMail): { subject: string; text: string } {
  const text = [
    'Hello,',
    '',
    `You have been invited to join the workspace ${quoted(mail.workspaceName)} on Accord, as ${quoted(mail.name)}.`,
    `Set your password with this link; it works once, until ${mail.expiresAt.toISOString()}:`,
    '',
    mail.inviteUrl,
    '',
    'If you did not expect this invitation, you can ignore this e-mail.',
    '',
  ].join('\n');
  return { subject: INVITATION_SUBJECT, text };
}

/** Sends invitation links by e-mail when SMTP is configured; otherwise writes them to the log for the admin. */
@Injectable()
export class InvitationMailer {
  constructor(private readonly transport: MailTransport) {}

  /** Whether invitations go out by e-mail; when not, the admin receives the link to pass on. */
  get sendsMail(): boolean {
    return this.transport.sendsMail;
  }

  /** Sends the invitation, or logs its link without SMTP; throws when the SMTP server does not take it. */
  async send(mail: InvitationMail): Promise<void> {
    // The admin is not given the link when mail is configured, so a failure must reach them: they invite again.
    await this.transport.sendLink({ to: mail.to, ...invitationMessage(mail) }, 'invitation', mail.inviteUrl);
  }
}
