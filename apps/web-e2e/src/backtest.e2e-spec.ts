import { Page } from 'playwright-core';

import { DEMO_PASSWORD, Session, baseUrl, openBrowser, signIn } from './support/browser';

/** From the overview, into the editor of the open version: the demo's proposal, or a new draft. */
async function openEditor(page: Page): Promise<void> {
  const review = page.getByRole('link', { name: 'Review proposal' });
  const edit = page.getByRole('link', { name: /^Edit (draft|proposal)$/ });
  const start = page.getByRole('button', { name: 'Start a new draft' });
  await review.or(edit).or(start).first().waitFor();
  if (await edit.count()) await edit.first().click();
  else if (await start.count()) await start.click();
  else {
    await review.click();
    await page.getByRole('link', { name: 'Edit proposal' }).click();
  }
  await page.getByRole('heading', { level: 1, name: /^Edit v\d+/ }).waitFor();
}

/** Moves grade A's threshold by one point, saves, and waits for the new revision. */
async function editGradeA(page: Page): Promise<void> {
  const gradeA = page.getByLabel('Grade A', { exact: true });
  const current = Number(await gradeA.inputValue());
  await gradeA.fill(String(current >= 90 ? current - 1 : current + 1));
  await page.getByText('No problems to fix before saving.').waitFor();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText(/Saved as revision \d+\./).waitFor();
}

/** The cells of one row of the backtest table: label, this version, in force, change. */
async function backtestRow(page: Page, label: string): Promise<string[]> {
  const row = page
    .getByRole('table', { name: 'Backtest against the version in force' })
    .getByRole('row', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  await row.waitFor();
  return (await row.locator('th, td').allInnerTexts()).map((cell) => cell.trim());
}

describe('backtesting a draft', () => {
  let session: Session | null = null;

  afterEach(async () => {
    await session?.close();
    session = null;
  });

  it('shows what a proposal would have produced beside the version in force, and when that is stale', async () => {
    session = await openBrowser();
    const { page } = session;

    // Mia, in marketing, changes the open version and proposes it.
    await signIn(page, 'marketing@demo.accord.dev', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl()}/agreement`);
    await openEditor(page);
    await editGradeA(page);
    await page.getByRole('button', { name: 'Propose' }).click();
    await page.waitForURL(/\/agreement\/versions\/[0-9a-f-]+$/);
    const proposal = page.url();
    await page.getByRole('heading', { level: 1, name: /^v\d+\s+Proposed/ }).waitFor();

    // She runs its backtest from the proposal and follows it to the end.
    await page.getByRole('heading', { name: 'Backtest' }).waitFor();
    await page.getByRole('button', { name: /^Run backtest/ }).click();
    const mqls = await backtestRow(page, 'MQLs in the window');
    expect(mqls).toHaveLength(4);
    expect(Number(mqls[1].replace(/,/g, ''))).toBeGreaterThan(0);
    expect(Number(mqls[2].replace(/,/g, ''))).toBeGreaterThan(0);
    expect((await backtestRow(page, 'Won leads it would have missed'))[0]).toBe(
      'Won leads it would have missed',
    );
    await page.getByRole('table', { name: 'Rates by grade under this version' }).waitFor();
    expect(await page.getByRole('note').filter({ hasText: 'Stale' }).count()).toBe(0);

    // Another edit: the proposal still shows those results, marked stale until it is run again.
    await page.getByRole('link', { name: 'Edit proposal' }).click();
    await page.getByRole('heading', { level: 1, name: /^Edit v\d+/ }).waitFor();
    await editGradeA(page);
    await page.goto(proposal);
    await page.getByRole('note').filter({ hasText: 'Stale' }).waitFor();
    await backtestRow(page, 'MQLs in the window');

    // On the overview, she measures the version in force: its calibration and what each signal earns.
    await page.getByRole('link', { name: 'Lead agreement', exact: true }).first().click();
    await page.waitForURL(`${baseUrl()}/agreement`);
    await page.getByRole('button', { name: 'Measure now' }).click();
    const grades = page.getByRole('table', { name: 'Calibration by grade' });
    await grades.waitFor();
    expect(await grades.getByRole('row').count()).toBe(5);
    const value = page.getByRole('table', { name: 'Signal value' });
    expect(await value.getByRole('row', { name: /Pricing page visit/ }).count()).toBe(1);
  });
});
