import { Product, codes, graphql, signIn, startProduct } from './support/product';

const SIGN_UP = `mutation ($input: SignUpInput!) {
  signUp(input: $input) { accessToken member { id email roles } workspace { id name } }
}`;

type SignUp = { signUp: { accessToken: string; member: { id: string; email: string; roles: string[] }; workspace: { id: string; name: string } } };

describe('a workspace sees and changes nothing of another', () => {
  let product: Product;
  let otherToken: string;
  let demoAdminToken: string;
  let demoMemberIds: string[];

  beforeAll(async () => {
    product = await startProduct();
    const signedUp = await graphql<SignUp>(product, SIGN_UP, {
      input: { workspaceName: 'Other Co', name: 'Olga Other', email: 'olga@other.example', password: 'olga passphrase' },
    });
    otherToken = signedUp.data!.signUp.accessToken;
    demoAdminToken = await signIn(product, 'admin@demo.accord.dev');
    const members = await graphql<{ members: { edges: { node: { id: string } }[] } }>(
      product,
      '{ members(first: 100) { edges { node { id } } } }',
      {},
      demoAdminToken,
    );
    demoMemberIds = members.data!.members.edges.map((edge) => edge.node.id);
  });

  afterAll(async () => {
    await product.stop();
  });

  it('signs up a new workspace with its first admin', async () => {
    const viewer = await graphql(product, '{ viewer { member { email roles status } workspace { name } } }', {}, otherToken);
    expect(viewer.data).toEqual({
      viewer: { member: { email: 'olga@other.example', roles: ['ADMIN'], status: 'ACTIVE' }, workspace: { name: 'Other Co' } },
    });
  });

  it('lists only its own members', async () => {
    const result = await graphql<{ members: { totalCount: number; edges: { node: { email: string } }[] } }>(
      product,
      '{ members { totalCount edges { node { email } } } }',
      {},
      otherToken,
    );
    expect(result.data).toEqual({ members: { totalCount: 1, edges: [{ node: { email: 'olga@other.example' } }] } });
  });

  it('cannot change or deactivate another workspace\'s members', async () => {
    for (const memberId of demoMemberIds) {
      const update = await graphql(
        product,
        'mutation ($input: UpdateMemberInput!) { updateMember(input: $input) { id } }',
        { input: { memberId, roles: ['EXECUTIVE'], approver: false } },
        otherToken,
      );
      const deactivate = await graphql(product, 'mutation ($id: ID!) { deactivateMember(memberId: $id) { id } }', { id: memberId }, otherToken);
      expect([codes(update), codes(deactivate)]).toEqual([['NOT_FOUND'], ['NOT_FOUND']]);
    }
    const demo = await graphql(product, '{ members(first: 100) { edges { node { status roles } } } }', {}, demoAdminToken);
    expect(JSON.stringify(demo.data)).not.toMatch(/DEACTIVATED/);
  });

  it('keeps the same e-mail in two workspaces apart', async () => {
    const invite = await graphql(
      product,
      'mutation { inviteMember(input: { email: "admin@demo.accord.dev", name: "Ada elsewhere", roles: [EXECUTIVE] }) { member { status } } }',
      {},
      otherToken,
    );
    expect(invite.data).toEqual({ inviteMember: { member: { status: 'INVITED' } } });
    const demoViewer = await graphql(product, '{ viewer { member { name roles } workspace { name } } }', {}, demoAdminToken);
    expect(demoViewer.data).toEqual({ viewer: { member: { name: 'Ada Admin', roles: ['ADMIN'] }, workspace: { name: 'Demo Co' } } });
  });

  it('refuses a token signed with another key or for another audience', async () => {
    const [header, payload] = otherToken.split('.');
    const forged = `${header}.${payload}.${Buffer.from('forged-signature').toString('base64url')}`;
    const result = await graphql(product, '{ viewer { member { email } } }', {}, forged);
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
  });
});
