// The booted product over real HTTP, and a small GraphQL client for it.
// The product launcher is plain JavaScript shared with the web journeys and the benchmarks, outside any project.
// eslint-disable-next-line @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries
const { startProduct } = require('../../../../tools/testing/start-product.js') as {
  startProduct(env?: Record<string, string>): Promise<Product>;
};

export interface Product {
  baseUrl: string;
  databaseUrl: string | undefined;
  output: string[];
  stop(): Promise<void>;
}

export interface GraphqlError {
  message: string;
  extensions?: { code?: string; fields?: { field: string; message: string }[]; requestId?: string };
}

export interface GraphqlResponse<T> {
  status: number;
  data?: T | null;
  errors?: GraphqlError[];
}

export { startProduct };

export async function graphql<T = Record<string, unknown>>(
  product: Product,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphqlResponse<T>> {
  const response = await fetch(`${product.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GraphqlError[] };
  return { status: response.status, ...body };
}

export const DEMO_PASSWORD = 'accord-demo';

export async function signIn(product: Product, email: string, password = DEMO_PASSWORD): Promise<string> {
  const result = await graphql<{ login: { accessToken: string } }>(
    product,
    'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { accessToken } }',
    { email, password },
  );
  if (!result.data?.login) throw new Error(`sign-in failed for ${email}: ${JSON.stringify(result.errors)}`);
  return result.data.login.accessToken;
}

export function codes(result: GraphqlResponse<unknown>): (string | undefined)[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}
