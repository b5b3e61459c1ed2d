import { INestApplicationContext } from '@nestjs/common';

import { AuthMember } from '@accord/api/shared/auth';
import { ErrorCode } from '@accord/api/shared/graphql';
import { FrozenClock, TestDatabase, createTestDatabase, testModule } from '@accord/api/shared/testing';

import { signUpAdmin } from './admin-sign-up.int-fixture';
import { MembersModule } from './members.module';
import { MembersService } from './members.service';
import { BAD_LINK, OneTimeLinksService } from './one-time-links.service';
import { PasswordResetService } from './password-reset.service';
import { SessionService } from './session.service';

const START = new Date('2026-11-25T09:00:00.000Z');

function tokenOf(url: string | null | undefined): string {
  return new URL(url ?? '').searchParams.get('token') ?? '';
}

describe('one-time link previews on PostgreSQL', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let members: MembersService;
  let sessions: SessionService;
  let resets: PasswordResetService;
  let links: OneTimeLinksService;
  const clock = new FrozenClock();

  const signUp = async (workspaceName: string, email: string): Promise<AuthMember> =>
    (await signUpAdmin(app, email, workspaceName)).actor;

  async function invite(admin: AuthMember, email: string) {
    const invitation = await members.invite(admin, {
      email,
      name: 'Riley Rep',
      roles: ['SALES', 'MARKETING'],
      approver: false,
    });
    return { memberId: invitation.member.id, token: tokenOf(invitation.inviteUrl) };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await (await testModule(database, clock, [MembersModule]).compile()).init();
    members = app.get(MembersService);
    sessions = app.get(SessionService);
    resets = app.get(PasswordResetService);
    links = app.get(OneTimeLinksService);
  });

  afterEach(() => {
    clock.current = START;
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('names the workspace, the account and the admin who sent an invitation, until it is used', async () => {
    const admin = await signUp('Northwind Traders', 'ada@northwind.example');
    const { token } = await invite(admin, 'riley@northwind.example');

    expect(await links.preview(token, 'INVITATION')).toEqual({
      purpose: 'INVITATION',
      workspaceName: 'Northwind Traders',
      email: 'riley@northwind.example',
      name: 'Riley Rep',
      roles: ['MARKETING', 'SALES'],
      sentBy: 'Ada Admin',
      expiresAt: expect.any(Date),
    });
    await sessions.acceptInvitation({ token, password: 'riley passphrase' });
    await expect(links.preview(token, 'INVITATION')).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message: BAD_LINK.INVITATION,
    });
  });

  it('names a reset link the admin made, for the active member, and never as an invitation', async () => {
    const admin = await signUp('Contoso', 'ada@contoso.example');
    const { memberId, token: invitation } = await invite(admin, 'riley@contoso.example');
    // An invited member's reset link does not exist; their invitation is no reset link.
    await expect(links.preview(invitation, 'PASSWORD_RESET')).rejects.toMatchObject({
      message: BAD_LINK.PASSWORD_RESET,
    });
    await sessions.acceptInvitation({ token: invitation, password: 'riley passphrase' });

    const reset = tokenOf((await resets.createLink(admin, memberId)).resetUrl);
    expect(await links.preview(reset, 'PASSWORD_RESET')).toMatchObject({
      purpose: 'PASSWORD_RESET',
      workspaceName: 'Contoso',
      email: 'riley@contoso.example',
      sentBy: 'Ada Admin',
      expiresAt: new Date('2026-11-25T10:00:00.000Z'),
    });
    await expect(links.preview(reset, 'INVITATION')).rejects.toMatchObject({ message: BAD_LINK.INVITATION });
  });

  it('answers an unknown, expired or revoked link as a used one, naming nothing', async () => {
    const admin = await signUp('Fabrikam', 'ada@fabrikam.example');
    const { memberId, token } = await invite(admin, 'riley@fabrikam.example');

    await expect(links.preview('x'.repeat(43), 'INVITATION')).rejects.toMatchObject({
      message: BAD_LINK.INVITATION,
    });
    clock.current = new Date(START.getTime() + 8 * 24 * 3600_000);
    await expect(links.preview(token, 'INVITATION')).rejects.toMatchObject({ message: BAD_LINK.INVITATION });
    clock.current = START;
    await members.deactivate(admin, memberId);
    await expect(links.preview(token, 'INVITATION')).rejects.toMatchObject({ message: BAD_LINK.INVITATION });
  });
});
