import { OPERATION_LIMITS } from '@accord/api/shared/graphql';

import { BootedApp, bootApp, gql, teamWithTokens } from './boot.int-fixture';

const LEAD_FIELDS =
  'id email firstName lastName companyName companyDomain country industry title department seniority source ' +
  'campaign signalCount stage stageChangedAt createdAt lastSignalAt ownerId employeeCount annualRevenue';

function nested(levels: number): string {
  let inner = 'id';
  for (let level = 0; level < levels; level += 1) inner = `f${level} { ${inner} }`;
  return `{ ${inner} }`;
}

/** What a refusal names: its code and the limit, so a client can tell which it hit. */
function refusal(result: { status: number; body: { errors?: { extensions?: Record<string, unknown> }[] } }) {
  const limited = (result.body.errors ?? []).find((error) => error.extensions?.['limit']);
  return {
    status: result.status,
    code: limited?.extensions?.['code'],
    limit: limited?.extensions?.['limit'],
    maximum: limited?.extensions?.['maximum'],
  };
}

describe('GraphQL abuse limits, in production mode, over HTTP', () => {
  let booted: BootedApp;
  let token: string;

  beforeAll(async () => {
    booted = await bootApp({ NODE_ENV: 'production' });
    const team = await teamWithTokens(booted, { ada: { name: 'Ada', roles: ['ADMIN'] } });
    token = team.ada.token;
  });

  afterAll(async () => {
    await booted.stop();
  });

  it('refuses an operation nested deeper than the depth limit, naming it', async () => {
    const result = await gql(booted.baseUrl, nested(OPERATION_LIMITS.depth + 1), { token });
    expect(refusal(result)).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'DEPTH',
      maximum: OPERATION_LIMITS.depth,
    });
  });

  it('counts page sizes in the cost: the same selection passes with first: 10 and is refused with first: 100', async () => {
    const query = (first: number) =>
      `{ ${Array.from({ length: 15 }, (_, i) => `l${i}: leads(first: ${first}) { edges { node { ${LEAD_FIELDS} } } }`).join(' ')} }`;
    const small = await gql(booted.baseUrl, query(10), { token });
    const large = await gql(booted.baseUrl, query(100), { token });
    expect([small.status, small.body.errors]).toEqual([200, undefined]);
    expect(refusal(large)).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'COST',
      maximum: OPERATION_LIMITS.cost,
    });
    expect(large.body.errors?.[0]?.message).toMatch(/cost \(\d+\) exceeds the limit of 20000/);
  });

  it('costs one document anew for each set of variables (a cheap first call does not admit a costly second)', async () => {
    const query = `query Pages($first: Int!) { ${Array.from({ length: 15 }, (_, i) => `l${i}: leads(first: $first) { edges { node { ${LEAD_FIELDS} } } }`).join(' ')} }`;
    const results = [];
    for (const first of [10, 100, 10, 100])
      results.push(refusal(await gql(booted.baseUrl, query, { token, variables: { first } })).limit ?? 'OK');
    expect(results).toEqual(['OK', 'COST', 'OK', 'COST']);
  });

  it('caps the total of selected fields, __typename included', async () => {
    const query = `{ ${'__typename '.repeat(OPERATION_LIMITS.selections + 1)}}`;
    expect(refusal(await gql(booted.baseUrl, query, { token }))).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'SELECTIONS',
      maximum: OPERATION_LIMITS.selections,
    });
  });

  it('caps selections reached through a fragment spread many times', async () => {
    const fragment = `fragment many on Query { ${'__typename '.repeat(50)}}`;
    const query = `{ ${Array.from({ length: 10 }, () => '...many').join(' ')} } ${fragment}`;
    expect(refusal(await gql(booted.baseUrl, query, { token })).limit).toBe('SELECTIONS');
  });

  it('caps aliases, __typename aliases included', async () => {
    const query = `{ ${Array.from({ length: OPERATION_LIMITS.aliases + 1 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(refusal(await gql(booted.baseUrl, query, { token }))).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'ALIASES',
      maximum: OPERATION_LIMITS.aliases,
    });
  });

  it('stops parsing a query past the token limit', async () => {
    const query = `{ __typename ${'@skip(if: false) '.repeat(OPERATION_LIMITS.tokens / 5)}}`;
    const result = await gql(booted.baseUrl, query, { token });
    expect([
      result.status,
      result.body.errors?.map((error) => [error.extensions?.code, error.message]),
    ]).toEqual([
      400,
      // graphql-js's own wording ("more that"), from its `maxTokens` parse option.
      [
        [
          'GRAPHQL_PARSE_FAILED',
          expect.stringMatching(new RegExp(`more th[ae]t? ${OPERATION_LIMITS.tokens} tokens`)),
        ],
      ],
    ]);
  });

  it('refuses batched operations', async () => {
    const response = await fetch(`${booted.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('refuses a simple cross-site GET (CSRF prevention)', async () => {
    const response = await fetch(`${booted.baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect([response.status, await response.text()]).toEqual([400, expect.stringMatching(/CSRF/)]);
  });

  it('answers introspection with a refusal', async () => {
    const result = await gql(booted.baseUrl, '{ __schema { types { name } } }', { token });
    expect([result.status, result.body.errors?.[0]?.message]).toEqual([
      400,
      expect.stringMatching(/introspection is not allowed/i),
    ]);
  });

  it('serves no IDE or landing page', async () => {
    const response = await fetch(`${booted.baseUrl}/graphql`, {
      headers: { accept: 'text/html', 'apollo-require-preflight': 'true' },
    });
    expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });

  it('suggests no field names ("did you mean")', async () => {
    const result = await gql(booted.baseUrl, '{ lead { id } leadz { id } }', { token });
    const messages = (result.body.errors ?? []).map((error) => error.message);
    expect(messages).toContain('Cannot query field "leadz" on type "Query".');
    expect(messages.join(' ')).not.toMatch(/Did you mean/);
  });
});

describe('GraphQL in development', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ NODE_ENV: 'development' });
  });

  afterAll(async () => {
    await booted.stop();
  });

  it('keeps suggestions and the IDE for developers', async () => {
    const result = await gql(booted.baseUrl, '{ leadz { id } }');
    const page = await fetch(`${booted.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(result.body.errors?.[0]?.message).toMatch(/Did you mean "leads?"/);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });
});
