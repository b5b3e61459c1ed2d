import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';

import { DEMO_PASSWORD, Session, baseUrl, openBrowser, signIn } from './support/browser';

/** Where journeys leave screenshots for people to look at (ignored by git). */
const SCREENSHOTS = join(__dirname, '../../../test-results/web-e2e');

/** Collects the text of every script the page loads, to see which chunk brought the charts library. */
function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    void response
      .text()
      .then((text) => scripts.push(text))
      .catch(() => undefined);
  });
  return scripts;
}

const CHARTS_MARK = 'ngx-charts-bar-vertical';

describe('funnel dashboard', () => {
  let session: Session;

  afterEach(async () => {
    await session.close();
  });

  it('is the executive’s home: outcomes with targets, charts, filters, drill-down and CSV export', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    session = await openBrowser();
    const { page } = session;
    const scripts = recordScripts(page);

    // The charts library is not in what the app loads before the dashboard route.
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.some((text) => text.includes(CHARTS_MARK))).toBe(false);

    await signIn(page, 'exec@demo.accord.dev', DEMO_PASSWORD);
    const navigated = Date.now();
    await page.waitForURL(`${baseUrl()}/dashboard`);
    await page.getByRole('heading', { level: 1, name: 'Funnel dashboard' }).waitFor();

    // Outcomes first: cards with values and targets; the funnel drawn by ngx-charts.
    const outcomes = page.getByRole('list', { name: 'Outcomes' }).getByRole('listitem');
    await outcomes.first().waitFor();
    const funnel = page.getByRole('img', { name: /^Funnel: Lead \d+/ });
    await funnel.locator('svg .bar').nth(5).waitFor();
    const chartsDrawnMs = Date.now() - navigated;
    expect(await outcomes.count()).toBeGreaterThanOrEqual(10);
    const mqls = page.getByRole('listitem', { name: 'MQLs', exact: true });
    expect(await mqls.innerText()).toMatch(/^MQLs\s+\S\s+[\d,]+\s/);
    // An amount names the workspace's reporting currency (the demo's is USD) after its figure.
    const revenue = page.getByRole('listitem', { name: 'Revenue won', exact: true });
    expect(await revenue.locator('.value').innerText()).toMatch(/^[\d,]+\s+USD$/);
    // The trend: the measured line, and the demo agreement's MQL target as a dashed second line.
    const trend = page.getByRole('img', { name: /^Trend of MQLs\. / });
    await trend.locator('svg path.line[stroke-dasharray="6 4"]').waitFor();
    expect(await trend.locator('svg path.line:not([stroke-dasharray])').count()).toBe(1);
    expect(await trend.locator('svg path.line[stroke-dasharray]').count()).toBe(1);
    expect(scripts.some((text) => text.includes(CHARTS_MARK))).toBe(true);
    await page.getByRole('heading', { level: 2, name: 'Diagnostics — activity' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Why leads were rejected' }).waitFor();
    // Opened afresh (a reload: every chunk and the dashboard query again), as the speed target counts it.
    const reloaded = Date.now();
    await page.reload();
    await funnel.locator('svg .bar').nth(5).waitFor();
    const reloadDrawnMs = Date.now() - reloaded;
    console.log(
      `dashboard: the funnel chart drawn ${chartsDrawnMs} ms after signing in, ${reloadDrawnMs} ms after a reload`,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
    // The page scrolls inside the shell, so each part gets its own picture.
    for (const [heading, file] of [
      ['Funnel', 'dashboard-funnel-trends.png'],
      ['Diagnostics — activity', 'dashboard-activity.png'],
      ['Why leads were rejected', 'dashboard-rejections.png'],
    ]) {
      await page
        .getByRole('heading', { level: 2, name: heading })
        .evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: join(SCREENSHOTS, file) });
    }

    // The definition shows on hover (and keyboard focus) of the (i) button.
    const about = mqls.getByRole('button', { name: 'Definition of MQLs' });
    await about.hover();
    const tooltip = page.locator('.mat-mdc-tooltip-surface');
    await tooltip.waitFor();
    const definition = (await tooltip.innerText()).trim();
    expect(definition).toMatch(/MQL/);
    const describedBy = await about.getAttribute('aria-describedby');
    expect((await page.locator(`[id="${describedBy}"]`).textContent())?.trim()).toBe(definition);
    await page.mouse.move(0, 0);
    await tooltip.waitFor({ state: 'detached' });

    // So do the funnel's conversion and drop-off, and the rep and rejection tables' columns.
    const steps = page.getByRole('table', { name: 'Funnel steps with conversion and drop-off' });
    await steps.getByRole('button', { name: 'Definition of From previous' }).hover();
    await tooltip.filter({ hasText: /^\s*This step ÷ the step before, as a percentage/ }).waitFor();
    expect(await steps.getByRole('row').nth(2).getByRole('cell').nth(1).getAttribute('title')).toMatch(
      /^Moves into MQL ÷ moves into LEAD in the period/,
    );
    await page.mouse.move(0, 0);
    await tooltip.waitFor({ state: 'detached' });
    const reps = page.getByRole('table', { name: /pattern to learn from, not a problem/ });
    await reps.getByRole('button', { name: 'Definition of Revenue won (USD)' }).hover();
    await tooltip.filter({ hasText: /Credited to the opportunity’s owner\./ }).waitFor();
    await page.mouse.move(0, 0);
    await tooltip.waitFor({ state: 'detached' });
    // An amount's trend names the currency on its axis and in its tooltip (the first week has begun).
    await page.getByLabel('Metric', { exact: true }).selectOption({ label: 'Revenue won' });
    const revenueTrend = page.getByRole('img', { name: /^Trend of Revenue won\. [^:]+: [\d,]+ USD/ });
    await revenueTrend.locator('svg path.line').first().waitFor();
    expect(await revenueTrend.locator('g.y.axis').textContent()).toContain(' USD');
    // Near the first week's point, inside the plot area (the y axis's labels widen with the amounts; hover scrolls
    // the chart into view).
    await revenueTrend
      .locator('rect.tooltip-area')
      .first()
      .hover({ position: { x: 10, y: 40 } });
    await page
      .locator('.ngx-charts-tooltip-content')
      .filter({ hasText: /Revenue won: [\d,]+ USD/ })
      .waitFor();
    await page.mouse.move(0, 0);
    // A rejection table has its columns when the period has rejections (the demo's history has some).
    const campaignHint = page
      .getByRole('table', { name: 'By campaign' })
      .getByRole('button', { name: 'Definition of Campaign' });
    if ((await campaignHint.count()) > 0) {
      await campaignHint.hover();
      await tooltip.filter({ hasText: /^\s*The lead’s campaign/ }).waitFor();
      await page.mouse.move(0, 0);
      await tooltip.waitFor({ state: 'detached' });
    }
    expect(await page.getByRole('table', { name: /^By (source|campaign|grade)$/ }).count()).toBe(3);
    // At a laptop's width every reason of the demo's five shows, none hidden under the sticky Total.
    await page.setViewportSize({ width: 1366, height: 768 });
    const hidden = await page.evaluate(() =>
      [...document.querySelectorAll('accord-rejection-table .scroll')].map(
        (scroller) => scroller.scrollWidth - scroller.clientWidth,
      ),
    );
    expect(hidden.filter((pixels) => pixels > 0)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });

    // The owner filter offers every active member, the team filter the demo's teams; a team narrows the reps.
    const owner = page.getByLabel('Owner', { exact: true });
    expect(await owner.locator('option').allInnerTexts()).toEqual(
      expect.arrayContaining(['Everyone', 'Ada Admin', 'Mia Marketing', 'Riley Rep', 'Noor Rep']),
    );
    const team = page.getByLabel('Team', { exact: true });
    expect((await team.locator('option').allInnerTexts()).map((text) => text.trim())).toEqual([
      'Every team',
      'Enterprise',
      'Mid-market',
    ]);
    await team.selectOption('Mid-market');
    await page.waitForURL(/[?&]team=Mid-market/);
    await page.waitForFunction(() => !document.querySelector('[aria-label="Loading the dashboard"]'));
    const repNames = (await reps.getByRole('rowheader').allInnerTexts()).map((text) => text.trim());
    expect(repNames.length).toBeGreaterThan(0);
    expect(repNames.every((name) => ['Jordan Rep', 'Noor Rep'].includes(name))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-team.png'), fullPage: true });
    await team.selectOption('');
    await page.waitForURL((url) => !url.search.includes('team='));
    await page.waitForFunction(() => !document.querySelector('[aria-label="Loading the dashboard"]'));

    // A filter goes into the URL and the numbers follow.
    await page.getByLabel('Period', { exact: true }).selectOption('QUARTER');
    await page.waitForURL(/[?&]period=quarter/);
    await page.getByText(/^This quarter: /).waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-label="Loading the dashboard"]'));
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-quarter.png'), fullPage: true });

    // The rows behind MQLs, for the same quarter.
    await mqls.getByRole('link', { name: 'See rows behind MQLs' }).click();
    await page.waitForURL(/\/dashboard\/rows\/mqls\?period=quarter/);
    await page.getByRole('heading', { level: 1, name: 'Rows behind MQLs' }).waitFor();
    const rows = page.getByRole('table', { name: 'Rows behind MQLs' }).locator('tbody tr');
    await rows.first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-label="Loading rows"]'));
    expect(await rows.count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-rows.png'), fullPage: true });

    // Back to the same view, and export it.
    await page.getByRole('link', { name: '← Dashboard' }).click();
    await page.waitForURL(/\/dashboard\?period=quarter$/);
    await outcomes.first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^accord-dashboard-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFFFrom,')).toBe(true);
    expect(csv).toContain('\r\nCurrency,USD\r\n');
    expect(csv).toContain('Period,This quarter');
    expect(csv).toMatch(/\r\nMQLs,mqls,Outcome,count,\d+/);
    expect(csv).toContain('\r\nStage,Count,Conversion from previous (%),Drop-off\r\n');
    expect(csv).toContain('\r\nRep,Revenue won (USD),Quota (USD),');
    expect(csv).toContain('\r\nRejections by campaign,Reason,Rejections\r\n');
  });
});
