import { Product, codes, graphql, signIn, startProduct } from './support/product';

interface IngestBody {
  stored: number;
  duplicates: number;
  refused: number;
  unmatched: number;
  items: { index: number; status: string; problems?: { field: string; message: string }[] }[];
}

describe('signals over HTTP and leads over GraphQL', () => {
  let product: Product;
  let adminToken: string;
  let apiKey: string;

  async function post(body: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${product.baseUrl}/api/v1/signals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, ...headers },
      body,
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as IngestBody & { error?: string },
    };
  }

  async function scoredVersion(token: string): Promise<number | null> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const result = await graphql<{
        scoringStatus: { scoredVersionNumber: number | null; latestRun: { status: string } | null };
      }>(product, '{ scoringStatus { scoredVersionNumber latestRun { status } } }', {}, token);
      if (result.data?.scoringStatus.latestRun?.status === 'DONE')
        return result.data.scoringStatus.scoredVersionNumber;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return null;
  }

  beforeAll(async () => {
    product = await startProduct();
    adminToken = await signIn(product, 'admin@demo.accord.dev');
    const created = await graphql<{ createApiKey: { secret: string; apiKey: { prefix: string } } }>(
      product,
      'mutation { createApiKey(name: "e2e") { secret apiKey { prefix } } }',
      {},
      adminToken,
    );
    apiKey = created.data!.createApiKey.secret;
  });

  afterAll(async () => {
    await product.stop();
  });

  it('scores the demo leads under v1 after start, with an explanation', async () => {
    const token = await signIn(product, 'marketing@demo.accord.dev');
    expect(await scoredVersion(token)).toBe(1);
    const leads = await graphql<{
      leads: {
        totalCount: number;
        edges: {
          node: { id: string; stage: string; evaluation: { grade: string; versionNumber: number } };
        }[];
      };
    }>(
      product,
      '{ leads(first: 5, sort: FIT) { totalCount edges { node { id stage evaluation { grade versionNumber } } } } }',
      {},
      token,
    );
    // The demo's 40 leads of today and 3,000 of generated history (DEMO_HISTORY in apps/api/src/demo.ts).
    expect(leads.data!.leads.totalCount).toBe(3_040);
    expect(leads.data!.leads.edges[0].node.evaluation).toEqual({ grade: 'A', versionNumber: 1 });
    const detail = await graphql<{ lead: { explanation: { summary: string } } }>(
      product,
      'query ($id: ID!) { lead(id: $id) { explanation { summary } } }',
      { id: leads.data!.leads.edges[0].node.id },
      token,
    );
    expect(detail.data!.lead.explanation.summary).toMatch(/^\+\d+ /);
  });

  it('stores a single event once and reports every item of a bulk NDJSON request', async () => {
    const event = {
      externalId: 'e2e-1',
      type: 'PRICING_PAGE_VISIT',
      occurredAt: new Date().toISOString(),
      lead: { email: 'ava.chen@northwind.example' },
    };
    const token = await signIn(product, 'marketing@demo.accord.dev');
    const signalCount = async () => {
      const result = await graphql<{ leads: { edges: { node: { signalCount: number } }[] } }>(
        product,
        '{ leads(first: 1, filter: { search: "ava.chen@northwind.example" }) { edges { node { signalCount } } } }',
        {},
        token,
      );
      return result.data!.leads.edges[0].node.signalCount;
    };
    const before = await signalCount();

    const first = await post(JSON.stringify(event));
    const again = await post(JSON.stringify(event));
    expect([first.status, first.body.stored, again.body.duplicates]).toEqual([200, 1, 1]);
    // Stored at the 200; folded into the lead's summary and score by the applier moments later, and once.
    let after = before;
    for (let waited = 0; waited < 3_000 && after === before; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await signalCount();
    }
    expect(after).toBe(before + 1);

    const lines = [
      JSON.stringify({ ...event, externalId: 'e2e-2' }),
      '{"externalId": broken',
      JSON.stringify({ ...event, externalId: 'e2e-3', occurredAt: '1850-01-01T00:00:00Z' }),
      JSON.stringify({ ...event, externalId: 'e2e-4', lead: { email: 'nobody@nowhere.example' } }),
      JSON.stringify({ ...event, externalId: 'e2e-5', type: 'DEMO_REQUEST', extra: '🚀' }),
    ].join('\n');
    const bulk = await post(lines, { 'content-type': 'application/x-ndjson' });
    expect(bulk.status).toBe(200);
    expect(bulk.body.items.map((item) => item.status)).toEqual([
      'STORED',
      'REFUSED',
      'REFUSED',
      'UNMATCHED',
      'REFUSED',
    ]);
    expect(bulk.body.items[1].problems).toEqual([{ field: '', message: 'line 2 is not valid JSON' }]);
    expect(bulk.body.items[2].problems).toEqual([
      { field: 'occurredAt', message: 'must not be before 2000-01-01' },
    ]);
    expect(bulk.body.items[4].problems).toEqual([{ field: 'extra', message: 'is not a known field' }]);
  });

  it('replays the first response for a repeated Idempotency-Key and refuses it with another body', async () => {
    const body = JSON.stringify({
      externalId: 'e2e-idem',
      type: 'EMAIL_CLICK',
      occurredAt: new Date().toISOString(),
      lead: { email: 'liam.okafor@northwind.example' },
    });
    const first = await post(body, { 'idempotency-key': 'retry-1' });
    const replay = await post(body, { 'idempotency-key': 'retry-1' });
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const other = await post(body.replace('e2e-idem', 'e2e-other'), { 'idempotency-key': 'retry-1' });
    expect(other.status).toBe(422);
  });

  it('keeps the answer of a refused event whose id holds a NUL, and replays it', async () => {
    const body = JSON.stringify({ externalId: 'nul\u0000id', type: 'EMAIL_CLICK', occurredAt: 'soon' });
    const first = await post(body, { 'idempotency-key': 'retry-nul' });
    expect(first.status).toBe(200);
    expect(first.body.items[0].status).toBe('REFUSED');
    const replay = await post(body, { 'idempotency-key': 'retry-nul' });
    expect(replay.status).toBe(200);
    expect(replay.body.items[0]).toEqual({ ...first.body.items[0], externalId: 'nul\uFFFDid' });
  });

  it('runs one of two requests sent at once with the same Idempotency-Key; the other is told so', async () => {
    const occurredAt = new Date().toISOString();
    const batch = (tag: string) =>
      Array.from({ length: 3_000 }, (_, index) =>
        JSON.stringify({
          externalId: `e2e-race-${tag}-${index}`,
          type: 'EMAIL_CLICK',
          occurredAt,
          lead: { email: 'liam.okafor@northwind.example' },
        }),
      ).join('\n');
    const ndjson = { 'content-type': 'application/x-ndjson', 'idempotency-key': 'race-1' };
    // The same batch twice at once (a client's eager retry), then another batch under the same key at once.
    const same = await Promise.all([post(batch('a'), ndjson), post(batch('a'), ndjson)]);
    const ran = (answers: typeof same) =>
      answers.filter((answer) => answer.status === 200 && !answer.headers.get('idempotent-replayed'));
    expect(ran(same)).toHaveLength(1);
    for (const other of same.filter((answer) => !ran(same).includes(answer))) {
      // Still running: 409 with Retry-After; already answered: the same answer, replayed.
      expect(other.status === 409 ? other.headers.get('retry-after') : other.body).toEqual(
        other.status === 409 ? '1' : ran(same)[0].body,
      );
    }
    expect(ran(same)[0].body.stored).toBe(3_000);

    const key = { ...ndjson, 'idempotency-key': 'race-2' };
    const different = await Promise.all([post(batch('b'), key), post(batch('c'), key)]);
    expect(ran(different)).toHaveLength(1);
    expect(different.map((answer) => answer.status).sort()).toEqual(
      different.some((answer) => answer.status === 409) ? [200, 409] : [200, 422],
    );
  });

  it('answers a wrong or revoked key with 401 and an oversized body with 413', async () => {
    const body = JSON.stringify({
      externalId: 'x',
      type: 'EMAIL_CLICK',
      occurredAt: new Date().toISOString(),
      lead: { email: 'a@b.example' },
    });
    expect((await post(body, { authorization: 'Bearer acc_wrong' })).status).toBe(401);
    const created = await graphql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      product,
      'mutation { createApiKey(name: "short-lived") { secret apiKey { id } } }',
      {},
      adminToken,
    );
    await graphql(
      product,
      'mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
      { id: created.data!.createApiKey.apiKey.id },
      adminToken,
    );
    expect((await post(body, { authorization: `Bearer ${created.data!.createApiKey.secret}` })).status).toBe(
      401,
    );
    const huge = await fetch(`${product.baseUrl}/api/v1/signals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify([{ pad: 'x'.repeat(1_100_000) }]),
    });
    expect(huge.status).toBe(413);
    // One event too many for a request: refused whole, with what to do about it.
    const line = JSON.stringify({
      externalId: 'x',
      type: 'EMAIL_CLICK',
      occurredAt: new Date().toISOString(),
      lead: { email: 'a@b.example' },
    });
    const tooMany = await post(Array.from({ length: 10_001 }, () => line).join('\n'), {
      'content-type': 'application/x-ndjson',
    });
    expect([tooMany.status, tooMany.body.error]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('keeps executives out of leads, sales out of editing them and non-admins out of API keys', async () => {
    const exec = await signIn(product, 'exec@demo.accord.dev');
    const sales = await signIn(product, 'sales@demo.accord.dev');
    const leads = await graphql(product, '{ leads { totalCount } }', {}, exec);
    const keys = await graphql(product, '{ apiKeys { id } }', {}, sales);
    const edit = await graphql(
      product,
      'mutation ($id: ID!) { updateLead(id: $id, input: { email: "x@y.example" }) { id } }',
      { id: '00000000-0000-4000-8000-000000000000' },
      sales,
    );
    expect([codes(leads), codes(keys), codes(edit)]).toEqual([['FORBIDDEN'], ['FORBIDDEN'], ['FORBIDDEN']]);
  });

  it('refuses bad lead input with the field named', async () => {
    const token = await signIn(product, 'marketing@demo.accord.dev');
    const result = await graphql(
      product,
      'mutation { createLead(input: { email: "new@lead.example", employeeCount: -3, title: "x\\u0000" }) { id } }',
      {},
      token,
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'title', message: 'must not contain control characters' },
        { field: 'employeeCount', message: 'must be at least 0' },
      ],
    });
  });
});
