import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

import { signIn } from '../lib/graphql';
import { startProduct } from '../lib/product';
import { percentile, single } from '../lib/report';
import type { BenchContext, Scenario } from '../lib/scenario';

const ROOT = join(__dirname, '../../..');
const WEB = join(ROOT, 'dist/apps/web/browser');
const BARE = join(ROOT, 'dist/tools/bench/bare-angular/browser');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXECUTIVE = { email: 'exec@demo.accord.dev', password: 'accord-demo' };
const JS_RATIO_TARGET = 1.3;
const CHARTS_TARGET_MS = 1_500;
const SAMPLES = 7;

interface InitialJs {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

/**
 * The JavaScript a build's index.html loads before the app starts — its module script and the chunks it
 * preloads: what Angular calls the initial chunks. Lazy routes (the dashboard's page, the charts) are not in it.
 */
function initialJs(dir: string): InitialJs {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((match) => match[1]);
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of new Set(files)) {
    const content = readFileSync(join(dir, file));
    bytes += content.length;
    gzipBytes += gzipSync(content).length;
  }
  return { files: [...new Set(files)], bytes, gzipBytes };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function run({ defer, log }: BenchContext) {
  if (!existsSync(join(WEB, 'index.html')))
    throw new Error('dist/apps/web is missing: run `npx nx build web` first');
  log('building the bare Angular app with the same toolchain');
  execFileSync('npx', ['nx', 'build', 'bench-bare-angular', '--skip-nx-cache'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const web = initialJs(WEB);
  const bare = initialJs(BARE);
  log(`initial JS: web ${kb(web.bytes)} (${web.files.length} files), bare ${kb(bare.bytes)}`);

  log('starting the product (demo workspace)');
  const product = await startProduct();
  defer(() => product.stop());
  const session = await signIn(product.baseUrl, EXECUTIVE);
  const stored = JSON.stringify({
    accessToken: session.token,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });

  // Each sample is a first visit: a fresh browser profile (empty cache) opening /dashboard already signed in,
  // timed from the navigation until the funnel chart has drawn its bars.
  const times: number[] = [];
  const fetchedJs: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const profile = mkdtempSync(join(tmpdir(), 'accord-bench-page-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      viewport: { width: 1280, height: 800 },
    });
    try {
      await context.addInitScript((value) => localStorage.setItem('accord.session', value), stored);
      const page = context.pages()[0] ?? (await context.newPage());
      let scriptBytes = 0;
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'script') return;
        void response
          .body()
          .then((body) => (scriptBytes += body.length))
          .catch(() => undefined);
      });
      const started = Date.now();
      await page.goto(`${product.baseUrl}/dashboard`, { waitUntil: 'commit' });
      await page
        .getByRole('img', { name: /^Funnel: Lead \d+/ })
        .locator('svg .bar')
        .nth(5)
        .waitFor({ timeout: 30_000 });
      times.push(Date.now() - started);
      await page.waitForLoadState('networkidle');
      fetchedJs.push(scriptBytes);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  const sorted = Float64Array.from(times).sort();
  const median = percentile(sorted, 50);
  const worst = sorted[sorted.length - 1];
  const ratio = web.bytes / bare.bytes;
  const gzipRatio = web.gzipBytes / bare.gzipBytes;
  const summary = [
    `initial JavaScript: web ${kb(web.bytes)} (gzip ${kb(web.gzipBytes)}) vs bare Angular ${kb(bare.bytes)} (gzip ${kb(bare.gzipBytes)}): ${ratio.toFixed(2)}× raw, ${gzipRatio.toFixed(2)}× gzip (target ≤ ${JS_RATIO_TARGET}×)`,
    `charts drawn after ${times.join(', ')} ms: median ${median.toFixed(0)} ms, worst ${worst} ms (target ≤ ${CHARTS_TARGET_MS} ms)`,
    `JavaScript fetched by a first visit of /dashboard: ${kb(Math.max(...fetchedJs))} (initial + lazy route + charts)`,
  ];
  if (ratio > JS_RATIO_TARGET)
    summary.push(`MISSED: initial JavaScript ${ratio.toFixed(2)}× a bare Angular app`);
  if (worst > CHARTS_TARGET_MS) summary.push(`MISSED: charts drawn after ${worst} ms`);
  const subject = single('dashboard page, first visit to charts drawn', 'visits/s', 1, median);
  const baseline = single('bare Angular initial JS (bytes)', 'B', bare.bytes, 1000);
  return {
    scenario: 'dashboard-page',
    subject,
    comparisons: [
      { baseline, ratio, description: 'initial JavaScript of the web app per byte of a bare Angular app' },
    ],
    notes: {
      webInitialBytes: web.bytes,
      bareInitialBytes: bare.bytes,
      webInitialGzipBytes: web.gzipBytes,
      bareInitialGzipBytes: bare.gzipBytes,
      chartsMedianMs: median,
      chartsWorstMs: worst,
    },
    summary,
  };
}

export const scenario: Scenario = {
  name: 'dashboard-page',
  description:
    'the dashboard page in headless Chromium: initial JavaScript vs a bare Angular app, and time until the charts are drawn',
  run,
};
