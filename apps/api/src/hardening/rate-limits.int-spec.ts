import { BootedApp, GqlError, bootApp, gql, teamWithTokens } from './boot.int-fixture';

const LIMITS = {
  RATE_LIMIT_MEMBER: '3',
  RATE_LIMIT_API_KEY: '2',
  RATE_LIMIT_ANONYMOUS: '100',
  RATE_LIMIT_WINDOW_SECONDS: '60',
  LOGIN_ATTEMPTS_PER_EMAIL: '2',
  LOGIN_ATTEMPTS_PER_IP: '9',
};

const LOGIN =
  'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { accessToken } }';

function outcome(result: {
  status: number;
  headers: Headers;
  body: { errors?: { extensions?: { code?: string } }[] };
}) {
  const retryAfter = result.headers.get('retry-after');
  return [
    result.status,
    result.body.errors?.[0]?.extensions?.code ?? 'OK',
    retryAfter === null ? null : Number(retryAfter) > 0,
  ];
}

describe('rate limits over HTTP, counted in PostgreSQL', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp(LIMITS);
  });

  afterAll(async () => {
    await booted.stop();
  });

  it('limits each member (the token subject), not the address they share', async () => {
    const team = await teamWithTokens(booted, {
      ada: { name: 'Ada', roles: ['ADMIN'] },
      bob: { name: 'Bob', roles: ['SALES'] },
    });
    const viewer = (token: string) => gql(booted.baseUrl, '{ viewer { member { id } } }', { token });
    const ada = [];
    for (let i = 0; i < 4; i += 1) ada.push(outcome(await viewer(team.ada.token)));
    const refused = await viewer(team.ada.token);
    expect(ada).toEqual([
      [200, 'OK', null],
      [200, 'OK', null],
      [200, 'OK', null],
      [429, 'RATE_LIMITED', true],
    ]);
    expect(refused.body.errors?.[0]?.message).toMatch(
      /^Too many requests from this member; retry in \d+ (seconds?|minutes)\.$/,
    );
    // Same address, another member: a budget of their own.
    expect(outcome(await viewer(team.bob.token))).toEqual([200, 'OK', null]);
  });

  it('counts an operation once, however many root fields and field resolvers it runs', async () => {
    const team = await teamWithTokens(booted, { cy: { name: 'Cy', roles: ['ADMIN'] } });
    const query =
      '{ viewer { member { id } } members { edges { node { id } } } handoverQueue { undecided expired unassigned } }';
    const results = [];
    for (let i = 0; i < 4; i += 1)
      results.push(outcome(await gql(booted.baseUrl, query, { token: team.cy.token })));
    expect(results).toEqual([
      [200, 'OK', null],
      [200, 'OK', null],
      [200, 'OK', null],
      [429, 'RATE_LIMITED', true],
    ]);
  });

  it('counts operations refused before they run (unparsable, invalid, too deep) like any other', async () => {
    const team = await teamWithTokens(booted, { dee: { name: 'Dee', roles: ['ADMIN'] } });
    const deep = `{ ${'viewer { member { '.repeat(6)}id${' } }'.repeat(6)} }`;
    const results = [];
    for (const query of ['{ viewer {', '{ noSuchField }', deep, '{ __typename }', '{ viewer {'])
      results.push(outcome(await gql(booted.baseUrl, query, { token: team.dee.token })));
    // Once the budget is spent, even an unparsable operation is answered as limited.
    expect(results.map(([status, code]) => [status, code])).toEqual([
      [400, 'GRAPHQL_PARSE_FAILED'],
      [400, 'GRAPHQL_VALIDATION_FAILED'],
      [400, 'GRAPHQL_VALIDATION_FAILED'],
      [429, 'RATE_LIMITED'],
      [429, 'RATE_LIMITED'],
    ]);
    expect(results[4][2]).toBe(true); // Retry-After
  });

  it('counts operations no resolver answers too, under the member whose token they carry', async () => {
    const team = await teamWithTokens(booted, { gil: { name: 'Gil', roles: ['SALES'] } });
    const results = [];
    for (let i = 0; i < 4; i += 1)
      results.push(outcome(await gql(booted.baseUrl, '{ __typename }', { token: team.gil.token })));
    expect(results).toEqual([
      [200, 'OK', null],
      [200, 'OK', null],
      [200, 'OK', null],
      [429, 'RATE_LIMITED', true],
    ]);
    // A token that fails verification leaves the request anonymous (its address's budget), not refused.
    expect(outcome(await gql(booted.baseUrl, '{ __typename }', { token: 'not-a-token' }))).toEqual([
      200,
      'OK',
      null,
    ]);
  });

  it('limits each API key on the REST ingestion endpoint, with Retry-After', async () => {
    const team = await teamWithTokens(booted, { dee: { name: 'Dee', roles: ['ADMIN'] } });
    const keys: string[] = [];
    for (const name of ['one', 'two']) {
      const created = await gql<{ data: { createApiKey: { secret: string } } }>(
        booted.baseUrl,
        `mutation { createApiKey(name: "${name}") { secret } }`,
        { token: team.dee.token },
      );
      keys.push(created.body.data.createApiKey.secret);
    }
    const post = async (key: string) => {
      const response = await fetch(`${booted.baseUrl}/api/v1/signals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({
          type: 'page_view',
          email: 'x@example.com',
          occurredAt: '2026-11-25T09:00:00Z',
        }),
      });
      const body = (await response.json()) as { error?: string; message?: string };
      return [response.status, body.error ?? 'OK', response.headers.get('retry-after') !== null];
    };
    const first = [await post(keys[0]), await post(keys[0]), await post(keys[0])];
    expect(first.map(([status]) => status !== 429)).toEqual([true, true, false]);
    expect(first[2]).toEqual([429, 'RATE_LIMITED', true]);
    expect((await post(keys[1]))[0]).not.toBe(429);
  });

  it("limits a key's CSV imports with its own budget, not its creator's, with Retry-After", async () => {
    const team = await teamWithTokens(booted, { ida: { name: 'Ida', roles: ['ADMIN'] } });
    const created = await gql<{ data: { createApiKey: { secret: string } } }>(
      booted.baseUrl,
      'mutation { createApiKey(name: "nightly export", imports: true) { secret } }',
      { token: team.ida.token },
    );
    const key = created.body.data.createApiKey.secret;
    const upload = async () => {
      const response = await fetch(`${booted.baseUrl}/api/v1/imports/leads?dryRun=true`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${key}` },
        body: 'Email\r\nana@budget.example\r\n',
      });
      return [response.status, response.headers.get('retry-after') !== null];
    };
    expect([await upload(), await upload(), await upload()]).toEqual([
      [200, false],
      [200, false],
      [429, true],
    ]);
    // The admin's own budget is untouched by the key's requests (one of three spent on creating the key).
    expect(outcome(await gql(booted.baseUrl, '{ __typename }', { token: team.ida.token }))).toEqual([
      200,
      'OK',
      null,
    ]);
  });

  it('limits sign-in attempts per e-mail address, then per client address', async () => {
    const signUp = await gql<{ data: { signUp: { accessToken: string } } | null }>(
      booted.baseUrl,
      'mutation { signUp(input: { workspaceName: "Limits", name: "Eve", email: "eve@limits.example", password: "a long enough password" }) { accessToken } }',
    );
    expect(signUp.body.data?.signUp.accessToken).toEqual(expect.any(String));
    const attempt = async (email: string, password = 'wrong password!') =>
      outcome(await gql(booted.baseUrl, LOGIN, { variables: { email, password } }));
    // Signing in counts against nothing but the address: eve signs in three times on a budget of two.
    const signIn = () => attempt('eve@limits.example', 'a long enough password');
    expect([await signIn(), await signIn(), await signIn()]).toEqual([
      [200, 'OK', null],
      [200, 'OK', null],
      [200, 'OK', null],
    ]);
    // Two wrong guesses for eve, then even the right password waits: the e-mail's budget is spent.
    expect([
      await attempt('eve@limits.example'),
      await attempt('eve@limits.example'),
      await attempt('eve@limits.example', 'a long enough password'),
    ]).toEqual([
      [200, 'UNAUTHENTICATED', null],
      [200, 'UNAUTHENTICATED', null],
      [429, 'RATE_LIMITED', true],
    ]);
    // Spraying other addresses from the same client: the sign-up, eve's three sign-ins and three attempts spent 7
    // of its budget of 9, so 2 more attempts are let through.
    const spray = [];
    for (const name of ['a', 'b', 'c', 'd']) spray.push(await attempt(`${name}@limits.example`));
    expect(spray).toEqual([
      [200, 'UNAUTHENTICATED', null],
      [200, 'UNAUTHENTICATED', null],
      [429, 'RATE_LIMITED', true],
      [429, 'RATE_LIMITED', true],
    ]);
  });

  it('shares one budget between replicas on the same database', async () => {
    const team = await teamWithTokens(booted, { fay: { name: 'Fay', roles: ['ADMIN'] } });
    const replica = await bootApp(LIMITS, { url: booted.database.url, embedded: booted.database.embedded });
    try {
      const statuses = [];
      for (const baseUrl of [booted.baseUrl, replica.baseUrl, booted.baseUrl, replica.baseUrl]) {
        statuses.push((await gql(baseUrl, '{ viewer { member { id } } }', { token: team.fay.token })).status);
      }
      // In memory, each replica would have allowed all four.
      expect(statuses).toEqual(booted.database.embedded ? [200, 200, 200, 200] : [200, 200, 200, 429]);
    } finally {
      await replica.stop();
    }
  });
});

