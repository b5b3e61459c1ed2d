import { Product, codes, graphql, signIn, startProduct } from './support/product';

const VERSIONS = `{ agreementVersions { id number status revision inForce document signatures { side signer { name } } } }`;
const SAVE = `mutation ($input: SaveAgreementDraftInput!) { saveAgreementDraft(input: $input) { id status revision } }`;
const SIGN = `mutation ($input: SignAgreementInput!) { signAgreementVersion(input: $input) { status inForce } }`;

interface Version {
  id: string;
  number: number;
  status: string;
  revision: number;
  inForce: boolean;
  document: Record<string, unknown>;
  signatures: { side: string; signer: { name: string } }[];
}

describe('the agreement over GraphQL', () => {
  let product: Product;
  let marketingToken: string;

  async function versions(token: string): Promise<Version[]> {
    const result = await graphql<{ agreementVersions: Version[] }>(product, VERSIONS, {}, token);
    return result.data!.agreementVersions;
  }

  /** Posts a raw body, for JSON that JSON.stringify cannot produce (1e999 parses as Infinity). */
  async function rawGraphql(body: string, token: string) {
    const response = await fetch(`${product.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    return {
      status: response.status,
      ...((await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[] }),
    };
  }

  beforeAll(async () => {
    product = await startProduct();
    marketingToken = await signIn(product, 'marketing@demo.accord.dev');
  });

  afterAll(async () => {
    await product.stop();
  });

  it('seeds the demo workspace with v1 in force, signed by both sides, and v2 proposed', async () => {
    const [v2, v1] = await versions(await signIn(product, 'exec@demo.accord.dev'));
    expect([v2.number, v2.status, v2.inForce, v2.signatures]).toEqual([2, 'PROPOSED', false, []]);
    expect([v1.number, v1.status, v1.inForce]).toEqual([1, 'PUBLISHED', true]);
    expect(v1.signatures).toEqual([
      { side: 'MARKETING', signer: { name: 'Mia Marketing' } },
      { side: 'SALES', signer: { name: 'Sam Sales' } },
    ]);
    const diff = await graphql<{ agreementDiff: { changes: { path: string; kind: string }[] } }>(
      product,
      `
        query ($from: ID!, $to: ID!) {
          agreementDiff(fromId: $from, toId: $to) {
            changes {
              path
              kind
              before
              after
            }
          }
        }
      `,
      { from: v1.id, to: v2.id },
      marketingToken,
    );
    expect(diff.data!.agreementDiff.changes.map((change) => `${change.kind} ${change.path}`)).toEqual([
      'ADDED fit.criteria[industry-fintech]',
      'CHANGED fit.grades.A',
      'CHANGED intent.signals[PRICING_PAGE_VISIT].weight',
      'ADDED rejectionReasons[duplicate]',
      'CHANGED kpis[sqls].target.value',
    ]);
  });

  it('refuses edits and signatures to the roles that may not make them', async () => {
    const [v2] = await versions(marketingToken);
    const salesToken = await signIn(product, 'sales@demo.accord.dev');
    const execToken = await signIn(product, 'exec@demo.accord.dev');
    const save = await graphql(
      product,
      SAVE,
      { input: { versionId: v2.id, baseRevision: v2.revision, document: v2.document } },
      salesToken,
    );
    const sign = await graphql(
      product,
      SIGN,
      { input: { versionId: v2.id, revision: v2.revision, side: 'SALES' } },
      execToken,
    );
    const draft = await graphql(product, 'mutation { createAgreementDraft { id } }', {}, execToken);
    expect([codes(save), codes(sign), codes(draft)]).toEqual([['FORBIDDEN'], ['FORBIDDEN'], ['FORBIDDEN']]);
  });

  it('names each invalid field of a document, including numbers JSON turns into Infinity, and stores nothing', async () => {
    const [v2] = await versions(marketingToken);
    const save = (document: string) =>
      `{"query":${JSON.stringify(SAVE)},"variables":{"input":{"versionId":"${v2.id}","baseRevision":${v2.revision},"document":${document}}}}`;
    const surprise = await rawGraphql(
      save(JSON.stringify({ ...v2.document, surprise: true })),
      marketingToken,
    );
    expect(surprise.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'document', message: 'has unknown field "surprise"' }],
    });
    const infinite = await rawGraphql(
      save(JSON.stringify(v2.document).replace(/"weight":\d+/, '"weight":1e999')),
      marketingToken,
    );
    expect(infinite.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'document.intent.signals[0].weight', message: 'must be a finite number' }],
    });
    const unknownInput = await graphql(
      product,
      SAVE,
      { input: { versionId: v2.id, baseRevision: 1, document: {}, extra: 1 } },
      marketingToken,
    );
    expect(codes(unknownInput)).toEqual(['BAD_USER_INPUT']);
    expect((await versions(marketingToken))[0].revision).toBe(v2.revision);
  });

  it('answers a stale save with CONFLICT naming the current revision', async () => {
    const [v2] = await versions(marketingToken);
    const document = {
      ...v2.document,
      fit: { ...(v2.document['fit'] as object), grades: { A: 85, B: 55, C: 35 } },
    };
    const first = await graphql(
      product,
      SAVE,
      { input: { versionId: v2.id, baseRevision: v2.revision, document } },
      marketingToken,
    );
    expect(first.data).toEqual({
      saveAgreementDraft: { id: v2.id, status: 'DRAFT', revision: v2.revision + 1 },
    });
    const stale = await graphql(
      product,
      SAVE,
      { input: { versionId: v2.id, baseRevision: v2.revision, document } },
      marketingToken,
    );
    expect(stale.errors?.[0]).toMatchObject({
      message: expect.stringContaining(`it is at revision ${v2.revision + 1}`),
      extensions: { code: 'CONFLICT', currentRevision: v2.revision + 1, status: 'DRAFT' },
    });
  });
});
