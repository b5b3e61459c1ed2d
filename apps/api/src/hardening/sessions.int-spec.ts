import { BootedApp, bootApp, gql } from './boot.int-fixture';

const SIGN_UP = `mutation { signUp(input: { workspaceName: "Sessions", name: "Ola", email: "ola@sessions.example",
  password: "the first long password" }) { accessToken } }`;
const LOGIN = `mutation ($password: String!) {
  login(input: { email: "ola@sessions.example", password: $password }) { accessToken } }`;
const CHANGE = `mutation ($current: String!, $next: String!) {
  changePassword(input: { currentPassword: $current, newPassword: $next }) { accessToken } }`;
const VIEWER = '{ viewer { member { email } } }';

type Answer = {
  data?: Record<string, { accessToken?: string } | boolean | null> | null;
  errors?: { message: string; extensions?: { code?: string; fields?: unknown } }[];
};

describe('ending sessions: a changed password, signing out everywhere', () => {
  let booted: BootedApp;
  const run = (query: string, token?: string, variables?: Record<string, unknown>) =>
    gql<Answer>(booted.baseUrl, query, { token, variables });
  const tokenOf = (answer: { body: Answer }, field: string) =>
    (answer.body.data?.[field] as { accessToken: string }).accessToken;
  const canRead = async (token: string) => {
    const answer = await run(VIEWER, token);
    return answer.body.errors === undefined && answer.body.data?.['viewer'] !== undefined;
  };

  beforeAll(async () => {
    booted = await bootApp();
  });

  afterAll(async () => {
    await booted.stop();
  });

  it('changes a password given the current one, and refuses every token issued before', async () => {
    const first = tokenOf(await run(SIGN_UP), 'signUp');
    const laptop = tokenOf(await run(LOGIN, undefined, { password: 'the first long password' }), 'login');

    const wrong = await run(CHANGE, first, { current: 'not it at all', next: 'the second long password' });
    expect(wrong.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'currentPassword', message: 'does not match your current password' }],
    });
    expect(await canRead(laptop)).toBe(true);

    const changed = await run(CHANGE, first, {
      current: 'the first long password',
      next: 'the second long password',
    });
    const current = tokenOf(changed, 'changePassword');
    expect([await canRead(first), await canRead(laptop), await canRead(current)]).toEqual([
      false,
      false,
      true,
    ]);
    expect(
      (await run(LOGIN, undefined, { password: 'the first long password' })).body.errors?.[0].message,
    ).toBe('E-mail or password is incorrect.');
    expect(tokenOf(await run(LOGIN, undefined, { password: 'the second long password' }), 'login')).toEqual(
      expect.any(String),
    );
  });

  it('signs a member out everywhere, this session included', async () => {
    const phone = tokenOf(await run(LOGIN, undefined, { password: 'the second long password' }), 'login');
    const desk = tokenOf(await run(LOGIN, undefined, { password: 'the second long password' }), 'login');
    expect((await run('mutation { signOutEverywhere }', desk)).body.data).toEqual({
      signOutEverywhere: true,
    });
    expect([await canRead(phone), await canRead(desk)]).toEqual([false, false]);
    const again = tokenOf(await run(LOGIN, undefined, { password: 'the second long password' }), 'login');
    expect(await canRead(again)).toBe(true);
  });
});
