/** The demo workspace's admin, seeded by the product on its first start. */
export const DEMO_ADMIN = { email: 'admin@demo.accord.dev', password: 'accord-demo' };

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string }[];
}

/** A signed-in member's token, with who and where they are. */
export interface Session {
  token: string;
  memberId: string;
  workspaceId: string;
}

/** Posts one GraphQL operation; throws on a non-200 response or any GraphQL error. */
export async function graphql<T>(
  baseUrl: string,
  query: string,
  token?: string,
  variables?: Record<string, unknown>,
): Promise<{ data: T; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify(variables ? { query, variables } : { query }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as GraphQLResponse<T>;
  if (response.status !== 200 || body.errors || !body.data) {
    throw new Error(`GraphQL request failed with ${response.status}: ${text}`);
  }
  return { data: body.data, text };
}

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { accessToken member { id } workspace { id } }
}`;

/** Signs in through the product's login mutation (the demo admin unless told otherwise). */
export async function signIn(baseUrl: string, credentials = DEMO_ADMIN): Promise<Session> {
  const { data } = await graphql<{
    login: { accessToken: string; member: { id: string }; workspace: { id: string } };
  }>(baseUrl, LOGIN, undefined, credentials);
  return {
    token: data.login.accessToken,
    memberId: data.login.member.id,
    workspaceId: data.login.workspace.id,
  };
}
