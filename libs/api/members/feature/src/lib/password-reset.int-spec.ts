import { INestApplicationContext } from '@nestjs/common';

import { InvitationsRepository, MembersRepository } from '@accord/api/members/data-access';
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

import { signUpAdmin } from './admin-sign-up.int-fixture';
import { MembersModule } from './members.module';
import { MembersService } from './members.service';
import { PASSWORD_RESET_SUBJECT } from './password-reset-mailer';
import { PasswordResetService } from './password-reset.service';
import { SessionService } from './session.service';

const BAD_RESET_LINK =
  'This password reset link is not valid: it was already used, has expired, or a newer one was sent. Ask for a new one.';
const START = new Date('2026-11-25T09:00:00.000Z');

function codeOf(result: PromiseSettledResult<unknown>): string {
  if (result.status === 'fulfilled') return 'OK';
  return result.reason instanceof AppError ? result.reason.code : String(result.reason);
}

function tokenOf(url: string | null | undefined): string {
  return new URL(url ?? '').searchParams.get('token') ?? '';
}

/** The claims of an access token, as the JWT strategy reads them once the signature is verified. */
function claimsOf(accessToken: string): { sub: string; wid: string; sep?: number } {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as {
    sub: string;
    wid: string;
    sep?: number;
  };
}

