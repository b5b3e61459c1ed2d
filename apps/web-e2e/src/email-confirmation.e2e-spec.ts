import { join } from 'node:path';

import { Session, focusedDialog, openBrowser } from './support/browser';

// A product of its own, with a mail server: the shared one sends no mail, so no one is asked to confirm there. The
// launcher is plain JavaScript outside any project, and the inbox the API's integration tests use is loaded by path
// for the same reason: an e2e project may not depend on the API's libraries.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startProduct } = require(join(__dirname, '../../../tools/testing/start-product.js')) as {
  startProduct(env: Record<string, string>): Promise<{ baseUrl: string; stop(): Promise<void> }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SmtpInbox } = require(join(__dirname, '../../../libs/api/shared/testing/src/lib/smtp-inbox.ts')) as {
  SmtpInbox: new () => {
    mails: { to: string[]; subject: string; text: string }[];
    start(): Promise<string>;
    stop(): Promise<void>;
  };
};

describe('confirming the e-mail address of a new workspace', () => {
  const inbox = new SmtpInbox();
  let product: { baseUrl: string; stop(): Promise<void> };
  let session: Session;

  beforeAll(async () => {
    const smtpUrl = await inbox.start();
    product = await startProduct({ SMTP_URL: smtpUrl, MAIL_FROM: 'Accord <no-reply@accord.test>' });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await product?.stop();
    await inbox.stop();
  });

  /** The first mail to `address`: the sign-up's link is sent after the sign-up answered. */
  async function mailTo(address: string): Promise<{ text: string }> {
    for (let waited = 0; waited < 15_000; waited += 100) {
      const mail = inbox.mails.find((sent) => sent.to.includes(address));
      if (mail) return mail;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no mail to ${address} within 15 s`);
  }

  it('holds invitations back until the admin opens the link sign-up e-mailed them', async () => {
    session = await openBrowser();
    const { page } = session;
    const email = `vera-${Date.now()}@example.com`;
    await page.goto(`${product.baseUrl}/sign-up`);
    await page.getByLabel('Workspace name').fill('Confirm Co');
    await page.getByLabel('Your name').fill('Vera Admin');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('a fresh passphrase for e2e');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(`${product.baseUrl}/members`);
    const banner = page.getByRole('complementary', { name: 'E-mail confirmation' });
    await banner.getByText(`Confirm your e-mail address, ${email}`).waitFor();

    // The page holds the Invite button back and says why (the API refuses an invitation too).
    const inviteButton = page.getByRole('button', { name: 'Invite member' });
    const note = page.getByRole('note').filter({ hasText: 'Confirm your e-mail address to invite members' });
    await note.waitFor();
    expect(await inviteButton.isDisabled()).toBe(true);

    const mail = await mailTo(email);
    const link = /^http\S+\/verify-email\?token=\S+$/m.exec(mail.text)?.[0] ?? '';
    expect(link).not.toBe('');
    // Opened in another tab, as from a mail client.
    const tab = await session.context.newPage();
    await tab.goto(link);
    await tab.getByText(`Confirm ${email} as the address of Vera Admin in`).waitFor();
    await tab.getByRole('button', { name: 'Confirm my address' }).click();
    await tab.getByRole('status').getByText(`${email} is confirmed for Confirm Co.`).waitFor();
    await tab.close();

    // Back in Accord's tab, the banner reads the status again and goes.
    await page.bringToFront();
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await banner.waitFor({ state: 'detached' });
    await note.waitFor({ state: 'detached' });
    await inviteButton.click();
    const sent = await focusedDialog(page);
    await sent.getByLabel('E-mail').fill('rep@example.com');
    await sent.getByLabel('Name').fill('Riley Rep');
    await sent.getByRole('checkbox', { name: 'Sales' }).check();
    await sent.getByRole('button', { name: 'Send invitation' }).click();
    await sent.getByText('Riley Rep is invited: we e-mailed rep@example.com').waitFor();
    expect(inbox.mails.filter((one) => one.to.includes('rep@example.com'))).toHaveLength(1);
  });
});
