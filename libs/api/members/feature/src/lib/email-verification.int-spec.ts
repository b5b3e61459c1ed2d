import { INestApplicationContext } from '@nestjs/common';

import { AuthMember } from '@accord/api/shared/auth';
import { TenantDb } from '@accord/api/shared/database';
import { AppError, ErrorCode } from '@accord/api/shared/graphql';
import {
  FrozenClock,
  SmtpInbox,
  TestDatabase,
  createTestDatabase,
  testModule,
} from '@accord/api/shared/testing';
import type { Role } from '@accord/domain/workspace';

import { signUpAdmin } from './admin-sign-up.int-fixture';
import { EMAIL_VERIFICATION_SUBJECT } from './email-verification-mailer';
import { CONFIRM_BEFORE_INVITING, EmailVerificationService } from './email-verification.service';
import { MembersModule } from './members.module';
import { MembersService } from './members.service';
import { OneTimeLinksService } from './one-time-links.service';
import { PasswordResetService } from './password-reset.service';
import { SessionService } from './session.service';

const BAD_LINK =
  'This confirmation link is not valid: it was already used, has expired, or a newer one was sent. Sign in to send a new one.';
const START = new Date('2026-11-25T09:00:00.000Z');

function codeOf(result: PromiseSettledResult<unknown>): string {
  if (result.status === 'fulfilled') return 'OK';
  return result.reason instanceof AppError ? result.reason.code : String(result.reason);
}

function tokenOf(url: string | null | undefined): string {
  return new URL(url ?? '').searchParams.get('token') ?? '';
}