describe('the client address behind proxies (TRUST_PROXY)', () => {
  const anonymous = (booted: BootedApp, forwardedFor: string) =>
    gql(booted.baseUrl, '{ __typename }', { headers: { 'x-forwarded-for': forwardedFor } }).then(outcome);

  it("never lets one address lock a member out: the e-mail's budget is per address, and ten times that for all", async () => {
    // Trusts loopback, where this test runs: each X-Forwarded-For is a client of its own.
    const booted = await bootApp({ LOGIN_ATTEMPTS_PER_EMAIL: '2', LOGIN_ATTEMPTS_PER_IP: '100' });
    try {
      await gql(
        booted.baseUrl,
        'mutation { signUp(input: { workspaceName: "Locks", name: "Ida", email: "ida@locks.example", password: "a long enough password" }) { accessToken } }',
      );
      const attempt = (from: string, password = 'wrong password!') =>
        gql(booted.baseUrl, LOGIN, {
          variables: { email: 'ida@locks.example', password },
          headers: { 'x-forwarded-for': from },
        }).then(outcome);
      // The attacker spends the e-mail's budget from their address, and is refused there…
      expect([
        await attempt('203.0.113.66'),
        await attempt('203.0.113.66'),
        await attempt('203.0.113.66'),
      ]).toEqual([
        [200, 'UNAUTHENTICATED', null],
        [200, 'UNAUTHENTICATED', null],
        [429, 'RATE_LIMITED', true],
      ]);
      // …while Ida signs in from hers.
      expect(await attempt('198.51.100.7', 'a long enough password')).toEqual([200, 'OK', null]);
      // Guessing from many addresses stops at ten times the budget (20), two of which the attacker spent above.
      const spread = [];
      for (let client = 1; client <= 19; client++) spread.push(await attempt(`192.0.2.${client}`));
      expect(spread.slice(-2)).toEqual([
        [200, 'UNAUTHENTICATED', null],
        [429, 'RATE_LIMITED', true],
      ]);
    } finally {
      await booted.stop();
    }
  });

  it('takes the address a trusted proxy names: clients behind it keep budgets of their own', async () => {
    const booted = await bootApp({ RATE_LIMIT_ANONYMOUS: '1' }); // trusts loopback, where this test runs
    try {
      expect([await anonymous(booted, '203.0.113.1'), await anonymous(booted, '203.0.113.2')]).toEqual([
        [200, 'OK', null],
        [200, 'OK', null],
      ]);
    } finally {
      await booted.stop();
    }
  });

  it('ignores X-Forwarded-For from a proxy it does not trust: a client cannot pick its address', async () => {
    const booted = await bootApp({ RATE_LIMIT_ANONYMOUS: '1', TRUST_PROXY: 'false' });
    try {
      expect([await anonymous(booted, '203.0.113.1'), await anonymous(booted, '203.0.113.2')]).toEqual([
        [200, 'OK', null],
        [429, 'RATE_LIMITED', true],
      ]);
    } finally {
      await booted.stop();
    }
  });
});

