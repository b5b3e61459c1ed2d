import { Client } from 'pg';

import { Product, codes, graphql, startProduct } from './support/product';

describe('HTTP surface', () => {
  let product: Product;

  beforeAll(async () => {
    product = await startProduct();
  });

  afterAll(async () => {
    await product.stop();
  });

  it('reports health with the database up', async () => {
    const response = await fetch(`${product.baseUrl}/health`);
    expect([response.status, ((await response.json()) as { status: string }).status]).toEqual([200, 'ok']);
  });

  it('serves Prometheus metrics', async () => {
    const response = await fetch(`${product.baseUrl}/metrics`);
    const text = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).toMatch(/# TYPE accord_http_requests_total counter/);
    expect(text).toMatch(/accord_process_resident_memory_bytes/);
  });

  it('answers a malformed query with a parse error', async () => {
    const result = await graphql(product, '{ viewer { ');
    expect([result.status, codes(result)]).toEqual([400, ['GRAPHQL_PARSE_FAILED']]);
  });

  it('refuses batched operations', async () => {
    const response = await fetch(`${product.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('refuses a simple cross-site request (CSRF prevention)', async () => {
    const response = await fetch(`${product.baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const response = await fetch(`${product.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(1_100_000)}` }),
    });
    expect(response.status).toBe(413);
  });

  it('carries a request id on every response', async () => {
    const response = await fetch(`${product.baseUrl}/health`, { headers: { 'x-request-id': 'trace-me-1' } });
    expect(response.headers.get('x-request-id')).toBe('trace-me-1');
  });

  it('serves the web app and its client-side routes from the same port', async () => {
    const home = await fetch(`${product.baseUrl}/`, { headers: { accept: 'text/html' } });
    const deep = await fetch(`${product.baseUrl}/members`, { headers: { accept: 'text/html' } });
    const [homeHtml, deepHtml] = [await home.text(), await deep.text()];
    expect([home.status, deep.status]).toEqual([200, 200]);
    expect(homeHtml).toMatch(/<html/i);
    const nonceOf = (html: string) => /ngCspNonce="([^"]+)"/i.exec(html)?.[1];
    expect(deepHtml.replaceAll(nonceOf(deepHtml)!, '')).toBe(homeHtml.replaceAll(nonceOf(homeHtml)!, ''));
  });

  it('answers 404 for a file the build does not hold (a chunk of an earlier build), not the page', async () => {
    // A module script asks with Accept: */*, which takes HTML too.
    const missing = await fetch(`${product.baseUrl}/chunk-GONE1234.js`, { headers: { accept: '*/*' } });
    expect([missing.status, missing.headers.get('content-type')?.startsWith('text/html') ?? false]).toEqual([
      404,
      false,
    ]);
  });

  it("gives each answer of the web app's page a fresh nonce, the one its style policy names", async () => {
    const pages = await Promise.all(
      ['/', '/dashboard', '/index.html', '/%69ndex.html', '/./index.html'].map((path) =>
        fetch(`${product.baseUrl}${path}`, { headers: { accept: 'text/html' } }),
      ),
    );
    const nonces = await Promise.all(
      pages.map(async (page) => {
        const nonce = /ngCspNonce="([^"]+)"/i.exec(await page.text())?.[1] ?? '';
        const policy = page.headers.get('content-security-policy') ?? '';
        expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
        expect(policy).toContain(`style-src 'self' 'nonce-${nonce}'`);
        expect(policy).toContain("style-src-attr 'unsafe-inline'");
        expect(policy).toContain("script-src 'self';");
        return nonce;
      }),
    );
    expect(new Set(nonces).size).toBe(5);
    // Any other answer lets no inline style in at all.
    const health = await fetch(`${product.baseUrl}/health`);
    expect(health.headers.get('content-security-policy')).toContain("style-src 'self';");
  });

  it('reports 503 when the database stops answering, and stays alive', async () => {
    if (!product.databaseUrl) return; // the embedded database lives inside the product; nothing outside can stop it
    const victim = await startProduct();
    const name = new URL(victim.databaseUrl!).pathname.slice(1);
    const admin = new Client({ connectionString: process.env['DATABASE_URL'] });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      const down = await fetch(`${victim.baseUrl}/health`);
      expect([down.status, await down.json()]).toEqual([503, { status: 'unavailable', database: 'down' }]);
      // Not ready, yet alive: liveness never asks the database.
      expect((await fetch(`${victim.baseUrl}/health/live`)).status).toBe(200);
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      const up = await fetch(`${victim.baseUrl}/health`);
      expect(up.status).toBe(200);
    } finally {
      await admin.end();
      await victim.stop();
    }
  });
});
