import { Page } from 'playwright-core';

import {
  DEMO_PASSWORD,
  Session,
  baseUrl,
  focusedDialog,
  navLabels,
  openBrowser,
  signIn,
} from './support/browser';

async function openFromNav(page: Page, label: string, path: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
  await page.waitForURL(`${baseUrl()}/${path}`);
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

/** The text of one column of the leads table, top to bottom. */
async function column(page: Page, index: number): Promise<string[]> {
  const cells = page.getByRole('table', { name: 'Leads' }).locator(`tbody tr td:nth-child(${index + 1})`);
  await cells.first().waitFor();
  return (await cells.allInnerTexts()).map((cell) => cell.trim());
}

/** Sends one signal to the ingestion endpoint with an API key; answers the HTTP status. */
async function ingestWith(secret: string): Promise<number> {
  const response = await fetch(`${baseUrl()}/api/v1/signals`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify([
      {
        externalId: `e2e-${Date.now()}`,
        type: 'PRICING_PAGE_VISIT',
        occurredAt: new Date().toISOString(),
        lead: { email: 'nobody@example.com' },
      },
    ]),
  });
  return response.status;
}

/**
 * Runs one of the API keys page's example curl commands with fetch: its URL, its Authorization header and its JSON
 * body, so that the test proves a copied command works against the real endpoint. Answers the HTTP status and
 * the item statuses.
 */
async function runExample(command: string): Promise<{ status: number; items: string[] }> {
  const url = /curl -X POST (\S+)/.exec(command)?.[1];
  const authorization = /-H "Authorization: ([^"]+)"/.exec(command)?.[1];
  const body = /-d '(.*)'$/s.exec(command)?.[1];
  if (!url || !authorization || !body) throw new Error(`not an example command: ${command}`);
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body,
  });
  const answer = (await response.json()) as { items?: { status: string }[] };
  return { status: response.status, items: (answer.items ?? []).map((item) => item.status) };
}

