import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Locator, Page } from 'playwright-core';

import { DEMO_PASSWORD, Session, baseUrl, openBrowser, signIn } from './support/browser';

/** Where journeys leave screenshots for people to look at (ignored by git). */
const SCREENSHOTS = join(__dirname, '../../../test-results/web-e2e');

/** The queue's rows; the demo's handovers open about a second after the startup rescore, so wait for some. */
async function queueRows(page: Page, atLeast: number): Promise<Locator> {
  const rows = page
    .getByRole('list', { name: 'Handovers' })
    .getByRole('listitem')
    .filter({
      has: page.getByRole('button', { name: /^Accept / }),
    });
  const deadline = Date.now() + 60_000;
  while ((await rows.count()) < atLeast) {
    if (Date.now() > deadline) throw new Error(`fewer than ${atLeast} open handovers in the queue`);
    await page.waitForTimeout(1_000);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Handover queue' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-label="Loading handovers"]'));
  }
  return rows;
}

/** A row's handover id, and its lead's name and page, read from its link (demo names repeat across companies). */
async function leadOf(row: Locator): Promise<{ id: string; name: string; path: string }> {
  const link = row.getByRole('link').first();
  return {
    id: (await row.getAttribute('data-handover-id')) ?? '',
    name: (await link.innerText()).trim(),
    path: (await link.getAttribute('href')) ?? '',
  };
}

describe('handover queue', () => {
  let session: Session;

  afterEach(async () => {
    await session.close();
  });

  it('is worked by sales: one handover accepted with the keyboard, another rejected with a reason', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    session = await openBrowser();
    const { page } = session;
    await signIn(page, 'sales@demo.accord.dev', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl()}/handovers`);
    await page.getByRole('heading', { level: 1, name: 'Handover queue' }).waitFor();

    const rows = await queueRows(page, 2);
    const accepted = await leadOf(rows.nth(0));
    const rejected = await leadOf(rows.nth(1));
    const queue = page.getByRole('list', { name: 'Handovers' });
    const rowOf = (lead: { id: string }) => queue.locator(`[data-handover-id="${lead.id}"]`);
    expect(await rows.nth(0).innerText()).toMatch(/due in|overdue by/);
    expect(await rows.nth(0).innerText()).toMatch(/Grade [A-D]/);

    // Keyboard: focus the row, A accepts it.
    await rows.nth(0).focus();
    await page.keyboard.press('a');
    await page.getByRole('status').getByText(`Accepted ${accepted.name}.`).waitFor();
    await rowOf(accepted).waitFor({ state: 'detached' });

    // Mouse: Reject opens the reasons with their consequences, none chosen; add a note, then pick one: it rejects.
    await rowOf(rejected)
      .getByRole('button', { name: `Reject ${rejected.name}`, exact: true })
      .click();
    const form = rowOf(rejected).getByRole('form', { name: `Reject ${rejected.name}` });
    await form
      .getByText(/^(recycle|disqualify)/)
      .first()
      .waitFor();
    const reason = form.locator('button.reason').nth(1);
    const reasonLabel = (await reason.locator('.label').innerText()).trim();
    await form.getByLabel('Note (optional)').fill('Spoke to them: not this year');
    await form.getByLabel('Note (optional)').press('Enter');
    await page.screenshot({ path: join(SCREENSHOTS, 'handover-queue-reject.png'), fullPage: true });
    expect(await form.isVisible()).toBe(true);
    await reason.click();
    await page
      .getByRole('status')
      .getByText(`Rejected ${rejected.name}: ${reasonLabel}`, { exact: false })
      .waitFor();
    await rowOf(rejected).waitFor({ state: 'detached' });

    // Both are in the decided view, by their handover: a recycled lead also shows its earlier decided handovers.
    await page.getByRole('radio', { name: 'Decided' }).click();
    await rowOf(accepted).locator('.decision', { hasText: 'Accepted' }).waitFor();
    await rowOf(rejected).locator('.decision', { hasText: reasonLabel }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'handover-queue-decided.png'), fullPage: true });

    // The lead pages show the decisions; the accepted lead gets its qualification checklist.
    await page.goto(`${baseUrl()}${accepted.path}`);
    const acceptedHandover = page.getByRole('article', { name: /^Handover under v\d+$/ }).first();
    await acceptedHandover.waitFor();
    expect(await acceptedHandover.innerText()).toMatch(/Status\s+Accepted/);
    expect(await acceptedHandover.innerText()).toContain('Within the SLA');
    await page.getByRole('heading', { name: 'Qualification' }).waitFor();
    await page.getByRole('heading', { name: 'Handover' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'lead-handover-accepted.png') });

    await page.goto(`${baseUrl()}${rejected.path}`);
    const rejectedHandover = page.getByRole('article', { name: /^Handover under v\d+$/ }).first();
    await rejectedHandover.waitFor();
    const text = await rejectedHandover.innerText();
    expect(text).toMatch(/Status\s+Rejected/);
    expect(text).toContain(reasonLabel);
    expect(text).toContain('Spoke to them: not this year');
  });
});
