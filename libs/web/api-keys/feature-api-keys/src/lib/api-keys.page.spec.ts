import { Clipboard } from '@angular/cdk/clipboard';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { CLOCK } from '@accord/web/shared/data-access';
import { tryToDismiss } from '@accord/web/shared/ui/testing';

import { ApiKeysPage } from './api-keys.page';

function apiKey(id: string, name: string, revokedAt: string | null = null, imports = false) {
  return {
    __typename: 'ApiKey',
    id,
    name,
    prefix: `acc_${id}`,
    createdAt: '2026-11-20T08:15:00.000Z',
    lastUsedAt: null,
    revokedAt,
    imports,
  };
}

/** The API's answer to CreateApiKey: the key and its one-time secret. */
function created(secret: string, key: ReturnType<typeof apiKey>) {
  return { createApiKey: { __typename: 'CreatedApiKey', secret, apiKey: key } };
}

const NOW = new Date('2026-11-25T09:00:00Z');
const copy = jest.fn<boolean, [string]>(() => true);

/** The page last rendered, whose canLeave the route asks. */
let rendered: ApiKeysPage;

async function renderEmpty(): Promise<ApolloTestingController> {
  copy.mockClear();
  const view = await render(ApiKeysPage, {
    imports: [ApolloTestingModule],
    providers: [
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: CLOCK, useValue: () => NOW },
      { provide: Clipboard, useValue: { copy } },
    ],
  });
  rendered = view.fixture.componentInstance;
  return TestBed.inject(ApolloTestingController);
}

/** The commands of the examples in `container`, one per endpoint (a code block has no role to find it by). */
function commands(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('pre > code'), (code) => code.textContent ?? '');
}

async function renderPage(): Promise<ApolloTestingController> {
  const apollo = await renderEmpty();
  apollo.expectOne('ApiKeys').flushData({ apiKeys: [apiKey('k1', 'Website tracking')] });
  await screen.findByRole('cell', { name: 'Website tracking' });
  return apollo;
}

