import { Page } from 'playwright-core';

import { DEMO_PASSWORD, Session, baseUrl, openBrowser, signIn } from './support/browser';

/** Opens the agreement from the main navigation, as a member would. */
async function openAgreement(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lead agreement' }).click();
  await page.waitForURL(`${baseUrl()}/agreement`);
  await page.getByRole('heading', { level: 1, name: 'Lead agreement' }).waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${baseUrl()}/sign-in`);
}

/** The cells of the diff row for grade A's threshold: where, kind, before, after. */
async function gradeAChange(page: Page, caption: string): Promise<string[]> {
  const row = page
    .getByRole('table', { name: caption })
    .getByRole('row', { name: /Grade thresholds › Grade A/ });
  await row.waitFor();
  return (await row.locator('th, td').allInnerTexts()).map((cell) => cell.trim());
}

describe('the lead agreement', () => {
  const sessions: Session[] = [];

  async function browser(): Promise<Session> {
    const session = await openBrowser();
    sessions.push(session);
    return session;
  }

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
  });

  it('is edited and proposed by marketing, then signed by both sides and put in force', async () => {
    const { page } = await browser();

    // Mia, marketing's approver, reworks the proposal: a stricter grade A.
    await signIn(page, 'marketing@demo.accord.dev', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl()}/agreement`);
    // The demo's v2 is a proposal, or a draft again when the backtest journey ran first and edited it.
    await page.getByRole('link', { name: /^Edit (proposal|draft)$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit v2' }).waitFor();

    const gradeA = page.getByLabel('Grade A', { exact: true });
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await gradeA.fill('40');
    await page.getByText('Must be above B (55)', { exact: true }).waitFor();
    expect(await gradeA.getAttribute('aria-invalid')).toBe('true');
    // The pair out of order is shown on both its fields, B's naming A's new value.
    await page.getByText('Must be below A (40)', { exact: true }).waitFor();
    await page.getByText('2 problems to fix before saving').waitFor();
    expect(await save.isDisabled()).toBe(true);

    await gradeA.fill('85');
    await page.getByText('No problems to fix before saving.').waitFor();
    await save.click();
    await page.getByText(/Saved as revision \d+\./).waitFor();
    await page.getByText(/Draft · revision \d+/).waitFor();

    await page.getByLabel('Comment for the audit trail (optional)').fill('A at 85 after the Q3 review');
    await page.getByRole('button', { name: 'Propose' }).click();
    await page.waitForURL(/\/agreement\/versions\/[0-9a-f-]+$/);
    await page.getByRole('heading', { level: 1, name: /^v2\s+Proposed/ }).waitFor();
    await page.getByRole('button', { name: 'Sign for marketing' }).click();
    await page.getByText(/Signed for marketing by Mia Marketing/).waitFor();
    expect(await page.getByRole('button', { name: 'Sign for marketing' }).count()).toBe(0);
    await signOut(page);

    // Sam, sales' approver, reads what changed against the version in force and signs: v2 is published.
    await signIn(page, 'sales@demo.accord.dev', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl()}/handovers`);
    await openAgreement(page);
    await page.getByRole('link', { name: 'Review proposal' }).click();
    await page.getByRole('heading', { name: 'Changes from v1 (in force)' }).waitFor();
    expect(await gradeAChange(page, 'Changes from v1 to v2')).toEqual([
      'Fit › Grade thresholds › Grade A',
      'Changed',
      '75',
      '85',
    ]);
    await page.getByRole('button', { name: 'Sign for sales' }).click();
    await page.getByRole('heading', { level: 1, name: /^v2\s+Published/ }).waitFor();
    await page.getByText(/in force since/).waitFor();

    // The history shows v2 in force, and what it changed from v1.
    await openAgreement(page);
    await page.getByRole('region', { name: 'In force' }).getByRole('link', { name: 'v2' }).waitFor();
    await page.getByRole('checkbox', { name: 'Compare v1' }).check();
    await page.getByRole('checkbox', { name: 'Compare v2' }).check();
    expect(await gradeAChange(page, 'Changes from v1 to v2')).toEqual([
      'Fit › Grade thresholds › Grade A',
      'Changed',
      '75',
      '85',
    ]);
    await page.getByText('“A at 85 after the Q3 review”').waitFor();
  });

  it('is read-only for an executive', async () => {
    const { page } = await browser();

    await signIn(page, 'exec@demo.accord.dev', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl()}/dashboard`);
    await openAgreement(page);
    const inForce = page.getByRole('region', { name: 'In force' }).getByRole('link', { name: /^v\d+$/ });
    await inForce.waitFor();
    expect(await page.getByRole('button', { name: 'Start a new draft' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Edit/ }).count()).toBe(0);

    await inForce.click();
    await page.getByRole('heading', { name: 'ICP & fit' }).waitFor();
    expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Edit/ }).count()).toBe(0);

    await page.goto(`${page.url()}/edit`);
    await page.waitForURL((url) => !url.pathname.endsWith('/edit'));
    await page.getByRole('heading', { name: 'ICP & fit' }).waitFor();
  });
});
