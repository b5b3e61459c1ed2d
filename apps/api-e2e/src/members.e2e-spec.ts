import { Product, codes, graphql, signIn, startProduct } from './support/product';

const INVITE = `mutation ($input: InviteMemberInput!) {
  inviteMember(input: $input) { inviteUrl expiresAt member { id email name roles approver status } }
}`;
const ACCEPT = `mutation ($token: String!, $password: String!) {
  acceptInvitation(input: { token: $token, password: $password }) { accessToken member { email status roles } workspace { name } }
}`;
const VIEWER = '{ viewer { member { email roles approver status } workspace { name timeZone } } }';

describe('members over GraphQL', () => {
  let product: Product;
  let adminToken: string;

  beforeAll(async () => {
    product = await startProduct();
    adminToken = await signIn(product, 'admin@demo.accord.dev');
  });

  afterAll(async () => {
    await product.stop();
  });

  it('signs a demo member in and tells them who they are', async () => {
    const token = await signIn(product, 'MARKETING@Demo.Accord.dev');
    const result = await graphql(product, VIEWER, {}, token);
    expect(result).toEqual({
      status: 200,
      data: {
        viewer: {
          member: { email: 'marketing@demo.accord.dev', roles: ['MARKETING'], approver: true, status: 'ACTIVE' },
          workspace: { name: 'Demo Co', timeZone: 'UTC' },
        },
      },
    });
  });

  it('answers an unknown e-mail and a wrong password with the same error', async () => {
    const login = 'mutation ($email: String!) { login(input: { email: $email, password: "not-the-password" }) { accessToken } }';
    const unknown = await graphql(product, login, { email: 'nobody@demo.accord.dev' });
    const wrong = await graphql(product, login, { email: 'admin@demo.accord.dev' });
    expect(unknown.errors).toEqual(wrong.errors);
    expect(codes(unknown)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses every operation but signUp and login without a token', async () => {
    const result = await graphql(product, VIEWER);
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
  });

  it('lets only admins list and manage members', async () => {
    const salesToken = await signIn(product, 'sales@demo.accord.dev');
    const list = await graphql(product, '{ members { totalCount } }', {}, salesToken);
    const invite = await graphql(
      product,
      INVITE,
      { input: { email: 'x@demo.accord.dev', name: 'X', roles: ['SALES'] } },
      salesToken,
    );
    expect([codes(list), codes(invite)]).toEqual([['FORBIDDEN'], ['FORBIDDEN']]);
  });

  it('invites a member who sets a password with the one-time link and signs in', async () => {
    const invited = await graphql<{ inviteMember: { inviteUrl: string; member: Record<string, unknown> } }>(
      product,
      INVITE,
      { input: { email: 'New.Rep@Demo.Accord.dev', name: 'New Rep', roles: ['SALES'], approver: false } },
      adminToken,
    );
    expect(invited.data?.inviteMember.member).toEqual({
      id: expect.any(String),
      email: 'new.rep@demo.accord.dev',
      name: 'New Rep',
      roles: ['SALES'],
      approver: false,
      status: 'INVITED',
    });
    const url = new URL(invited.data!.inviteMember.inviteUrl);
    expect(url.pathname).toBe('/accept-invitation');
    const token = url.searchParams.get('token')!;

    const accepted = await graphql(product, ACCEPT, { token, password: 'a long enough passphrase' });
    expect(accepted.data).toEqual({
      acceptInvitation: {
        accessToken: expect.any(String),
        member: { email: 'new.rep@demo.accord.dev', status: 'ACTIVE', roles: ['SALES'] },
        workspace: { name: 'Demo Co' },
      },
    });
    const again = await graphql(product, ACCEPT, { token, password: 'another long passphrase' });
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    await expect(signIn(product, 'new.rep@demo.accord.dev', 'a long enough passphrase')).resolves.toEqual(expect.any(String));
  });

  it('logs the invitation link when SMTP is not configured', async () => {
    await graphql(product, INVITE, { input: { email: 'logged@demo.accord.dev', name: 'Logged', roles: ['EXECUTIVE'] } }, adminToken);
    const logged = /logged@demo\.accord\.dev.*accept-invitation\?token=/;
    // The log line crosses a pipe from the product's process; give it a moment.
    for (let waited = 0; waited < 3_000 && !logged.test(product.output.join('')); waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(product.output.join('')).toMatch(logged);
  });

  it('names the field and the reason of a validation error', async () => {
    const result = await graphql(
      product,
      INVITE,
      { input: { email: 'not-an-email', name: 'Bad', roles: [] } },
      adminToken,
    );
    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'email', message: 'must be an e-mail address' },
        { field: 'roles', message: 'give at least one role' },
      ],
    });
  });

  it('changes roles, and stops a deactivated member\'s existing token at once', async () => {
    const invited = await graphql<{ inviteMember: { inviteUrl: string; member: { id: string } } }>(
      product,
      INVITE,
      { input: { email: 'leaver@demo.accord.dev', name: 'Leaver', roles: ['MARKETING'] } },
      adminToken,
    );
    const token = new URL(invited.data!.inviteMember.inviteUrl).searchParams.get('token');
    const accepted = await graphql<{ acceptInvitation: { accessToken: string } }>(product, ACCEPT, {
      token,
      password: 'leaver passphrase 1',
    });
    const leaverToken = accepted.data!.acceptInvitation.accessToken;
    const memberId = invited.data!.inviteMember.member.id;

    const updated = await graphql(
      product,
      'mutation ($input: UpdateMemberInput!) { updateMember(input: $input) { roles approver } }',
      { input: { memberId, roles: ['SALES', 'MARKETING'], approver: true } },
      adminToken,
    );
    expect(updated.data).toEqual({ updateMember: { roles: ['MARKETING', 'SALES'], approver: true } });
    const before = await graphql(product, VIEWER, {}, leaverToken);
    expect(before.errors).toBeUndefined();

    const deactivated = await graphql(
      product,
      'mutation ($id: ID!) { deactivateMember(memberId: $id) { status } }',
      { id: memberId },
      adminToken,
    );
    expect(deactivated.data).toEqual({ deactivateMember: { status: 'DEACTIVATED' } });
    const after = await graphql(product, VIEWER, {}, leaverToken);
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
  });

  it('keeps at least one active admin', async () => {
    const listed = await graphql<{ members: { edges: { node: { id: string; email: string } }[] } }>(
      product,
      '{ members(first: 100) { edges { node { id email } } } }',
      {},
      adminToken,
    );
    const edges = listed.data!.members.edges;
    const adminId = edges.find((edge) => edge.node.email === 'admin@demo.accord.dev')!.node.id;
    const demote = await graphql(
      product,
      'mutation ($input: UpdateMemberInput!) { updateMember(input: $input) { roles } }',
      { input: { memberId: adminId, roles: ['SALES'], approver: false } },
      adminToken,
    );
    expect(demote.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['CONFLICT', 'A workspace needs at least one active admin: make someone else an admin first.'],
    ]);
  });

  it('pages through members with cursors', async () => {
    const query = 'query ($after: String) { members(first: 2, after: $after) { totalCount edges { node { email } } pageInfo { endCursor hasNextPage } } }';
    type Page = { members: { totalCount: number; edges: { node: { email: string } }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } };
    const emails: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: Awaited<ReturnType<typeof graphql<Page>>> = await graphql<Page>(product, query, { after }, adminToken);
      emails.push(...result.data!.members.edges.map((edge) => edge.node.email));
      if (!result.data!.members.pageInfo.hasNextPage) break;
      after = result.data!.members.pageInfo.endCursor;
    }
    const total = await graphql<Page>(product, query, {}, adminToken);
    expect(emails.length).toBe(total.data!.members.totalCount);
    expect(new Set(emails).size).toBe(emails.length);
    const badCursor = await graphql(product, query, { after: 'garbage' }, adminToken);
    expect(codes(badCursor)).toEqual(['BAD_USER_INPUT']);
  });
});
