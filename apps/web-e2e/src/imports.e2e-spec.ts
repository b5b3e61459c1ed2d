import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';

import { DEMO_PASSWORD, Session, baseUrl, openBrowser, signIn } from './support/browser';

/** Where journeys leave screenshots for people to look at (ignored by git). */
const SCREENSHOTS = join(__dirname, '../../../test-results/web-e2e');

/** A CRM's leads export as people really have them: its own headers, a BOM, CRLF, a quoted comma, one bad row. */
function crmExport(stamp: number): Buffer {
  const rows = [
    'E-mail Address,Full Name,Company,Nb employés,Contry,Lead Source',
    `ana.${stamp}@northwind-e2e.test,Ana Ortega,"Northwind, Inc.","1,200",DE,Webinar`,
    `ben.${stamp}@northwind-e2e.test,Ben Okafor,"Northwind, Inc.",1200,DE,Webinar`,
    `not-an-address-${stamp},Cy Nobody,Nowhere,12,FR,Website`,
    `dee.${stamp}@fabrikam-e2e.test,Dee Park,Fabrikam,85,US,Website`,
  ];
  return Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`, 'utf8');
}

/** The Accord field a column is mapped to, as the select shows it. */
async function fieldFor(page: Page, header: string): Promise<string> {
  const select = page.getByLabel(`Field for ${header}`, { exact: true });
  return (
    await select.evaluate((element: HTMLSelectElement) => element.selectedOptions[0]?.text ?? '')
  ).trim();
}

/** The report's counts line under its heading; when the heading never comes, the failure says what the page shows. */
async function counts(page: Page, heading: string): Promise<string> {
  await page
    .getByRole('heading', { name: heading })
    .waitFor()
    .catch(async (error: unknown) => {
      throw new Error(`no "${heading}"; the page says: ${await page.locator('main').innerText()}`, {
        cause: error,
      });
    });
  const text = page.getByTestId('import-counts');
  return (await text.innerText()).replace(/\s+/g, ' ').trim();
}

describe('importing a CRM export', () => {
  let session: Session | null = null;

  afterEach(async () => {
    await session?.close();
    session = null;
  });

  it('proposes the mapping, dry-runs, imports, reports the refused row, and re-imports without duplicates', async () => {
    session = await openBrowser();
    const { page } = session;
    const stamp = Date.now();
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = { name: 'crm-leads.csv', mimeType: 'text/csv', buffer: crmExport(stamp) };

    // Mia, in marketing, opens Imports and gives it the leads export.
    await signIn(page, 'marketing@demo.accord.dev', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl()}/agreement`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
    await page.waitForURL(`${baseUrl()}/imports`);
    await page.getByRole('radio', { name: 'Leads & contacts' }).click();
    await page.getByTestId('import-file').setInputFiles(file);

    // Accord reads its headers: synonyms, accents and a typo.
    await page.getByRole('heading', { name: '3. Mapping' }).waitFor();
    expect(await fieldFor(page, 'E-mail Address')).toMatch(/^E-mail/);
    expect(await fieldFor(page, 'Nb employés')).toBe('Employees');
    expect(await fieldFor(page, 'Contry')).toBe('Country');

    // The dry run says what would happen and writes nothing.
    await page.getByRole('button', { name: 'Dry run' }).click();
    expect(await counts(page, 'Dry run: what would happen')).toMatch(/^4 rows · 3 created · .* · 1 refused/);
    const refused = page.getByRole('row', { name: new RegExp(`not-an-address-${stamp}.*is not an e-mail`) });
    await refused.waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'imports-dry-run.png'), fullPage: true });

    // The import does it, and its report comes down as CSV with the refused row and its reason.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    expect(await counts(page, 'Import report')).toMatch(/^4 rows · 3 created · 0 updated · .* · 1 refused/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the report (CSV)' }).click();
    const report = readFileSync((await (await download).path()) ?? '', 'utf8');
    expect(report).toContain(`not-an-address-${stamp}`);

    // The same file again changes nothing.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-counts').filter({ hasText: '3 unchanged' }).waitFor();
    expect(await counts(page, 'Import report')).toMatch(
      /^4 rows · 0 created · 0 updated · 3 unchanged · .* 1 refused/,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'imports-re-import.png'), fullPage: true });

    // The leads are there once each, scored, with the company's cleaned facts.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
    await page.waitForURL(`${baseUrl()}/leads`);
    const search = page.getByLabel(/Search/);
    await search.fill(`ana.${stamp}`);
    await search.press('Enter');
    const ana = page.getByRole('row', { name: /Ana Ortega/ });
    await ana.waitFor();
    expect(await ana.count()).toBe(1);
  });
});