/** One app with a mail server and one without, on the same database. */
describe('e-mail confirmation on PostgreSQL', () => {
  const clock = new FrozenClock();
  const inbox = new SmtpInbox();
  let database: TestDatabase;
  let mailing: INestApplicationContext;
  let silent: INestApplicationContext;

  beforeAll(async () => {
    database = await createTestDatabase();
    const smtpUrl = await inbox.start();
    mailing = await (
      await testModule(database, clock, [MembersModule], {
        env: {
          SMTP_URL: smtpUrl,
          MAIL_FROM: 'Accord <no-reply@accord.test>',
          PUBLIC_URL: 'https://accord.test',
        },
      }).compile()
    ).init();
    silent = await (await testModule(database, clock, [MembersModule]).compile()).init();
  });

  afterEach(() => {
    clock.current = START;
    inbox.refused.clear();
  });

  afterAll(async () => {
    await mailing.close();
    await silent.close();
    await inbox.stop();
    await database.drop();
  });

  const mailsTo = (address: string) => inbox.mails.filter((mail) => mail.to.includes(address));
  const linkIn = (text: string) => /^http\S+\/verify-email\?token=\S+$/m.exec(text)?.[0] ?? '';
  const lastLinkTo = (address: string) => linkIn(mailsTo(address).at(-1)?.text ?? '');

  const signUp = (app: INestApplicationContext, email: string, workspaceName = 'Confirm Co') =>
    signUpAdmin(app, email, workspaceName);

  const invite = (
    app: INestApplicationContext,
    actor: AuthMember,
    email: string,
    roles: Role[] = ['SALES'],
  ) => app.get(MembersService).invite(actor, { email, name: 'Riley Rep', roles, approver: false });

  const viewerOf = (app: INestApplicationContext, actor: AuthMember) => app.get(MembersService).viewer(actor);

  it('mails a link at sign-up; until it is opened the admin cannot invite, then can', async () => {
    const { actor, payload } = await signUp(
      mailing,
      'ada@confirm.example',
      'Confirm\n\nClick https://evil.example',
    );

    expect(payload.member.emailVerifiedAt).toBeNull();
    const [mail] = mailsTo('ada@confirm.example');
    const link = linkIn(mail.text);
    expect(link).toMatch(/^https:\/\/accord\.test\/verify-email\?token=[\w-]{43}$/);
    expect(mail).toEqual({
      to: ['ada@confirm.example'],
      subject: EMAIL_VERIFICATION_SUBJECT,
      text: [
        'Hello,',
        '',
        'This e-mail address was given for an account on Accord. If that was you, confirm it with this link; it works',
        'once, until 2026-11-28T09:00:00.000Z:',
        '',
        link,
        '',
        'Until you do, you cannot invite anyone to the workspace.',
        'If it was not you, you can ignore this e-mail.',
      ].join('\n'),
    });
    expect((await viewerOf(mailing, actor)).mustVerifyEmail).toBe(true);
    await expect(invite(mailing, actor, 'riley@confirm.example')).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
      message: CONFIRM_BEFORE_INVITING,
    });
    expect(mailsTo('riley@confirm.example')).toEqual([]);

    clock.current = new Date(START.getTime() + 3600_000);
    const confirmed = await mailing.get(EmailVerificationService).verify(tokenOf(link));

    // The workspace's name, which whoever signed up wrote, reaches only the page of the link's holder, not the mail.
    expect(confirmed).toEqual({
      email: 'ada@confirm.example',
      workspaceName: 'Confirm\n\nClick https://evil.example',
    });
    const viewer = await viewerOf(mailing, actor);
    expect([viewer.mustVerifyEmail, viewer.member.emailVerifiedAt]).toEqual([false, clock.current]);
    const invitation = await invite(mailing, actor, 'riley@confirm.example');
    expect([invitation.member.status, mailsTo('riley@confirm.example').length]).toEqual(['INVITED', 1]);
    await expect(mailing.get(EmailVerificationService).verify(tokenOf(link))).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message: BAD_LINK,
    });
    await expect(mailing.get(EmailVerificationService).resend(actor)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: 'ada@confirm.example is already confirmed.',
    });
  });

  it('voids the earlier link when a new one is sent, and refuses an expired one', async () => {
    const { actor } = await signUp(mailing, 'bo@resend.example');
    const first = lastLinkTo('bo@resend.example');
    const service = mailing.get(EmailVerificationService);

    const request = await service.resend(actor);

    expect(request).toEqual({ expiresAt: new Date('2026-11-28T09:00:00.000Z') });
    const second = lastLinkTo('bo@resend.example');
    expect(second).not.toBe(first);
    await expect(service.verify(tokenOf(first))).rejects.toMatchObject({ message: BAD_LINK });
    // The holder's page reads the link first, as the invitation and reset pages do.
    const preview = await mailing.get(OneTimeLinksService).preview(tokenOf(second), 'VERIFY_EMAIL');
    expect([preview.email, preview.purpose, preview.sentBy]).toEqual([
      'bo@resend.example',
      'VERIFY_EMAIL',
      null,
    ]);
    await expect(
      mailing.get(OneTimeLinksService).preview(tokenOf(second), 'PASSWORD_RESET'),
    ).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });

    clock.current = new Date(START.getTime() + 3 * 24 * 3600_000);
    await expect(service.verify(tokenOf(second))).rejects.toMatchObject({ message: BAD_LINK });
    expect((await viewerOf(mailing, actor)).mustVerifyEmail).toBe(true);
  });

  it('confirms once when the same link is opened twice at once', async () => {
    const { actor } = await signUp(mailing, 'cy@race.example');
    const token = tokenOf(lastLinkTo('cy@race.example'));
    const service = mailing.get(EmailVerificationService);

    const results = await Promise.allSettled([service.verify(token), service.verify(token)]);

    expect(results.map(codeOf).sort()).toEqual([ErrorCode.BAD_USER_INPUT, 'OK']);
    expect((await viewerOf(mailing, actor)).mustVerifyEmail).toBe(false);
  });

  it('signs the member up when the mail server refuses the link; they send another later', async () => {
    inbox.refused.add('dee@bounce.example');
    const { actor, payload } = await signUp(mailing, 'dee@bounce.example');

    expect([payload.member.email, mailsTo('dee@bounce.example')]).toEqual(['dee@bounce.example', []]);
    inbox.refused.clear();
    await mailing.get(EmailVerificationService).resend(actor);
    await mailing.get(EmailVerificationService).verify(tokenOf(lastLinkTo('dee@bounce.example')));
    expect((await viewerOf(mailing, actor)).mustVerifyEmail).toBe(false);
  });

  it('counts a mailed invitation or reset link as a confirmation, and never another workspace’s link', async () => {
    const { actor } = await signUp(mailing, 'eve@mailed.example');
    await mailing.get(EmailVerificationService).verify(tokenOf(lastLinkTo('eve@mailed.example')));
    await invite(mailing, actor, 'fin@mailed.example');
    const inviteLink = /^http\S+\/accept-invitation\?token=\S+$/m.exec(
      mailsTo('fin@mailed.example').at(-1)?.text ?? '',
    )?.[0];

    const joined = await mailing
      .get(SessionService)
      .acceptInvitation({ token: tokenOf(inviteLink), password: 'fin passphrase' });

    expect(joined.member.emailVerifiedAt).toEqual(START);
    // An admin's reset link, e-mailed to the member alone, confirms an address not yet confirmed.
    const { actor: other } = await signUp(mailing, 'gil@reset.example');
    await mailing.get(PasswordResetService).createLink(other, other.id);
    const resetLink = /^http\S+\/reset-password\?token=\S+$/m.exec(
      mailsTo('gil@reset.example').at(-1)?.text ?? '',
    )?.[0];
    const reset = await mailing
      .get(SessionService)
      .resetPassword({ token: tokenOf(resetLink), password: 'gil new passphrase' });
    expect(reset.member.emailVerifiedAt).toEqual(START);
  });

  it('asks only admins, and counts only links that were e-mailed', async () => {
    const { actor: admin } = await signUp(mailing, 'ida@admins.example');
    await mailing.get(EmailVerificationService).verify(tokenOf(lastLinkTo('ida@admins.example')));
    // Invited while the instance sent no mail: the admin passed the links on, which proves no address.
    const rep = await invite(silent, admin, 'jo@admins.example');
    const second = await invite(silent, admin, 'kit@admins.example', ['ADMIN']);
    const sessions = mailing.get(SessionService);
    const joined = await Promise.all(
      [rep, second].map((invitation) =>
        sessions.acceptInvitation({ token: tokenOf(invitation.inviteUrl), password: 'a long passphrase' }),
      ),
    );
    const asActor = (payload: (typeof joined)[number]): AuthMember => ({
      id: payload.member.id,
      workspaceId: payload.workspace.id,
      email: payload.member.email,
      name: payload.member.name,
      roles: payload.member.roles,
      approver: false,
    });

    expect(joined.map((payload) => payload.member.emailVerifiedAt)).toEqual([null, null]);
    const [repViewer, adminViewer] = await Promise.all(joined.map((one) => viewerOf(mailing, asActor(one))));
    expect([repViewer.mustVerifyEmail, adminViewer.mustVerifyEmail]).toEqual([false, true]);
    await expect(invite(mailing, asActor(joined[1]), 'lee@admins.example')).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });

    // A deactivated member's link stops working.
    await mailing.get(EmailVerificationService).resend(asActor(joined[1]));
    const link = lastLinkTo('kit@admins.example');
    await mailing.get(MembersService).deactivate(admin, joined[1].member.id);
    await expect(mailing.get(EmailVerificationService).verify(tokenOf(link))).rejects.toMatchObject({
      message: BAD_LINK,
    });
  });

  it('sends at most three sign-up links to one address in the window, however often it signs up', async () => {
    for (let attempt = 0; attempt < 4; attempt++)
      await signUp(mailing, 'lou@flood.example', `Flood ${attempt}`);

    expect(mailsTo('lou@flood.example')).toHaveLength(3);
  });

  it('asks nothing without SMTP: no link is made, invitations go out, and a link the admin passes on proves nothing', async () => {
    const { actor, payload } = await signUp(silent, 'hal@silent.example');

    expect(payload.member.emailVerifiedAt).toBeNull();
    expect((await viewerOf(silent, actor)).mustVerifyEmail).toBe(false);
    const links = await silent
      .get(TenantDb)
      .inWorkspace(actor.workspaceId, (manager) =>
        manager.query(`SELECT count(*)::int AS n FROM invitations WHERE purpose = 'VERIFY_EMAIL'`),
      );
    expect(links).toEqual([{ n: 0 }]);
    const invitation = await invite(silent, actor, 'ivy@silent.example');
    const joined = await silent
      .get(SessionService)
      .acceptInvitation({ token: tokenOf(invitation.inviteUrl), password: 'ivy passphrase' });
    expect(joined.member.emailVerifiedAt).toBeNull();
    await expect(silent.get(EmailVerificationService).resend(actor)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: 'This instance sends no e-mail, so no address needs confirming.',
    });
  });
});
