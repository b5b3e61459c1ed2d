import { INestApplicationContext } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';

import { MembersRepository } from '@accord/api/members/data-access';
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
import { EmailVerificationService } from './email-verification.service';
import { INVITATION_SUBJECT } from './invitation-mailer';
import { MembersModule } from './members.module';
import { MAX_INVITATIONS_PER_DAY, MembersService } from './members.service';
import { SessionService } from './session.service';

function codeOf(result: PromiseSettledResult<unknown>): string {
  if (result.status === 'fulfilled') return 'OK';
  return result.reason instanceof AppError ? result.reason.code : String(result.reason);
}

describe('members and sessions on PostgreSQL', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let members: MembersService;
  let sessions: SessionService;
  const clock = new FrozenClock();

  async function signUp(email: string): Promise<AuthMember> {
    const payload = await sessions.signUp({
      workspaceName: 'Race Co',
      name: email,
      email,
      password: 'a long passphrase',
    });
    return {
      id: payload.member.id,
      workspaceId: payload.workspace.id,
      email,
      name: email,
      roles: payload.member.roles,
      approver: false,
    };
  }

  async function inviteToken(actor: AuthMember, email: string, roles: AuthMember['roles']) {
    const invitation = await members.invite(actor, { email, name: email, roles, approver: false });
    return {
      memberId: invitation.member.id,
      // Without SMTP the admin is given the link to pass on.
      token: new URL(invitation.inviteUrl!).searchParams.get('token')!,
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const moduleRef = await testModule(database, clock, [MembersModule], {
      statementTimeoutMs: 10_000,
      env: { INVITATION_TTL_HOURS: '72' },
    }).compile();
    app = await moduleRef.init();
    members = app.get(MembersService);
    sessions = app.get(SessionService);
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('lets exactly one of two admins deactivating each other at once succeed', async () => {
    const first = await signUp('first@race.example');
    const { memberId, token } = await inviteToken(first, 'second@race.example', ['ADMIN']);
    await sessions.acceptInvitation({ token, password: 'second passphrase' });
    const second: AuthMember = { ...first, id: memberId, email: 'second@race.example' };

    const results = await Promise.allSettled([
      members.deactivate(first, second.id),
      members.deactivate(second, first.id),
    ]);

    expect(results.map(codeOf).sort()).toEqual([ErrorCode.CONFLICT, 'OK']);
    const listed = await members.list(first, { first: 10 });
    expect(listed.edges.map((edge) => edge.node.status).sort()).toEqual(['ACTIVE', 'DEACTIVATED']);
  });

  it('accepts an invitation exactly once when two tabs submit it together', async () => {
    const admin = await signUp('admin@tabs.example');
    const { token } = await inviteToken(admin, 'tabs@tabs.example', ['SALES']);

    const results = await Promise.allSettled([
      sessions.acceptInvitation({ token, password: 'first tab passphrase' }),
      sessions.acceptInvitation({ token, password: 'second tab passphrase' }),
    ]);

    expect(results.map(codeOf).sort()).toEqual([ErrorCode.BAD_USER_INPUT, 'OK']);
  });

  it('refuses an invitation link after it expires', async () => {
    const admin = await signUp('admin@late.example');
    const { token } = await inviteToken(admin, 'late@late.example', ['EXECUTIVE']);
    clock.advance(73 * 3600_000);
    try {
      await expect(
        sessions.acceptInvitation({ token, password: 'too late passphrase' }),
      ).rejects.toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
      });
    } finally {
      clock.current = new Date('2026-11-25T09:00:00.000Z');
    }
  });

  it('re-inviting replaces the earlier link, and the name and roles', async () => {
    const admin = await signUp('admin@again.example');
    const earlier = await inviteToken(admin, 'again@again.example', ['SALES']);
    const again = await members.invite(admin, {
      email: 'again@again.example',
      name: ' Agnes Again ',
      roles: ['MARKETING'],
      approver: false,
    });
    const later = { memberId: again.member.id, token: new URL(again.inviteUrl!).searchParams.get('token')! };

    expect([again.member.name, again.member.roles]).toEqual(['Agnes Again', ['MARKETING']]);

    await expect(
      sessions.acceptInvitation({ token: earlier.token, password: 'earlier passphrase' }),
    ).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
    });
    const accepted = await sessions.acceptInvitation({ token: later.token, password: 'later passphrase' });
    expect([later.memberId, accepted.member.roles]).toEqual([earlier.memberId, ['MARKETING']]);
  });

  it('does not let a deactivated member sign in', async () => {
    const admin = await signUp('admin@gone.example');
    const { memberId, token } = await inviteToken(admin, 'gone@gone.example', ['SALES']);
    await sessions.acceptInvitation({ token, password: 'gone passphrase' });
    await members.deactivate(admin, memberId);
    await expect(
      sessions.login({ email: 'gone@gone.example', password: 'gone passphrase' }),
    ).rejects.toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
      message: 'E-mail or password is incorrect.',
    });
  });

  it('reactivates a deactivated member with the roles and password they had, but none of their old tokens', async () => {
    const admin = await signUp('admin@back.example');
    const { memberId, token } = await inviteToken(admin, 'back@back.example', ['SALES']);
    const joined = await sessions.acceptInvitation({ token, password: 'back passphrase' });
    const oldToken = joined.accessToken;
    await members.deactivate(admin, memberId);
    // Deactivated before joining: invited again, to be sent a new invitation.
    const never = await inviteToken(admin, 'never@back.example', ['MARKETING']);
    await members.deactivate(admin, never.memberId);

    expect(await members.reactivate(admin, memberId)).toMatchObject({ status: 'ACTIVE', roles: ['SALES'] });
    const again = await sessions.login({ email: 'back@back.example', password: 'back passphrase' });
    expect(again.member.id).toBe(memberId);
    const epochs: { session_epoch: number }[] = await app
      .get(TenantDb)
      .inWorkspace(admin.workspaceId, (manager) =>
        manager.query(`SELECT session_epoch FROM members WHERE id = $1`, [memberId]),
      );
    const claims = JSON.parse(Buffer.from(oldToken.split('.')[1], 'base64url').toString()) as {
      sep?: number;
    };
    expect(epochs[0].session_epoch).toBeGreaterThan(claims.sep ?? 0);

    expect(await members.reactivate(admin, never.memberId)).toMatchObject({ status: 'INVITED' });
    // Their old link stays dead; a new invitation lets them join.
    await expect(
      sessions.acceptInvitation({ token: never.token, password: 'never passphrase' }),
    ).rejects.toBeInstanceOf(AppError);
    const renewed = await inviteToken(admin, 'never@back.example', ['MARKETING']);
    await expect(
      sessions.acceptInvitation({ token: renewed.token, password: 'never passphrase' }),
    ).resolves.toMatchObject({ member: { id: never.memberId } });

    await expect(members.reactivate(admin, memberId)).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: 'back@back.example is not deactivated.',
    });
  });

  it('shows every member their colleagues — names, roles, teams, approvers and status — and only their own workspace', async () => {
    const admin = await signUp('admin@colleagues.example');
    const rep = await inviteToken(admin, 'rep@colleagues.example', ['SALES']);
    await sessions.acceptInvitation({ token: rep.token, password: 'rep passphrase' });
    await members.update(admin, { memberId: rep.memberId, roles: ['SALES'], approver: true, team: 'EMEA' });
    const invited = await inviteToken(admin, 'invited@colleagues.example', ['MARKETING']);
    const gone = await inviteToken(admin, 'gone@colleagues.example', ['SALES']);
    await members.deactivate(admin, gone.memberId);
    await signUp('admin@elsewhere.example');
    const salesRep: AuthMember = {
      ...admin,
      id: rep.memberId,
      email: 'rep@colleagues.example',
      roles: ['SALES'],
    };

    expect(await members.colleagues(salesRep)).toEqual([
      {
        id: admin.id,
        name: 'admin@colleagues.example',
        roles: ['ADMIN'],
        team: null,
        approver: false,
        status: 'ACTIVE',
      },
      {
        id: gone.memberId,
        name: 'gone@colleagues.example',
        roles: ['SALES'],
        team: null,
        approver: false,
        status: 'DEACTIVATED',
      },
      {
        id: invited.memberId,
        name: 'invited@colleagues.example',
        roles: ['MARKETING'],
        team: null,
        approver: false,
        status: 'INVITED',
      },
      {
        id: rep.memberId,
        name: 'rep@colleagues.example',
        roles: ['SALES'],
        team: 'EMEA',
        approver: true,
        status: 'ACTIVE',
      },
    ]);
  });

  it("sets and clears a member's team and manager, refusing themself, another workspace's member and a loop", async () => {
    const admin = await signUp('admin@teams.example');
    const lead = await inviteToken(admin, 'lead@teams.example', ['SALES']);
    const rep = await inviteToken(admin, 'rep@teams.example', ['SALES']);
    const stranger = await signUp('admin@elsewhere.example');
    const change = (
      memberId: string,
      place: { team?: string | null; managerId?: string | null; monthlyQuota?: number | null },
    ) => members.update(admin, { memberId, roles: ['SALES'], approver: false, ...place });

    const placed = await change(rep.memberId, {
      team: '  DACH ',
      managerId: lead.memberId,
      monthlyQuota: 45_000.5,
    });
    expect([placed.team, placed.manager?.email, placed.monthlyQuota]).toEqual([
      'DACH',
      'lead@teams.example',
      45_000.5,
    ]);
    // Roles alone leave team, manager and quota as they are.
    const kept = await change(rep.memberId, {});
    expect([kept.team, kept.manager?.email, kept.monthlyQuota]).toEqual([
      'DACH',
      'lead@teams.example',
      45_000.5,
    ]);
    expect((await change(rep.memberId, { monthlyQuota: null })).monthlyQuota).toBeNull();

    const refused = await Promise.allSettled([
      change(rep.memberId, { managerId: rep.memberId }),
      change(rep.memberId, { managerId: stranger.id }),
      change(lead.memberId, { managerId: rep.memberId }),
    ]);
    expect(refused.map(codeOf)).toEqual([
      ErrorCode.BAD_USER_INPUT,
      ErrorCode.BAD_USER_INPUT,
      ErrorCode.CONFLICT,
    ]);

    const cleared = await change(rep.memberId, { team: '', managerId: null });
    expect([cleared.team, cleared.manager]).toEqual([null, null]);
  });

  it('refuses one of two changes made at once that together would close a loop of managers', async () => {
    const admin = await signUp('admin@loops.example');
    const [ann, bob] = await Promise.all([
      inviteToken(admin, 'ann@loops.example', ['SALES']),
      inviteToken(admin, 'bob@loops.example', ['SALES']),
    ]);
    const manage = (memberId: string, managerId: string) =>
      members.update(admin, { memberId, roles: ['SALES'], approver: false, managerId });

    // Each alone is fine; both would make Ann and Bob each other's manager. A check for a loop waits (up to half
    // a second) for the other to have checked too, as a slow moment would: were the changes not taking turns (every
    // change locks the active admins first, for its last-admin rule), both would pass before either wrote.
    const repository = app.get(MembersRepository);
    const check = repository.managesThroughChain.bind(repository);
    let checking = 0;
    const spy = jest.spyOn(repository, 'managesThroughChain').mockImplementation(async (...args) => {
      checking += 1;
      const found = await check(...args);
      for (let waited = 0; checking < 2 && waited < 500; waited += 20) await sleep(20);
      return found;
    });
    const results = await Promise.allSettled([
      manage(ann.memberId, bob.memberId),
      manage(bob.memberId, ann.memberId),
    ]).finally(() => spy.mockRestore());

    expect(results.map(codeOf).sort()).toEqual([ErrorCode.CONFLICT, 'OK']);
    const listed = await members.list(admin, { first: 10 });
    expect(listed.edges.filter((edge) => edge.node.manager !== null)).toHaveLength(1);
  });

  it('refuses a workspace its 51st invitation in 24 hours, re-sent ones included, and no other workspace', async () => {
    const admin = await signUp('admin@cap.example');
    const start = clock.now();
    try {
      await members.invite(admin, {
        email: 'first@cap.example',
        name: 'First',
        roles: ['SALES'],
        approver: false,
      });
      clock.advance(3600_000);
      for (let index = 1; index < MAX_INVITATIONS_PER_DAY; index++) {
        // Every other one re-sends the same invitation: each is an e-mail all the same.
        const email = index % 2 ? 'again@cap.example' : `rep${index}@cap.example`;
        await members.invite(admin, { email, name: 'Rep', roles: ['SALES'], approver: false });
      }
      const invite = (email: string) =>
        members.invite(admin, { email, name: 'One Too Many', roles: ['SALES'], approver: false });

      await expect(invite('late@cap.example')).rejects.toMatchObject({
        code: ErrorCode.RATE_LIMITED,
        message:
          'This workspace has sent 50 invitations in the last 24 hours, the most it may; invite again in 1380 minutes.',
        details: { retryAfterSeconds: 23 * 3600 },
      });
      await expect(invite('again@cap.example')).rejects.toMatchObject({ code: ErrorCode.RATE_LIMITED });
      const other = await signUp('admin@uncapped.example');
      await members.invite(other, {
        email: 'rep@uncapped.example',
        name: 'Rep',
        roles: ['SALES'],
        approver: false,
      });

      // The first invitation leaves the window 24 hours after it was sent, and makes room for one.
      clock.current = new Date(start.getTime() + 24 * 3600_000);
      const results = await Promise.allSettled([invite('late@cap.example'), invite('later@cap.example')]);
      expect(results.map(codeOf).sort()).toEqual(['OK', ErrorCode.RATE_LIMITED]);
      const listed = await members.list(admin, { first: 100 });
      expect(listed.totalCount).toBe(1 + 1 + MAX_INVITATIONS_PER_DAY / 2 + 1);
    } finally {
      clock.current = new Date('2026-11-25T09:00:00.000Z');
    }
  });

  describe('with SMTP configured', () => {
    const inbox = new SmtpInbox();
    let mailing: INestApplicationContext;
    let mailingMembers: MembersService;

    beforeAll(async () => {
      const smtpUrl = await inbox.start();
      const moduleRef = await testModule(database, clock, [MembersModule], {
        env: { INVITATION_TTL_HOURS: '72', SMTP_URL: smtpUrl, MAIL_FROM: 'Accord <no-reply@accord.test>' },
      }).compile();
      mailing = await moduleRef.init();
      mailingMembers = mailing.get(MembersService);
    });

    afterAll(async () => {
      await mailing.close();
      await inbox.stop();
    });

    /** An admin who signed up and confirmed their address, as one must before inviting while mail goes out. */
    async function confirmedAdmin(email: string, workspaceName = 'Mail Co'): Promise<AuthMember> {
      const { actor } = await signUpAdmin(mailing, email, workspaceName);
      const link = /^http\S+\/verify-email\?token=\S+$/m.exec(inbox.mails.at(-1)?.text ?? '')?.[0] ?? '';
      await mailing.get(EmailVerificationService).verify(new URL(link).searchParams.get('token') ?? '');
      return actor;
    }

    it('e-mails the link to the invitee alone, under a subject naming no one, quoting names on one line', async () => {
      const actor = await confirmedAdmin(
        'admin@mail.example',
        'Mail Co\n\nClick https://evil.example to claim your prize',
      );

      const invitation = await mailingMembers.invite(actor, {
        email: 'riley@mail.example',
        name: 'Riley Rep',
        roles: ['SALES'],
        approver: true,
      });

      expect(invitation.inviteUrl).toBeNull();
      const mail = inbox.mails.at(-1)!;
      const link = /^http\S+\/accept-invitation\?token=\S+$/m.exec(mail.text)?.[0] ?? '';
      expect(mail).toEqual({
        to: ['riley@mail.example'],
        subject: INVITATION_SUBJECT,
        text: [
          'Hello,',
          '',
          'You have been invited to join the workspace "Mail Co Click https://evil.example to claim your prize" on Accord, as "Riley Rep".',
          'Set your password with this link; it works once, until 2026-11-28T09:00:00.000Z:',
          '',
          link,
          '',
          // The text's last line break ends it on the wire, before SMTP's closing dot.
          'If you did not expect this invitation, you can ignore this e-mail.',
        ].join('\n'),
      });
      const accepted = await sessions.acceptInvitation({
        token: new URL(link).searchParams.get('token')!,
        password: 'riley passphrase',
      });
      expect([accepted.member.email, accepted.member.status]).toEqual(['riley@mail.example', 'ACTIVE']);
    });

    it('tells the admin when the mail server refuses the invitation, and gives them no link', async () => {
      const admin = await confirmedAdmin('admin@bounce.example');
      inbox.refused.add('nobody@bounce.example');

      await expect(
        mailingMembers.invite(admin, {
          email: 'nobody@bounce.example',
          name: 'Nobody',
          roles: ['SALES'],
          approver: true,
        }),
      ).rejects.toThrow('Could not send the invitation e-mail to nobody@bounce.example');
    });
  });
});