/** Opens New API key, names the key and presses Create key; answers the dialog. */
async function submitNewKey(name: string): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: 'New API key' }));
  const dialog = await screen.findByRole('dialog');
  fireEvent.input(within(dialog).getByLabelText(/^name/i), { target: { value: name } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Create key' }));
  return dialog;
}

describe('ApiKeysPage', () => {
  it('lists the keys with their prefix, dates and status', async () => {
    await renderPage();

    const row = screen.getAllByRole('row')[1];
    expect(
      within(row)
        .getAllByRole('cell')
        .slice(0, 6)
        .map((cell) => cell.textContent?.trim()),
    ).toEqual(['Website tracking', 'acc_k1…', 'Leads, signals', '20 Nov 2026, 08:15 UTC', 'Never', 'Active']);
  });

  it('says the keys could not be loaded rather than that there are none', async () => {
    const apollo = await renderEmpty();
    apollo.expectOne('ApiKeys').networkError(new Error('offline'));

    expect(await screen.findByText('The API keys could not be loaded.')).toBeTruthy();
    expect(screen.queryByText('No API keys yet.')).toBeNull();
  });

  it('creates a key and shows its secret once, with a copy button', async () => {
    const apollo = await renderPage();

    const dialog = await submitNewKey('CRM sync');
    const create = apollo.expectOne('CreateApiKey');
    expect(create.operation.variables).toEqual({ name: 'CRM sync', imports: false });
    create.flushData(created('acc_k2_s3cret', apiKey('k2', 'CRM sync')));

    const secret = await within(dialog).findByLabelText<HTMLInputElement>(/secret of crm sync/i);
    expect(secret.value).toBe('acc_k2_s3cret');
    expect(within(dialog).getByText(/you won't see it again/i)).toBeTruthy();
    expect(within(dialog).getByText('Send it as Authorization: Bearer <key>.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Copy key' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'I have stored the key' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    expect(screen.getByRole('cell', { name: 'CRM sync' })).toBeTruthy();
    expect(screen.queryByDisplayValue('acc_k2_s3cret')).toBeNull();
    // Read again once the dialog closes: the key may have been tried out meanwhile.
    apollo
      .expectOne('ApiKeys')
      .flushData({ apiKeys: [{ ...apiKey('k2', 'CRM sync'), lastUsedAt: '2026-11-25T09:05:00.000Z' }] });
    await waitFor(() => expect(screen.queryByRole('cell', { name: 'Never' })).toBeNull());
  });

  it('shows how to use a key: a command per endpoint on this origin, with a placeholder key, to copy', async () => {
    await renderPage();

    const usage = screen.getByRole('region', { name: 'How to use a key' });
    expect(
      within(usage)
        .getAllByRole('heading')
        .map((heading) => heading.textContent),
    ).toEqual(['How to use a key', 'Send leads', 'Send signals', 'Import a CSV file']);
    expect(commands(usage).map((command) => command.split('\n').slice(0, 2))).toEqual([
      ['curl -X POST http://localhost/api/v1/leads \\', '  -H "Authorization: Bearer acc_…your key…" \\'],
      ['curl -X POST http://localhost/api/v1/signals \\', '  -H "Authorization: Bearer acc_…your key…" \\'],
      ['curl -X POST -T leads.csv \\', '  -H "Authorization: Bearer acc_…your key…" \\'],
    ]);
    expect(within(usage).getByText(/one item per event: STORED, DUPLICATE/)).toBeTruthy();

    fireEvent.click(within(usage).getByRole('button', { name: 'Copy signals command' }));

    expect(copy.mock.calls).toEqual([[commands(usage)[1]]]);
    const leadsExample = within(usage).getByRole('region', { name: 'Send leads' });
    const signalsExample = within(usage).getByRole('region', { name: 'Send signals' });
    await waitFor(() =>
      expect(within(signalsExample).getByRole('status').textContent).toBe('Command copied.'),
    );
    expect(within(leadsExample).getByRole('status').textContent).toBe('');
  });

  it('sends the new secret in the examples beside it, and forgets it with the dialog', async () => {
    const apollo = await renderPage();

    const dialog = await submitNewKey('CRM sync');
    apollo.expectOne('CreateApiKey').flushData(created('acc_k2_s3cret', apiKey('k2', 'CRM sync')));

    await within(dialog).findByRole('heading', { name: 'Send leads' });
    expect(commands(dialog).map((command) => command.split('\n')[1])).toEqual([
      '  -H "Authorization: Bearer acc_k2_s3cret" \\',
      '  -H "Authorization: Bearer acc_k2_s3cret" \\',
    ]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy leads command' }));
    expect(copy.mock.calls).toEqual([[commands(dialog)[0]]]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'I have stored the key' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const usage = screen.getByRole('region', { name: 'How to use a key' });
    expect(commands(usage).map((command) => command.includes('Bearer acc_…your key…'))).toEqual([
      true,
      true,
      true,
    ]);
    expect(screen.queryByText(/acc_k2_s3cret/)).toBeNull();
  });

  it('creates a key that may also import files, and shows how to upload one with it', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'New API key' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.input(within(dialog).getByLabelText(/^name/i), { target: { value: 'Nightly CRM export' } });
    const imports = within(dialog).getByRole('checkbox', { name: 'Also import CSV files' });
    expect(imports.getAttribute('aria-describedby')).toContain('key-imports-hint');
    fireEvent.click(imports);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create key' }));
    const create = apollo.expectOne('CreateApiKey');
    expect(create.operation.variables).toEqual({ name: 'Nightly CRM export', imports: true });
    create.flushData(created('acc_k3_s3cret', apiKey('k3', 'Nightly CRM export', null, true)));

    await within(dialog).findByRole('heading', { name: 'Import a CSV file' });
    expect(commands(dialog)[2].split('\n')).toEqual([
      'curl -X POST -T leads.csv \\',
      '  -H "Authorization: Bearer acc_k3_s3cret" \\',
      '  -H "Content-Type: text/csv" \\',
      "  'http://localhost/api/v1/imports/leads?dryRun=true&fileName=leads.csv'",
    ]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'I have stored the key' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('cell', { name: 'Leads, signals, imports' })).toBeTruthy();
  });

  it('keeps Create key focused while creating, then moves focus to Copy key', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'New API key' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.input(within(dialog).getByLabelText(/^name/i), { target: { value: 'CRM sync' } });
    const create = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Create key' });
    create.focus();
    fireEvent.click(create);
    await waitFor(() => expect(create.getAttribute('aria-disabled')).toBe('true'));
    fireEvent.click(create);
    expect([create.disabled, document.activeElement === create]).toEqual([false, true]);
    apollo.expectOne('CreateApiKey').flushData(created('acc_k2_s3cret', apiKey('k2', 'CRM sync')));

    const copy = await within(dialog).findByRole('button', { name: 'Copy key' });
    await waitFor(() => expect(document.activeElement).toBe(copy));
    expect(copy.getAttribute('aria-describedby')).toBe(
      within(dialog)
        .getByText(/you won't see it again/i)
        .closest('p')
        ?.getAttribute('id'),
    );
  });

  it('keeps the new key dialog open on Escape or a click beside it, so the secret is not lost', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'New API key' }));
    const dialog = await screen.findByRole('dialog');
    await tryToDismiss(dialog);
    expect(screen.getByRole('dialog')).toBe(dialog);

    fireEvent.input(within(dialog).getByLabelText(/^name/i), { target: { value: 'CRM sync' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create key' }));
    const create = apollo.expectOne('CreateApiKey');
    await tryToDismiss(dialog);
    expect([
      screen.getByRole('dialog'),
      within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Cancel' }).disabled,
    ]).toEqual([dialog, true]);

    create.flushData(created('acc_k2_s3cret', apiKey('k2', 'CRM sync')));
    await within(dialog).findByLabelText(/secret of crm sync/i);
    await tryToDismiss(dialog);
    expect(screen.getByRole('dialog')).toBe(dialog);
  });

  it("asks before the page goes while a new key's secret is on screen, and takes the dialog with it", async () => {
    const apollo = await renderPage();
    const dialog = await submitNewKey('CRM sync');
    apollo.expectOne('CreateApiKey').flushData(created('acc_k2_s3cret', apiKey('k2', 'CRM sync')));
    await within(dialog).findByLabelText(/secret of crm sync/i);

    const asked: string[] = [];
    expect(rendered.canLeave((message) => (asked.push(message), false))).toBe(false);
    expect(screen.getByRole('dialog')).toBe(dialog);
    expect(asked).toEqual(["The new key's secret is shown only once. Leave without storing it?"]);
    expect(rendered.canLeave(() => true)).toBe(true);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('refuses a name of spaces alone, saying so under the field', async () => {
    const apollo = await renderPage();

    const dialog = await submitNewKey('   ');

    expect(await within(dialog).findByText('Name the key (at most 120 characters).')).toBeTruthy();
    apollo.expectNone('CreateApiKey');
  });

  it('cancels a new key before creating it', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'New API key' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    apollo.expectNone('CreateApiKey');
  });

  it('revokes a key after confirmation', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'Revoke Website tracking' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke Website tracking?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    const revoke = await waitFor(() => apollo.expectOne('RevokeApiKey'));
    expect(revoke.operation.variables).toEqual({ id: 'k1' });
    revoke.flushData({ revokeApiKey: apiKey('k1', 'Website tracking', '2026-11-25T09:00:00.000Z') });

    await screen.findByRole('cell', { name: 'Revoked 25 Nov 2026, 09:00 UTC' });
    expect(screen.queryByRole('button', { name: 'Revoke Website tracking' })).toBeNull();
  });

  it('keeps the key when the revocation is cancelled', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'Revoke Website tracking' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    apollo.expectNone('RevokeApiKey');
  });
});