describe('sign-ups and invitation acceptances, however they are batched', () => {
  it('counts each aliased sign-up against the address: a request of many stops at the budget', async () => {
    const booted = await bootApp({ LOGIN_ATTEMPTS_PER_IP: '2', RATE_LIMIT_ANONYMOUS: '100' });
    const signUp = (n: number) =>
      `s${n}: signUp(input: { workspaceName: "Batch ${n}", name: "Bo", email: "bo${n}@batch.example", password: "a long enough password" }) { accessToken }`;
    const codes = async (mutation: string) =>
      (await gql<{ errors?: GqlError[] }>(booted.baseUrl, mutation)).body.errors?.map(
        (error) => error.extensions?.code,
      );
    try {
      // Mutations run one after another: the third is refused (and, non-null, takes the data with it).
      expect(await codes(`mutation { ${[1, 2, 3, 4].map(signUp).join(' ')} }`)).toEqual(['RATE_LIMITED']);
      // The first two spent the address's budget: one operation, counted per sign-up.
      expect(await codes(`mutation { ${signUp(5)} }`)).toEqual(['RATE_LIMITED']);
    } finally {
      await booted.stop();
    }
  });
});

describe('wrong API keys, however many different ones', () => {
  let booted: BootedApp;

  beforeEach(async () => {
    booted = await bootApp({ LOGIN_ATTEMPTS_PER_IP: '3', RATE_LIMIT_API_KEY: '1000' });
  });

  afterEach(async () => {
    await booted.stop();
  });

  const send = async (key: string) => {
    const response = await fetch(`${booted.baseUrl}/api/v1/signals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        externalId: 'x',
        type: 'EMAIL_CLICK',
        occurredAt: new Date().toISOString(),
        lead: { email: 'a@b.example' },
      }),
    });
    const body = (await response.json()) as { message?: string };
    return [response.status, response.headers.get('retry-after') !== null, body.message];
  };
  const guesses = async (count: number) => {
    const results = [];
    for (let n = 0; n < count; n++) results.push(await send(`acc_guess${n}${'x'.repeat(40)}`));
    return results.map(([status, retryAfter]) => [status, retryAfter]);
  };

  it('counts each refused key against the address, then refuses its wrong keys with Retry-After', async () => {
    // A new guess each time: counted by key alone, none of them would ever be limited.
    expect(await guesses(5)).toEqual([
      [401, false],
      [401, false],
      [401, false],
      [429, true],
      [429, true],
    ]);
    expect((await send('acc_another_guess'))[2]).toMatch(
      /^Too many requests with wrong API keys from this address; retry in \d+ minutes\.$/,
    );
  });

  it('counts wrong keys sent to the imports route against the same budget, answering 429 there too', async () => {
    const upload = async (key: string) => {
      const response = await fetch(`${booted.baseUrl}/api/v1/imports/leads?dryRun=true`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${key}` },
        body: 'Email\r\nana@guess.example\r\n',
      });
      return [response.status, response.headers.get('retry-after') !== null];
    };
    const results = [];
    for (let n = 0; n < 4; n++) results.push(await upload(`acc_import_guess${n}${'x'.repeat(40)}`));
    expect(results).toEqual([
      [401, false],
      [401, false],
      [401, false],
      [429, true],
    ]);
    expect((await guesses(1))[0]).toEqual([429, true]);
  });

  it('still serves a valid key, and signs members in, from an address that spent its wrong-key budget', async () => {
    // Signing up spends one of the address's three sign-in attempts.
    const signUp = await gql<{ data: { signUp: { accessToken: string } } }>(
      booted.baseUrl,
      'mutation { signUp(input: { workspaceName: "Egress", name: "Ivy", email: "ivy@egress.example", password: "a long enough password" }) { accessToken } }',
    );
    const created = await gql<{ data: { createApiKey: { secret: string } } }>(
      booted.baseUrl,
      'mutation { createApiKey(name: "integration") { secret } }',
      { token: signUp.body.data.signUp.accessToken },
    );
    const valid = created.body.data.createApiKey.secret;
    // Another integration behind the same address (NAT, an iPaaS) sends a wrong key until it is refused.
    expect(await guesses(4)).toEqual([
      [401, false],
      [401, false],
      [401, false],
      [429, true],
    ]);

    expect((await send(valid)).slice(0, 2)).toEqual([200, false]);
    expect((await guesses(1))[0]).toEqual([429, true]);
    const signIn = await gql(booted.baseUrl, LOGIN, {
      variables: { email: 'ivy@egress.example', password: 'a long enough password' },
    });
    expect(outcome(signIn)).toEqual([200, 'OK', null]);
  });
});