describe('password resets on PostgreSQL', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let members: MembersService;
  let sessions: SessionService;
  let resets: PasswordResetService;
  const clock = new FrozenClock();

  const signUp = (email: string, workspaceName = 'Reset Co') =>
    signUpAdmin(app, email, workspaceName, 'the old passphrase');

  /** An active member of the admin's workspace, with the password 'the old passphrase'. */
  async function activeMember(admin: AuthMember, email: string): Promise<string> {
    const invitation = await members.invite(admin, {
      email,
      name: 'Riley Rep',
      roles: ['SALES'],
      approver: true,
    });
    await sessions.acceptInvitation({ token: tokenOf(invitation.inviteUrl), password: 'the old passphrase' });
    return invitation.member.id;
  }

  /**
   * Whether the token's session still stands: the member's session epoch is the one the token carries, as the JWT
   * strategy checks (hardening/password-reset.int-spec.ts sends such tokens over HTTP).
   */
  async function accepted(accessToken: string): Promise<boolean> {
    const { sub, wid, sep } = claimsOf(accessToken);
    const member = await app.get(MembersRepository).signedIn(app.get(TenantDb).standalone, wid, sub);
    return member?.status === 'ACTIVE' && (sep ?? 0) === member.sessionEpoch;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await (await testModule(database, clock, [MembersModule]).compile()).init();
    members = app.get(MembersService);
    sessions = app.get(SessionService);
    resets = app.get(PasswordResetService);
  });

  afterEach(() => {
    clock.current = START;
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('gives the admin the link without SMTP; it sets the password once, signs the member in and ends their sessions', async () => {
    const { actor: admin } = await signUp('admin@once.example');
    const memberId = await activeMember(admin, 'riley@once.example');
    const laptop = await sessions.login({ email: 'riley@once.example', password: 'the old passphrase' });

    const link = await resets.createLink(admin, memberId);
    expect([link.member.email, link.expiresAt, link.resetUrl]).toEqual([
      'riley@once.example',
      new Date('2026-11-25T10:00:00.000Z'),
      expect.stringMatching(/^http:\/\/localhost:\d+\/reset-password\?token=[\w-]{43}$/),
    ]);
    const session = await sessions.resetPassword({
      token: tokenOf(link.resetUrl),
      password: 'the new passphrase',
    });

    expect([session.member.id, session.member.status]).toEqual([memberId, 'ACTIVE']);
    expect([await accepted(laptop.accessToken), await accepted(session.accessToken)]).toEqual([false, true]);
    await expect(
      sessions.resetPassword({ token: tokenOf(link.resetUrl), password: 'a third passphrase' }),
    ).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, message: BAD_RESET_LINK });
    await expect(
      sessions.login({ email: 'riley@once.example', password: 'the old passphrase' }),
    ).rejects.toMatchObject({ code: ErrorCode.UNAUTHENTICATED });
    const again = await sessions.login({ email: 'riley@once.example', password: 'the new passphrase' });
    expect(again.member.id).toBe(memberId);
  });

  it('lets exactly one of two tabs use the same link at once', async () => {
    const { actor: admin } = await signUp('admin@tabs.example');
    const memberId = await activeMember(admin, 'riley@tabs.example');
    const token = tokenOf((await resets.createLink(admin, memberId)).resetUrl);

    const results = await Promise.allSettled([
      sessions.resetPassword({ token, password: 'first tab passphrase' }),
      sessions.resetPassword({ token, password: 'second tab passphrase' }),
    ]);

    expect(results.map(codeOf).sort()).toEqual([ErrorCode.BAD_USER_INPUT, 'OK']);
  });

  it('refuses a link an hour after it was made', async () => {
    const { actor: admin } = await signUp('admin@late.example');
    const memberId = await activeMember(admin, 'riley@late.example');
    const token = tokenOf((await resets.createLink(admin, memberId)).resetUrl);

    clock.advance(3600_000);

    await expect(sessions.resetPassword({ token, password: 'too late passphrase' })).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message: BAD_RESET_LINK,
    });
  });

  it('voids the earlier unused link when a new one is made, and neither kind of link voids the other', async () => {
    const { actor: admin } = await signUp('admin@newer.example');
    const memberId = await activeMember(admin, 'riley@newer.example');
    const earlier = tokenOf((await resets.createLink(admin, memberId)).resetUrl);
    const later = tokenOf((await resets.createLink(admin, memberId)).resetUrl);
    const invited = await members.invite(admin, {
      email: 'pending@newer.example',
      name: 'Pat Pending',
      roles: ['MARKETING'],
      approver: false,
    });

    await expect(
      sessions.resetPassword({ token: earlier, password: 'earlier passphrase' }),
    ).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
    });
    const session = await sessions.resetPassword({ token: later, password: 'later passphrase' });
    expect(session.member.id).toBe(memberId);
    // Resets are no invitations: they neither count against the workspace's invitation budget nor void one.
    const budget = await app
      .get(TenantDb)
      .inWorkspace(admin.workspaceId, (manager) =>
        app.get(InvitationsRepository).sentSince(manager, new Date(START.getTime() - 1)),
      );
    expect(budget.count).toBe(2);
    const joined = await sessions.acceptInvitation({
      token: tokenOf(invited.inviteUrl),
      password: 'pat passphrase',
    });
    expect(joined.member.status).toBe('ACTIVE');
  });

  it('never takes a reset link as an invitation, nor an invitation as a reset link', async () => {
    const { actor: admin } = await signUp('admin@kinds.example');
    const memberId = await activeMember(admin, 'riley@kinds.example');
    const reset = tokenOf((await resets.createLink(admin, memberId)).resetUrl);
    const invitation = tokenOf(
      (
        await members.invite(admin, {
          email: 'new@kinds.example',
          name: 'Nia New',
          roles: ['SALES'],
          approver: false,
        })
      ).inviteUrl,
    );

    const results = await Promise.allSettled([
      sessions.acceptInvitation({ token: reset, password: 'a long passphrase' }),
      sessions.resetPassword({ token: invitation, password: 'a long passphrase' }),
    ]);

    expect(
      results.map((result) => (result.status === 'rejected' ? (result.reason as AppError).message : 'OK')),
    ).toEqual([
      'This invitation link is not valid: it was already used, has expired, or was revoked.',
      BAD_RESET_LINK,
    ]);
    // Both links still work for what they are.
    expect((await sessions.resetPassword({ token: reset, password: 'the new passphrase' })).member.id).toBe(
      memberId,
    );
    expect(
      (await sessions.acceptInvitation({ token: invitation, password: 'nia passphrase' })).member.status,
    ).toBe('ACTIVE');
  });

  it("refuses an admin a link for another workspace's member, an invited and a deactivated one", async () => {
    const { actor: admin } = await signUp('admin@refused.example');
    const { actor: stranger } = await signUp('admin@elsewhere.example', 'Elsewhere');
    const invited = await members.invite(admin, {
      email: 'pending@refused.example',
      name: 'Pat Pending',
      roles: ['SALES'],
      approver: false,
    });
    const leaverId = await activeMember(admin, 'leaver@refused.example');
    const leaverLink = await resets.createLink(admin, leaverId);
    await members.deactivate(admin, leaverId);

    const results = await Promise.allSettled([
      resets.createLink(admin, stranger.id),
      resets.createLink(admin, invited.member.id),
      resets.createLink(admin, leaverId),
      sessions.resetPassword({ token: tokenOf(leaverLink.resetUrl), password: 'leaver passphrase' }),
    ]);

    expect(
      results.map((result) => (result.status === 'rejected' ? (result.reason as AppError).message : 'OK')),
    ).toEqual([
      'No such member in this workspace.',
      'pending@refused.example has not accepted their invitation yet: invite them again to send a new link.',
      'leaver@refused.example is deactivated: a deactivated member cannot sign in.',
      BAD_RESET_LINK,
    ]);
    expect(results.map(codeOf)).toEqual([
      ErrorCode.NOT_FOUND,
      ErrorCode.CONFLICT,
      ErrorCode.CONFLICT,
      ErrorCode.BAD_USER_INPUT,
    ]);
  });

  it('checks the new password as sign-up does, and keeps the link for a better one', async () => {
    const { actor: admin } = await signUp('admin@weak.example');
    const memberId = await activeMember(admin, 'riley@weak.example');
    const token = tokenOf((await resets.createLink(admin, memberId)).resetUrl);

    await expect(sessions.resetPassword({ token, password: 'riley@weak.example' })).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      fields: [{ field: 'password', message: 'must not be your e-mail address' }],
    });
    expect((await sessions.resetPassword({ token, password: 'a better passphrase' })).member.id).toBe(
      memberId,
    );
  });

  it('makes no link for a request when no mail is sent, so the link an admin gave stays the one that works', async () => {
    const { actor: admin } = await signUp('admin@nomail.example');
    const memberId = await activeMember(admin, 'riley@nomail.example');
    const link = await resets.createLink(admin, memberId);

    const answers = [resets.request('nobody@nomail.example'), resets.request('Riley@NoMail.example')];
    await resets.idle();

    expect(answers).toEqual([{ mailed: false }, { mailed: false }]);
    const session = await sessions.resetPassword({
      token: tokenOf(link.resetUrl),
      password: 'the new passphrase',
    });
    expect(session.member.id).toBe(memberId);
  });

  describe('with SMTP configured', () => {
    const inbox = new SmtpInbox();
    let mailing: INestApplicationContext;
    let mailingResets: PasswordResetService;

    beforeAll(async () => {
      const smtpUrl = await inbox.start();
      const moduleRef = await testModule(database, clock, [MembersModule], {
        env: { SMTP_URL: smtpUrl, MAIL_FROM: 'Accord <no-reply@accord.test>' },
      }).compile();
      mailing = await moduleRef.init();
      mailingResets = mailing.get(PasswordResetService);
    });

    afterAll(async () => {
      await mailing.close();
      await inbox.stop();
    });

    const mailsTo = (address: string) => inbox.mails.filter((mail) => mail.to.includes(address));
    const linkIn = (text: string) => /^http\S+\/reset-password\?token=\S+$/m.exec(text)?.[0] ?? '';

    it('answers an unknown e-mail as it answers a known one, and mails every active membership its own link', async () => {
      const { actor: first } = await signUp(
        'admin@one.example',
        'One\n\nYour account is locked: https://evil.example',
      );
      const { actor: second } = await signUp('admin@two.example', 'Two');
      await activeMember(first, 'sam@both.example');
      await activeMember(second, 'sam@both.example');
      await members.invite(first, {
        email: 'pat@both.example',
        name: 'Pat',
        roles: ['SALES'],
        approver: false,
      });

      const answers = [
        mailingResets.request('nobody@both.example'),
        mailingResets.request('SAM@both.example'),
        mailingResets.request('pat@both.example'),
      ];
      await mailingResets.idle();

      expect(answers).toEqual([{ mailed: true }, { mailed: true }, { mailed: true }]);
      expect([mailsTo('nobody@both.example'), mailsTo('pat@both.example')]).toEqual([[], []]);
      const mails = mailsTo('sam@both.example');
      expect(
        mails.map((mail) => ({ ...mail, text: mail.text.replace(linkIn(mail.text), '<link>') })),
      ).toEqual(
        ['"One Your account is locked: https://evil.example"', '"Two"'].map((workspace) => ({
          to: ['sam@both.example'],
          subject: PASSWORD_RESET_SUBJECT,
          text: [
            'Hello,',
            '',
            `A new password was asked for your account in the workspace ${workspace} on Accord.`,
            'Choose it with this link; it works once, until 2026-11-25T10:00:00.000Z:',
            '',
            '<link>',
            '',
            'Setting a new password signs you out on every device.',
            'If you did not ask for this, you can ignore this e-mail: your password stays as it is.',
          ].join('\n'),
        })),
      );
      const session = await sessions.resetPassword({
        token: tokenOf(linkIn(mails[1].text)),
        password: 'sam new passphrase',
      });
      expect(session.workspace.id).toBe(second.workspaceId);
    });

    it('e-mails an admin’s link to the member alone: the admin gets no url', async () => {
      const { actor: admin } = await signUp('admin@mailed.example');
      const memberId = await activeMember(admin, 'approver@mailed.example');

      const link = await mailingResets.createLink(admin, memberId);

      expect([link.member.email, link.resetUrl]).toEqual(['approver@mailed.example', null]);
      const [mail] = mailsTo('approver@mailed.example');
      expect(mail.subject).toBe(PASSWORD_RESET_SUBJECT);
      const session = await sessions.resetPassword({
        token: tokenOf(linkIn(mail.text)),
        password: 'mailed passphrase',
      });
      expect(session.member.id).toBe(memberId);
    });
  });
});
