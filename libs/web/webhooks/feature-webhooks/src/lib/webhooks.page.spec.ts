import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { tryToDismiss } from '@accord/web/shared/ui/testing';

import { WebhooksPage } from './webhooks.page';

function endpoint(id: string, url: string, active = true) {
  return {
    __typename: 'WebhookEndpoint',
    id,
    url,
    description: '',
    events: ['handover.created', 'handover.decided'],
    active,
    secretPrefix: 'whsec_ab12',
    createdAt: '2026-11-20T08:15:00.000Z',
    updatedAt: '2026-11-20T08:15:00.000Z',
  };
}

function delivery(id: string, status: string, attempts: number) {
  return {
    __typename: 'WebhookDelivery',
    id,
    eventId: `event-${id}`,
    event: 'handover.created',
    endpointId: 'e1',
    endpointUrl: 'https://crm.example.com/hooks',
    status,
    attempts,
    nextAttemptAt: status === 'PENDING' ? '2026-11-20T08:20:00.000Z' : null,
    lastAttemptAt: '2026-11-20T08:16:00.000Z',
    lastStatusCode: 503,
    lastError: null,
    deliveredAt: null,
    createdAt: '2026-11-20T08:15:00.000Z',
  };
}

async function renderEmpty(): Promise<ApolloTestingController> {
  await render(WebhooksPage, {
    imports: [ApolloTestingModule],
    providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
  });
  return TestBed.inject(ApolloTestingController);
}

async function renderPage(): Promise<ApolloTestingController> {
  const apollo = await renderEmpty();
  apollo.expectOne('WebhookEndpoints').flushData({
    webhookEndpoints: [endpoint('e1', 'https://crm.example.com/hooks')],
  });
  apollo.expectOne('WebhookDeliveries').flushData({
    webhookDeliveries: {
      __typename: 'WebhookDeliveryConnection',
      edges: [
        { __typename: 'WebhookDeliveryEdge', node: delivery('d1', 'FAILED', 8) },
        { __typename: 'WebhookDeliveryEdge', node: delivery('d2', 'PENDING', 1) },
      ],
      pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
    },
  });
  await screen.findByRole('table', { name: 'Webhook endpoints of the workspace' });
  await screen.findByRole('cell', { name: 'Failed' });
  return apollo;
}

function cells(table: string, row: number): string[] {
  const rows = within(screen.getByRole('table', { name: table })).getAllByRole('row');
  return within(rows[row])
    .getAllByRole('cell')
    .map((cell) => cell.textContent?.trim() ?? '');
}