describe('leads', () => {
  const sessions: Session[] = [];

  async function browser(): Promise<Session> {
    const session = await openBrowser();
    sessions.push(session);
    return session;
  }

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
  });

  it('are filtered, sorted and opened by marketing, who records a signal and sees it counted', async () => {
    const { page } = await browser();
    await signIn(page, 'marketing@demo.accord.dev', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl()}/agreement`);
    await openFromNav(page, 'Leads', 'leads');
    // The demo's 40 leads of today and 3,000 of generated history (DEMO_HISTORY in apps/api/src/demo.ts).
    await page.getByText(/^Showing \d+ of 3,040 leads$/).waitFor();

    // Marketing may not manage members, but sees every owner by name and can filter by any of them.
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Sam Sales' });
    await page.waitForURL(/[?&]owner=/);
    await page.waitForFunction(() => !document.querySelector('[aria-label="Loading leads"]'));
    const owners = await column(page, 5);
    expect(owners.length).toBeGreaterThan(0);
    expect(owners.every((cell) => cell === 'Sam Sales')).toBe(true);
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Anyone' });
    await page.getByText(/^Showing \d+ of 3,040 leads$/).waitFor();

    // Typing searches once the member pauses, without Enter; emptying the field lists every lead again.
    const search = page.getByLabel('Search', { exact: true });
    const leadName = (
      await page.getByRole('table', { name: 'Leads' }).getByRole('link').first().innerText()
    ).trim();
    await search.pressSequentially(leadName, { delay: 30 });
    await page.waitForURL((url) => url.searchParams.get('q') === leadName);
    await page.waitForFunction(() => !document.querySelector('[aria-label="Loading leads"]'));
    await page.getByText(/^Showing [\d,]+ of [\d,]+ leads?$/).waitFor();
    expect(
      await page.getByRole('table', { name: 'Leads' }).getByRole('link', { name: leadName }).count(),
    ).toBeGreaterThan(0);
    await search.fill('');
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await page.getByText(/^Showing \d+ of 3,040 leads$/).waitFor();

    await page.getByLabel('Grade', { exact: true }).selectOption('A');
    await page.waitForURL(/[?&]grade=A/);
    await page.getByText(/^Showing [\d,]+ of [\d,]+ leads?$/).waitFor();
    const grades = await column(page, 2);
    expect(grades.length).toBeGreaterThan(0);
    expect(grades.every((cell) => cell.endsWith('· A'))).toBe(true);

    await page.getByLabel('Sort by').selectOption('INTENT');
    await page.waitForURL(/[?&]sort=INTENT/);
    await page.waitForFunction(() => !document.querySelector('[aria-label="Loading leads"]'));
    const intents = (await column(page, 3)).map((cell) => Number(cell.split(' · ')[0]));
    expect(intents).toEqual([...intents].sort((a, b) => b - a));
    expect((await column(page, 2)).every((cell) => cell.endsWith('· A'))).toBe(true);

    // The filters live in the URL: a reload keeps them.
    await page.reload();
    await page.getByText(/^Showing [\d,]+ of [\d,]+ leads?$/).waitFor();
    expect(await page.getByLabel('Grade', { exact: true }).inputValue()).toBe('A');
    expect(await page.getByLabel('Sort by').inputValue()).toBe('INTENT');

    const first = page.getByRole('table', { name: 'Leads' }).getByRole('link').first();
    const name = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('heading', { name: 'Why this score' }).waitFor();
    expect((await page.getByLabel('Explanation summary').innerText()).trim()).toMatch(/^[+\u2212]\d+ /);
    const timeline = page.getByRole('list', { name: 'Signal timeline' });
    await timeline.getByRole('listitem').first().waitFor();
    const before = await timeline.getByRole('listitem').count();

    await page.getByLabel('Signal type').selectOption('DEMO_REQUEST');
    await page.getByRole('button', { name: 'Record signal' }).click();
    await page.getByText('Demo request recorded.').waitFor();

    await page.waitForFunction(
      ([count]) => document.querySelectorAll('[aria-label="Signal timeline"] li').length === count + 1,
      [before],
    );
    const newest = timeline.getByRole('listitem').first();
    expect(await newest.innerText()).toContain('Demo request');
    expect(await newest.innerText()).toMatch(/Intent|Not scored/);
  });

  it('shows an API error beside the field of a new lead', async () => {
    const { page } = await browser();
    await signIn(page, 'marketing@demo.accord.dev', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl()}/agreement`);
    await openFromNav(page, 'Leads', 'leads');

    await page.getByRole('button', { name: 'New lead' }).click();
    const dialog = await focusedDialog(page);
    await dialog.getByLabel('E-mail').fill(`e2e-${Date.now()}@acme-e2e.test`);
    await dialog.getByLabel('Country').fill('D1');
    await dialog.getByRole('button', { name: 'Create lead' }).click();
    await dialog.getByText('Must be a two-letter ISO country code.').waitFor();
    expect(await dialog.getByLabel('Country').getAttribute('aria-invalid')).toBe('true');

    await dialog.getByLabel('Country').fill('DE');
    await dialog.getByLabel('First name').fill('Erin');
    await dialog.getByRole('button', { name: 'Create lead' }).click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Erin' }).waitFor();
  });

  it("have their source's case corrected by marketing, in every lead", async () => {
    const { page } = await browser();
    await signIn(page, 'marketing@demo.accord.dev', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl()}/agreement`);
    await openFromNav(page, 'Leads', 'leads');
    const stored = `podcast e2e ${Date.now()}`;
    const meant = stored.replace('podcast e2e', 'Podcast E2E');
    await page.getByRole('button', { name: 'New lead' }).click();
    const dialog = await focusedDialog(page);
    await dialog.getByLabel('E-mail').fill(`e2e-${Date.now()}@spelt-e2e.test`);
    await dialog.getByLabel('Source').fill(stored);
    await dialog.getByRole('button', { name: 'Create lead' }).click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    const leadUrl = page.url();

    await page.goto(`${baseUrl()}/leads`);
    await page.getByRole('link', { name: 'Sources & campaigns' }).click();
    await page.waitForURL(`${baseUrl()}/leads/values`);
    await page.getByRole('button', { name: `Correct the case of ${stored}` }).click();
    const spelling = page.getByRole('textbox', { name: 'Spelling' });
    // Another value is not a correction of this one.
    await spelling.fill(`${meant} ads`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Only the case can change here').waitFor();
    await spelling.fill(meant);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText(`“${stored}” now reads “${meant}” in 1 lead.`).waitFor();
    await page.getByRole('table', { name: 'Source values and their leads' }).getByText(meant).waitFor();

    await page.goto(leadUrl);
    // The form is filled once the lead has loaded: wait for its value, then read it.
    const source = page.getByRole('textbox', { name: 'Source', exact: true });
    for (const started = Date.now(); (await source.inputValue()) === '' && Date.now() - started < 10_000;)
      await page.waitForTimeout(100);
    expect(await source.inputValue()).toBe(meant);
  });

  it('can be worked by sales, who read a lead without editing it, and are closed to executives', async () => {
    const { page } = await browser();
    await signIn(page, 'sales@demo.accord.dev', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl()}/handovers`);
    await openFromNav(page, 'Leads', 'leads');
    await page.getByRole('table', { name: 'Leads' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Contact and company' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${baseUrl()}/sign-in`);

    await signIn(page, 'exec@demo.accord.dev', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl()}/dashboard`);
    expect(await navLabels(page)).not.toContain('Leads');
    await page.goto(`${baseUrl()}/leads`);
    await page.waitForURL(`${baseUrl()}/dashboard`);
  });
});

describe('API keys', () => {
  let session: Session;

  afterEach(async () => {
    await session.close();
  });

  /** Signs the admin in, opens API keys and fills in a new key's dialog, up to Create key; answers the dialog. */
  async function newKey(name: string, imports: boolean) {
    session = await openBrowser();
    const { page } = session;
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    await signIn(page, 'admin@demo.accord.dev', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl()}/members`);
    await openFromNav(page, 'API keys', 'api-keys');

    await page.getByRole('button', { name: 'New API key' }).click();
    const dialog = await focusedDialog(page);
    await dialog.getByLabel('Name').fill(name);
    if (imports) await dialog.getByRole('checkbox', { name: 'Also import CSV files' }).check();
    await dialog.getByRole('button', { name: 'Create key' }).click();
    return { page, dialog };
  }

  it('are created by an admin, who sees the secret once, and revoked', async () => {
    const { page, dialog } = await newKey('E2E tracking', false);
    await dialog.getByText("you won't see it again").waitFor();
    const secret = await dialog.getByLabel('Secret of E2E tracking').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await dialog.getByRole('button', { name: 'Copy key' }).click();
    await dialog.getByText('Key copied.').waitFor();

    // The examples beside the secret send it: copied and run in order, the lead is taken and its signal matched.
    await dialog.getByRole('button', { name: 'Copy leads command' }).click();
    const leadsCommand = await page.evaluate(() => navigator.clipboard.readText());
    expect(leadsCommand).toContain(`${baseUrl()}/api/v1/leads`);
    expect(leadsCommand).toContain(secret);
    const leads = await runExample(leadsCommand);
    expect(leads.status).toBe(200);
    expect(leads.items).toHaveLength(1);
    expect(leads.items[0]).not.toBe('REFUSED');
    await dialog.getByRole('button', { name: 'Copy signals command' }).click();
    const signalsCommand = await page.evaluate(() => navigator.clipboard.readText());
    expect(await runExample(signalsCommand)).toEqual({ status: 200, items: ['STORED'] });

    await dialog.getByRole('button', { name: 'I have stored the key' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row', { name: /E2E tracking/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('Active');
    expect(await row.innerText()).toContain(secret.slice(0, 6));
    expect(await page.content()).not.toContain(secret);
    expect(await ingestWith(secret)).not.toBe(401);

    await page.getByRole('button', { name: 'Revoke E2E tracking' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke E2E tracking?' });
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText(/^Revoked /).waitFor();
    expect(await page.getByRole('button', { name: 'Revoke E2E tracking' }).count()).toBe(0);
    expect(await ingestWith(secret)).toBe(401);
  });

  it('allowed to import, upload a CSV file with the command the page gives, as the admin who made the key', async () => {
    const { page, dialog } = await newKey('E2E nightly export', true);
    const secret = await dialog.getByLabel('Secret of E2E nightly export').inputValue();

    // The upload beside the secret sends it; run with a file of one lead, as a dry run and then for real.
    await dialog.getByRole('button', { name: 'Copy import command' }).click();
    const command = await page.evaluate(() => navigator.clipboard.readText());
    const url = /'(http[^']+)'/.exec(command)?.[1] ?? '';
    const authorization = /-H "Authorization: ([^"]+)"/.exec(command)?.[1] ?? '';
    expect([url, authorization]).toEqual([
      `${baseUrl()}/api/v1/imports/leads?dryRun=true&fileName=leads.csv`,
      `Bearer ${secret}`,
    ]);
    const email = `ines.${Date.now()}@nightly-export.example`;
    const upload = async (target: string) => {
      const response = await fetch(target, {
        method: 'POST',
        headers: { authorization, 'content-type': 'text/csv' },
        body: `Email,First name,Last name,Company\r\n${email},Ines,Import,Nightly Co\r\n`,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(await upload(url)).toMatchObject({ status: 200, body: { dryRun: true, created: 1 } });
    expect(await upload(url.replace('dryRun=true&', ''))).toMatchObject({
      status: 200,
      body: { dryRun: false, created: 1 },
    });

    await dialog.getByRole('button', { name: 'I have stored the key' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /E2E nightly export/ });
    expect(await row.innerText()).toContain('Leads, signals, imports');

    // The imported lead is in the workspace's leads.
    await page.goto(`${baseUrl()}/leads?q=${encodeURIComponent(email)}`);
    await page.getByRole('table', { name: 'Leads' }).getByText('Ines Import').waitFor();
  });
});
