import { FEATURE_ACCESS, Role, featuresFor, homeFeature } from '@accord/domain/workspace';

import { DEMO_PASSWORD, Session, baseUrl, navLabels, openBrowser, signIn } from './support/browser';

const DEMO_MEMBERS: { email: string; roles: Role[] }[] = [
  { email: 'admin@demo.accord.dev', roles: ['ADMIN'] },
  { email: 'marketing@demo.accord.dev', roles: ['MARKETING'] },
  { email: 'sales@demo.accord.dev', roles: ['SALES'] },
  { email: 'exec@demo.accord.dev', roles: ['EXECUTIVE'] },
];

describe('signing in', () => {
  let session: Session;

  beforeEach(async () => {
    session = await openBrowser();
  });

  afterEach(async () => {
    await session.close();
  });

  it.each(DEMO_MEMBERS)('shows $email exactly the features of their roles', async ({ email, roles }) => {
    const { page } = session;
    const home = FEATURE_ACCESS.find((access) => access.feature === homeFeature(roles))!;

    await signIn(page, email, DEMO_PASSWORD);

    await page.waitForURL(`${baseUrl()}/${home.path}`);
    expect(await navLabels(page)).toEqual(featuresFor(roles).map((access) => access.label));
    await page.getByRole('heading', { level: 1, name: home.label }).waitFor();
  });

  it('keeps the member on the sign-in page with an error when the password is wrong', async () => {
    const { page } = session;

    await signIn(page, 'admin@demo.accord.dev', 'not-the-demo-password');

    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.waitFor();
    expect((await alert.innerText()).trim()).not.toBe('');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('sends a visitor who is not signed in to the sign-in page, and on to the page they asked for', async () => {
    const { page } = session;

    await page.goto(`${baseUrl()}/leads?grade=A`);

    await page.waitForURL(`${baseUrl()}/sign-in?returnUrl=%2Fleads%3Fgrade%3DA`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('E-mail').fill('sales@demo.accord.dev');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // Sales' home is the handover queue; the link they followed was the A-grade leads.
    await page.waitForURL(`${baseUrl()}/leads?grade=A`);
    await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    expect(await page.getByLabel('Grade', { exact: true }).inputValue()).toBe('A');
  });

  it('keeps the session when the API cannot be reached as the page loads, and goes on once it can', async () => {
    const { page } = session;
    await signIn(page, 'admin@demo.accord.dev', DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl()}/members`);

    // A restart of the API: its GraphQL endpoint answers 503 for a moment.
    await page.route('**/graphql', (route) => route.fulfill({ status: 503, body: 'restarting' }));
    await page.goto(`${baseUrl()}/members`);
    await page.getByText('Accord could not be reached to restore your session.').waitFor();
    await page.unroute('**/graphql');
    await page.getByRole('button', { name: 'Try again' }).click();

    await page.waitForURL(`${baseUrl()}/members`);
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    expect(await navLabels(page)).toContain('Members');
  });
});
