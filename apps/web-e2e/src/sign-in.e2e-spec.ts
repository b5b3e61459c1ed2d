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

  it('sends a visitor who is not signed in to the sign-in page', async () => {
    const { page } = session;

    await page.goto(`${baseUrl()}/members`);

    await page.waitForURL(`${baseUrl()}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});
