import { BootedApp, bootApp, gql, teamWithTokens } from './boot.int-fixture';

const REQUEST = `mutation ($email: String!) { requestPasswordReset(input: { email: $email }) { mailed } }`;
const SIGN_UP = `mutation { signUp(input: { workspaceName: "Resets", name: "Ola", email: "ola@resets.example",
  password: "the first long password" }) { accessToken member { id } } }`;
const LOGIN = `mutation ($password: String!) {
  login(input: { email: "ola@resets.example", password: $password }) { accessToken } }`;
const CREATE_LINK = `mutation ($memberId: ID!) { createPasswordResetLink(memberId: $memberId) { resetUrl } }`;
const RESET = `mutation ($token: String!, $password: String!) {
  resetPassword(input: { token: $token, password: $password }) { accessToken } }`;

type Answer = {
  data?: Record<string, Record<string, unknown> | null> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

// Without SMTP (as here), the link of a reset the member asks for is only logged: the admin's link stands in.
describe('password resets over HTTP', () => {
  let booted: BootedApp;
  const run = (query: string, token?: string, variables?: Record<string, unknown>) =>
    gql<Answer>(booted.baseUrl, query, { token, variables });
  const canRead = async (token: string) =>
    (await run('{ viewer { member { id } } }', token)).body.errors === undefined;

  beforeAll(async () => {
    booted = await bootApp({ PASSWORD_RESETS_PER_EMAIL: '2', PASSWORD_RESETS_PER_IP: '4' });
  });

  afterAll(async () => {
    await booted.stop();
  });

  it('limits requests per e-mail, then per client address, with 429 and Retry-After', async () => {
    const outcomes = [];
    for (const email of [
      'x@resets.example',
      'x@resets.example',
      'X@resets.example',
      'y@resets.example',
      'z@resets.example',
    ]) {
      const answer = await run(REQUEST, undefined, { email });
      outcomes.push([
        answer.status,
        answer.body.data?.['requestPasswordReset'] ??
          answer.body.errors?.[0].message.replace(/\d+ \w+\.$/, '…'),
        answer.headers.get('retry-after') !== null,
      ]);
    }

    expect(outcomes).toEqual([
      [200, { mailed: false }, false],
      [200, { mailed: false }, false],
      [429, 'Too many password reset requests for this e-mail address; retry in …', true],
      [200, { mailed: false }, false],
      [429, 'Too many password reset requests from this address; retry in …', true],
    ]);
  });

  it('says to anyone, before they ask, that this instance e-mails no links', async () => {
    expect((await run('{ passwordResetsMailed }')).body).toEqual({ data: { passwordResetsMailed: false } });
  });

  it('ends every session of the member with the old password, and signs them in with the new one', async () => {
    const signedUp = await run(SIGN_UP);
    const first = signedUp.body.data?.['signUp']?.['accessToken'] as string;
    const memberId = (signedUp.body.data?.['signUp']?.['member'] as { id: string }).id;
    const laptop = (await run(LOGIN, undefined, { password: 'the first long password' })).body.data?.[
      'login'
    ]?.['accessToken'] as string;
    const resetUrl = (await run(CREATE_LINK, first, { memberId })).body.data?.['createPasswordResetLink']?.[
      'resetUrl'
    ] as string;

    const reset = await run(RESET, undefined, {
      token: new URL(resetUrl).searchParams.get('token'),
      password: 'the second long password',
    });

    const current = reset.body.data?.['resetPassword']?.['accessToken'] as string;
    expect([await canRead(first), await canRead(laptop), await canRead(current)]).toEqual([
      false,
      false,
      true,
    ]);
    expect(
      (await run(LOGIN, undefined, { password: 'the first long password' })).body.errors?.[0].message,
    ).toBe('E-mail or password is incorrect.');
  });

  it('makes reset links for admins only', async () => {
    const team = await teamWithTokens(booted, {
      admin: { name: 'Ada', roles: ['ADMIN'] },
      rep: { name: 'Sam', roles: ['SALES'] },
    });

    const answers = await Promise.all([
      run(CREATE_LINK, team.rep.token, { memberId: team.admin.id }),
      run(CREATE_LINK, team.admin.token, { memberId: team.rep.id }),
    ]);

    expect(answers.map((answer) => answer.body.errors?.[0].extensions?.code ?? 'OK')).toEqual([
      'FORBIDDEN',
      'OK',
    ]);
  });
});
