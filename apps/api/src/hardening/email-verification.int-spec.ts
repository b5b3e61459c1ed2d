import { SmtpInbox } from '@accord/api/shared/testing';

import { BootedApp, bootApp, gql } from './boot.int-fixture';

const SIGN_UP = `mutation { signUp(input: { workspaceName: "Confirm", name: "Ola", email: "ola@confirm.example",
  password: "the first long password" }) { accessToken } }`;
const STATUS = '{ viewer { mustVerifyEmail member { emailVerifiedAt } } }';
const RESEND = 'mutation { sendEmailVerification { expiresAt } }';
const VERIFY = `mutation ($token: String!) { verifyEmail(input: { token: $token }) { email workspaceName } }`;
const INVITE = `mutation { inviteMember(input: { email: "rep@confirm.example", name: "Rep", roles: [SALES],
  approver: false }) { member { status } inviteUrl } }`;

type Answer = {
  data?: Record<string, Record<string, unknown> | null> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

describe('e-mail confirmation over HTTP, with a mail server', () => {
  const inbox = new SmtpInbox();
  let booted: BootedApp;
  const run = (query: string, token?: string, variables?: Record<string, unknown>) =>
    gql<Answer>(booted.baseUrl, query, { token, variables });

  beforeAll(async () => {
    const smtpUrl = await inbox.start();
    booted = await bootApp({ SMTP_URL: smtpUrl, PASSWORD_RESETS_PER_EMAIL: '2' });
  });

  afterAll(async () => {
    await booted.stop();
    await inbox.stop();
  });

  /** The newest confirmation link in the inbox, once the one sent after sign-up has arrived. */
  async function latestToken(count: number): Promise<string> {
    for (let waited = 0; inbox.mails.length < count && waited < 10_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const link = /^http\S+\/verify-email\?token=\S+$/m.exec(inbox.mails.at(-1)?.text ?? '')?.[0] ?? '';
    return new URL(link).searchParams.get('token') ?? '';
  }

  it('says to anyone that this instance e-mails password reset links', async () => {
    expect((await run('{ passwordResetsMailed }')).body).toEqual({ data: { passwordResetsMailed: true } });
  });

  it('refuses invitations until the link is used; new links are limited per address with 429 and Retry-After', async () => {
    const token = (await run(SIGN_UP)).body.data?.['signUp']?.['accessToken'] as string;
    await latestToken(1);

    expect((await run(STATUS, token)).body.data?.['viewer']?.['mustVerifyEmail']).toBe(true);
    const refused = await run(INVITE, token);
    expect([refused.status, refused.body.errors?.[0].extensions?.code]).toEqual([200, 'FORBIDDEN']);
    // Sign-up's e-mail spent one of the address's two; one more may be asked for, then no more in the window.
    const again = await run(RESEND, token);
    const flooding = await run(RESEND, token);
    expect([again.status, again.body.errors]).toEqual([200, undefined]);
    expect([
      flooding.status,
      flooding.body.errors?.[0].message.replace(/\d+ \w+\.$/, '…'),
      flooding.headers.get('retry-after') !== null,
    ]).toEqual([429, 'Too many e-mails asked for this address; retry in …', true]);

    // Public: the link may be opened signed out, on another device.
    const confirmed = await run(VERIFY, undefined, { token: await latestToken(2) });
    expect(confirmed.body.data?.['verifyEmail']).toEqual({
      email: 'ola@confirm.example',
      workspaceName: 'Confirm',
    });
    expect((await run(STATUS, token)).body.data?.['viewer']?.['mustVerifyEmail']).toBe(false);
    const invited = await run(INVITE, token);
    expect(invited.body.data?.['inviteMember']).toEqual({ member: { status: 'INVITED' }, inviteUrl: null });
  });
});