describe('WebhooksPage', () => {
  it('lists endpoints and recent deliveries with their status and last answer', async () => {
    await renderPage();

    expect(cells('Webhook endpoints of the workspace', 1).slice(0, 5)).toEqual([
      'https://crm.example.com/hooks',
      'handover.created, handover.decided',
      'whsec_ab12…',
      '20 Nov 2026, 08:15 UTC',
      'Active',
    ]);
    const deliveries = 'Recent webhook deliveries, newest first';
    expect([cells(deliveries, 1).slice(0, 7), cells(deliveries, 2).slice(0, 7)]).toEqual([
      [
        '20 Nov 2026, 08:15 UTC',
        'handover.created',
        'https://crm.example.com/hooks',
        'Failed',
        '8',
        'HTTP 503',
        '—',
      ],
      [
        '20 Nov 2026, 08:15 UTC',
        'handover.created',
        'https://crm.example.com/hooks',
        'Retrying',
        '1',
        'HTTP 503',
        '20 Nov 2026, 08:20 UTC',
      ],
    ]);
    // Only finished deliveries can be sent again.
    expect(screen.getAllByRole('button', { name: /^Redeliver/ })).toHaveLength(1);
  });

  it('says which list could not be loaded, and does not call it empty', async () => {
    const apollo = await renderEmpty();
    apollo.expectOne('WebhookEndpoints').flushData({ webhookEndpoints: [] });
    apollo.expectOne('WebhookDeliveries').networkError(new Error('offline'));

    expect(await screen.findByText('The deliveries could not be loaded.')).toBeTruthy();
    expect(screen.getByText('No webhook endpoints yet.')).toBeTruthy();
    expect(screen.queryByText('Nothing delivered yet.')).toBeNull();
  });

  it('creates an endpoint with its events and shows the signing secret once', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'New endpoint' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.input(within(dialog).getByLabelText(/^url/i), {
      target: { value: 'https://erp.example.com/in' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create endpoint' }));
    expect(within(dialog).getByText('Choose at least one event.')).toBeTruthy();
    apollo.expectNone('CreateWebhookEndpoint');

    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'opportunity.closed' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'handover.created' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create endpoint' }));
    const create = apollo.expectOne('CreateWebhookEndpoint');
    expect(create.operation.variables).toEqual({
      input: { url: 'https://erp.example.com/in', events: ['handover.created', 'opportunity.closed'] },
    });
    create.flushData({
      createWebhookEndpoint: {
        __typename: 'CreatedWebhookEndpoint',
        secret: 'whsec_s3cret',
        endpoint: endpoint('e2', 'https://erp.example.com/in'),
      },
    });

    const secret = await within(dialog).findByLabelText<HTMLInputElement>(/signing secret of/i);
    expect(secret.value).toBe('whsec_s3cret');
    expect(
      within(dialog).getByText('HMAC-SHA256 over "timestamp.body"; see the webhooks documentation.'),
    ).toBeTruthy();
    expect(within(dialog).getByText(/you won't see it again/i)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'I have stored the secret' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    expect(screen.getByText('https://erp.example.com/in')).toBeTruthy();
    expect(screen.queryByDisplayValue('whsec_s3cret')).toBeNull();
  });

  it("drops the API's refusal of a URL once the URL is edited, so it never stands beside the form's own", async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'New endpoint' }));
    const dialog = await screen.findByRole('dialog');
    const url = within(dialog).getByLabelText(/^url/i);
    fireEvent.input(url, { target: { value: 'https://example.com/x#frag' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'All events' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create endpoint' }));
    apollo
      .expectOne('CreateWebhookEndpoint')
      .graphqlErrors([
        { message: 'The URL must not have a #fragment.', extensions: { code: 'BAD_USER_INPUT' } },
      ]);
    expect(await within(dialog).findByText('The URL must not have a #fragment.')).toBeTruthy();

    fireEvent.input(url, { target: { value: 'example.com/hook' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create endpoint' }));

    expect(within(dialog).getByText('Give an http or https URL.')).toBeTruthy();
    expect(within(dialog).queryByText('The URL must not have a #fragment.')).toBeNull();
    apollo.expectNone('CreateWebhookEndpoint');
  });

  it('chooses every event at once, and shows a partial choice as such', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'New endpoint' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.input(within(dialog).getByLabelText(/^url/i), {
      target: { value: 'https://erp.example.com/in' },
    });
    const all = within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'All events' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'handover.created' }));
    await waitFor(() => expect(all.indeterminate).toBe(true));
    fireEvent.click(all);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create endpoint' }));

    const create = apollo.expectOne('CreateWebhookEndpoint');
    expect(create.operation.variables['input']).toMatchObject({
      events: [
        'handover.created',
        'handover.decided',
        'handover.expired',
        'opportunity.closed',
        'agreement.published',
      ],
    });
  });

  it('keeps the new endpoint dialog open on Escape or a click beside it, so the secret is not lost', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'New endpoint' }));
    const dialog = await screen.findByRole('dialog');
    await tryToDismiss(dialog);
    expect(screen.getByRole('dialog')).toBe(dialog);

    fireEvent.input(within(dialog).getByLabelText(/^url/i), {
      target: { value: 'https://erp.example.com/in' },
    });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'handover.created' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create endpoint' }));
    const create = apollo.expectOne('CreateWebhookEndpoint');
    await tryToDismiss(dialog);
    expect([
      screen.getByRole('dialog'),
      within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Cancel' }).disabled,
    ]).toEqual([dialog, true]);

    create.flushData({
      createWebhookEndpoint: {
        __typename: 'CreatedWebhookEndpoint',
        secret: 'whsec_s3cret',
        endpoint: endpoint('e2', 'https://erp.example.com/in'),
      },
    });
    await within(dialog).findByLabelText(/signing secret of/i);
    await tryToDismiss(dialog);
    expect(screen.getByRole('dialog')).toBe(dialog);
  });

  it('cancels a new endpoint before creating it', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'New endpoint' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    apollo.expectNone('CreateWebhookEndpoint');
  });

  it('deactivates an endpoint after confirmation', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'Deactivate https://crm.example.com/hooks' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate https://crm.example.com/hooks?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    const update = await waitFor(() => apollo.expectOne('UpdateWebhookEndpoint'));
    expect(update.operation.variables).toEqual({ id: 'e1', input: { active: false } });
    update.flushData({ updateWebhookEndpoint: endpoint('e1', 'https://crm.example.com/hooks', false) });

    await screen.findByRole('cell', { name: 'Inactive' });
    expect(screen.getByRole('button', { name: 'Activate https://crm.example.com/hooks' })).toBeTruthy();
  });

  it('deletes an endpoint after confirmation, and keeps it when cancelled', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'Delete https://crm.example.com/hooks' }));
    let dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    apollo.expectNone('DeleteWebhookEndpoint');

    fireEvent.click(screen.getByRole('button', { name: 'Delete https://crm.example.com/hooks' }));
    dialog = await screen.findByRole('dialog', { name: 'Delete https://crm.example.com/hooks?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    const remove = await waitFor(() => apollo.expectOne('DeleteWebhookEndpoint'));
    remove.flushData({ deleteWebhookEndpoint: 'e1' });

    await screen.findByText('No webhook endpoints yet.');
    expect(screen.getByText('Nothing delivered yet.')).toBeTruthy();
  });

  it('rotates the signing secret after confirmation and shows the new one once', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'Rotate secret of https://crm.example.com/hooks' }));
    const confirm = await screen.findByRole('dialog', {
      name: 'Rotate the secret of https://crm.example.com/hooks?',
    });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Rotate' }));
    const rotate = await waitFor(() => apollo.expectOne('RotateWebhookSecret'));
    expect(rotate.operation.variables).toEqual({ id: 'e1' });
    rotate.flushData({
      rotateWebhookSecret: {
        __typename: 'CreatedWebhookEndpoint',
        secret: 'whsec_rotated',
        endpoint: { ...endpoint('e1', 'https://crm.example.com/hooks'), secretPrefix: 'whsec_rot0' },
      },
    });

    const shown = await screen.findByRole('dialog', { name: 'New signing secret' });
    expect(within(shown).getByLabelText<HTMLInputElement>(/signing secret of/i).value).toBe('whsec_rotated');
    fireEvent.click(within(shown).getByRole('button', { name: 'I have stored the secret' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('cell', { name: 'whsec_rot0…' })).toBeTruthy();
  });

  it('shows only failed deliveries when asked, and loads older ones', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('radio', { name: 'Failed' }));
    const filtered = apollo.expectOne('WebhookDeliveries');
    expect(filtered.operation.variables).toEqual({ first: 50, status: 'FAILED' });
    filtered.flushData({
      webhookDeliveries: {
        __typename: 'WebhookDeliveryConnection',
        edges: [{ __typename: 'WebhookDeliveryEdge', node: delivery('d1', 'FAILED', 8) }],
        pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: true },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    const more = apollo.expectOne('WebhookDeliveries');
    expect(more.operation.variables).toEqual({ first: 50, after: 'c1', status: 'FAILED' });
    more.flushData({
      webhookDeliveries: {
        __typename: 'WebhookDeliveryConnection',
        edges: [
          {
            __typename: 'WebhookDeliveryEdge',
            node: { ...delivery('d0', 'FAILED', 8), lastStatusCode: 410 },
          },
        ],
        pageInfo: { __typename: 'PageInfo', endCursor: 'c2', hasNextPage: false },
      },
    });

    await screen.findByRole('cell', { name: 'HTTP 410' });
    const rows = within(
      screen.getByRole('table', { name: 'Recent webhook deliveries, newest first' }),
    ).getAllByRole('row');
    expect([rows.length - 1, screen.queryByRole('button', { name: 'Load more' })]).toEqual([2, null]);
  });

  it('redelivers a failed delivery', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: /^Redeliver handover.created/ }));
    const redeliver = apollo.expectOne('RedeliverWebhook');
    expect(redeliver.operation.variables).toEqual({ id: 'd1' });
    redeliver.flushData({ redeliverWebhook: { ...delivery('d1', 'PENDING', 0), lastStatusCode: 503 } });

    await screen.findByRole('cell', { name: 'Queued' });
    expect(screen.queryAllByRole('button', { name: /^Redeliver/ })).toHaveLength(0);
  });
});
