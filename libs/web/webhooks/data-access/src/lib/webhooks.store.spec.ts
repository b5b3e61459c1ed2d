import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { WebhooksStore } from './webhooks.store';

function endpoint(id: string, active = true) {
  return {
    __typename: 'WebhookEndpoint',
    id,
    url: `https://${id}.example.com/hooks`,
    description: '',
    events: ['handover.created'],
    active,
    secretPrefix: 'whsec_ab12',
    createdAt: '2026-11-20T08:15:00.000Z',
    updatedAt: '2026-11-20T08:15:00.000Z',
  };
}

function delivery(id: string, endpointId: string, status = 'FAILED') {
  return {
    __typename: 'WebhookDelivery',
    id,
    eventId: `event-${id}`,
    event: 'handover.created',
    endpointId,
    endpointUrl: `https://${endpointId}.example.com/hooks`,
    status,
    attempts: status === 'PENDING' ? 0 : 8,
    nextAttemptAt: status === 'PENDING' ? '2026-11-25T09:00:00.000Z' : null,
    lastAttemptAt: null,
    lastStatusCode: status === 'PENDING' ? null : 503,
    lastError: null,
    deliveredAt: null,
    createdAt: '2026-11-20T08:15:00.000Z',
  };
}

function connection(...nodes: ReturnType<typeof delivery>[]) {
  return page(null, ...nodes);
}

function page(endCursor: string | null, ...nodes: ReturnType<typeof delivery>[]) {
  return {
    __typename: 'WebhookDeliveryConnection',
    edges: nodes.map((node) => ({ __typename: 'WebhookDeliveryEdge', node })),
    pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage: endCursor !== null },
  };
}

async function loaded(endpoints: ReturnType<typeof endpoint>[], deliveries: ReturnType<typeof delivery>[]) {
  return loadedWith(endpoints, connection(...deliveries));
}

async function loadedWith(endpoints: ReturnType<typeof endpoint>[], deliveries: ReturnType<typeof page>) {
  TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [WebhooksStore] });
  const store = TestBed.inject(WebhooksStore);
  const apollo = TestBed.inject(ApolloTestingController);
  const loading = store.load();
  apollo.expectOne('WebhookEndpoints').flushData({ webhookEndpoints: endpoints });
  const query = apollo.expectOne('WebhookDeliveries');
  expect(query.operation.variables).toEqual({ first: 50 });
  query.flushData({ webhookDeliveries: deliveries });
  await loading;
  return { store, apollo };
}

const FORBIDDEN = [{ message: 'Only admins.', extensions: { code: 'FORBIDDEN' } }];

describe('WebhooksStore', () => {
  it('adds a created endpoint and hands back its secret', async () => {
    const { store, apollo } = await loaded([endpoint('a')], []);

    const creating = store.create({ url: 'https://b.example.com/hooks', events: ['handover.created'] });
    const create = apollo.expectOne('CreateWebhookEndpoint');
    expect(create.operation.variables).toEqual({
      input: { url: 'https://b.example.com/hooks', events: ['handover.created'] },
    });
    create.flushData({
      createWebhookEndpoint: {
        __typename: 'CreatedWebhookEndpoint',
        secret: 'whsec_b',
        endpoint: endpoint('b'),
      },
    });
    const result = await creating;

    expect(result.ok && result.value.secret).toBe('whsec_b');
    expect(
      store
        .endpointRows()
        .map((row) => row.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('deactivates an endpoint and reloads its deliveries, which the API failed', async () => {
    const { store, apollo } = await loaded([endpoint('a')], [delivery('d1', 'a', 'PENDING')]);

    const deactivating = store.setActive('a', false);
    const update = apollo.expectOne('UpdateWebhookEndpoint');
    expect(update.operation.variables).toEqual({ id: 'a', input: { active: false } });
    update.flushData({ updateWebhookEndpoint: endpoint('a', false) });
    await Promise.resolve();
    await waitForOperation(apollo, 'WebhookDeliveries').then((query) =>
      query.flushData({ webhookDeliveries: connection(delivery('d1', 'a', 'FAILED')) }),
    );
    await deactivating;

    expect([store.endpointRows()[0].status, store.deliveryRows()[0].status]).toEqual(['Inactive', 'Failed']);
  });

  it('hands back a rotated secret and shows the new prefix', async () => {
    const { store, apollo } = await loaded([endpoint('a')], []);

    const rotating = store.rotateSecret('a');
    const rotate = apollo.expectOne('RotateWebhookSecret');
    expect(rotate.operation.variables).toEqual({ id: 'a' });
    rotate.flushData({
      rotateWebhookSecret: {
        __typename: 'CreatedWebhookEndpoint',
        secret: 'whsec_new',
        endpoint: { ...endpoint('a'), secretPrefix: 'whsec_new0' },
      },
    });
    const result = await rotating;

    expect([result.ok && result.value.secret, store.endpointRows()[0].secret]).toEqual([
      'whsec_new',
      'whsec_new0…',
    ]);
  });

  it('removes a deleted endpoint with its deliveries', async () => {
    const { store, apollo } = await loaded(
      [endpoint('a'), endpoint('b')],
      [delivery('d1', 'a'), delivery('d2', 'b')],
    );

    const removing = store.remove('a');
    apollo.expectOne('DeleteWebhookEndpoint').flushData({ deleteWebhookEndpoint: 'a' });
    await removing;

    expect([store.endpointRows().map((row) => row.id), store.deliveryRows().map((row) => row.id)]).toEqual([
      ['b'],
      ['d2'],
    ]);
  });

  it('shows a redelivered delivery as queued again', async () => {
    const { store, apollo } = await loaded([endpoint('a')], [delivery('d1', 'a', 'FAILED')]);

    const redelivering = store.redeliver('d1');
    apollo.expectOne('RedeliverWebhook').flushData({ redeliverWebhook: delivery('d1', 'a', 'PENDING') });
    await redelivering;

    expect(store.deliveryRows().map((row) => [row.id, row.status, row.canRedeliver])).toEqual([
      ['d1', 'Queued', false],
    ]);
  });

  it('filters deliveries by status and pages through older ones', async () => {
    TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [WebhooksStore] });
    const store = TestBed.inject(WebhooksStore);
    const apollo = TestBed.inject(ApolloTestingController);
    const loading = store.load();
    apollo.expectOne('WebhookEndpoints').flushData({ webhookEndpoints: [endpoint('a')] });
    apollo.expectOne('WebhookDeliveries').flushData({ webhookDeliveries: connection(delivery('d1', 'a')) });
    await loading;

    const filtering = store.showStatus('FAILED');
    const filtered = apollo.expectOne('WebhookDeliveries');
    expect(filtered.operation.variables).toEqual({ first: 50, status: 'FAILED' });
    filtered.flushData({ webhookDeliveries: page('cursor-1', delivery('d2', 'a'), delivery('d3', 'a')) });
    await filtering;
    expect([store.deliveryRows().map((row) => row.id), store.hasMore()]).toEqual([['d2', 'd3'], true]);

    const more = store.loadMore();
    const next = apollo.expectOne('WebhookDeliveries');
    expect(next.operation.variables).toEqual({ first: 50, after: 'cursor-1', status: 'FAILED' });
    next.flushData({ webhookDeliveries: connection(delivery('d4', 'a')) });
    await more;

    expect([store.deliveryRows().map((row) => row.id), store.hasMore()]).toEqual([['d2', 'd3', 'd4'], false]);
  });

  it('drops the answer of a status filter that a newer one replaced, cursor included', async () => {
    const { store, apollo } = await loaded([endpoint('a')], [delivery('d1', 'a')]);

    const failed = store.showStatus('FAILED');
    const delivered = store.showStatus('DELIVERED');
    const [failedQuery, deliveredQuery] = apollo.match('WebhookDeliveries');
    deliveredQuery.flushData({ webhookDeliveries: page('cursor-d', delivery('d2', 'a', 'DELIVERED')) });
    await delivered;
    failedQuery.flushData({ webhookDeliveries: page('cursor-f', delivery('d3', 'a', 'FAILED')) });
    await failed;
    expect([store.deliveryRows().map((row) => [row.id, row.status]), store.loading()]).toEqual([
      [['d2', 'Delivered']],
      false,
    ]);

    const more = store.loadMore();
    const next = apollo.expectOne('WebhookDeliveries');
    expect(next.operation.variables).toEqual({ first: 50, after: 'cursor-d', status: 'DELIVERED' });
    next.flushData({ webhookDeliveries: connection() });
    await more;
  });

  it('stays loading while the newest filter is out, though an older one answered', async () => {
    const { store, apollo } = await loaded([endpoint('a')], [delivery('d1', 'a')]);

    const failed = store.showStatus('FAILED');
    const delivered = store.showStatus('DELIVERED');
    const [failedQuery, deliveredQuery] = apollo.match('WebhookDeliveries');
    failedQuery.flushData({ webhookDeliveries: connection(delivery('d3', 'a', 'FAILED')) });
    await failed;
    expect([store.loading(), store.deliveryRows().map((row) => row.id)]).toEqual([true, ['d1']]);

    deliveredQuery.flushData({ webhookDeliveries: connection(delivery('d2', 'a', 'DELIVERED')) });
    await delivered;
    expect([store.loading(), store.deliveryRows().map((row) => row.id)]).toEqual([false, ['d2']]);
  });

  it('asks for no further page while a new list is loading, whose cursor is not known yet', async () => {
    const { store, apollo } = await loadedWith([endpoint('a')], page('cursor-1', delivery('d1', 'a')));

    const filtering = store.showStatus('FAILED');
    await store.loadMore();
    const [filtered] = apollo.match('WebhookDeliveries');
    apollo.expectNone('WebhookDeliveries');
    filtered.flushData({ webhookDeliveries: connection(delivery('d2', 'a')) });
    await filtering;

    expect(store.deliveryRows().map((row) => row.id)).toEqual(['d2']);
  });

  it('clears the alert of a failed "Load more" when the next request starts', async () => {
    const { store, apollo } = await loadedWith([endpoint('a')], page('cursor-1', delivery('d1', 'a')));

    const failing = store.loadMore();
    apollo.expectOne('WebhookDeliveries').graphqlErrors(FORBIDDEN);
    await failing;
    expect([store.loadError()?.code, store.deliveryRows().map((row) => row.id)]).toEqual([
      'FORBIDDEN',
      ['d1'],
    ]);

    const retrying = store.loadMore();
    expect(store.loadError()).toBeNull();
    apollo.expectOne('WebhookDeliveries').flushData({ webhookDeliveries: connection(delivery('d0', 'a')) });
    await retrying;
    expect([store.loadError(), store.deliveryRows().map((row) => row.id)]).toEqual([null, ['d1', 'd0']]);
  });

  it('clears the alert of a failed list when another status is chosen', async () => {
    const { store, apollo } = await loaded([endpoint('a')], [delivery('d1', 'a')]);

    const failing = store.showStatus('FAILED');
    apollo.expectOne('WebhookDeliveries').graphqlErrors(FORBIDDEN);
    await failing;
    // The failed filter shows no rows rather than those of the previous one.
    expect([store.loadError()?.code, store.deliveryRows()]).toEqual(['FORBIDDEN', []]);

    const filtering = store.showStatus(null);
    expect(store.loadError()).toBeNull();
    apollo.expectOne('WebhookDeliveries').flushData({ webhookDeliveries: connection(delivery('d1', 'a')) });
    await filtering;
    expect([store.loadError(), store.deliveryRows().map((row) => row.id)]).toEqual([null, ['d1']]);
  });

  it('keeps the error when the webhooks cannot be loaded', async () => {
    TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [WebhooksStore] });
    const store = TestBed.inject(WebhooksStore);
    const apollo = TestBed.inject(ApolloTestingController);
    const loading = store.load();
    apollo.expectOne('WebhookEndpoints').graphqlErrors(FORBIDDEN);
    apollo.expectOne('WebhookDeliveries').graphqlErrors(FORBIDDEN);
    await loading;

    expect([store.loadError()?.code, store.endpointRows(), store.deliveryRows()]).toEqual([
      'FORBIDDEN',
      [],
      [],
    ]);
  });
});

/** The store sends its follow-up query after awaiting the mutation: wait for it to appear. */
async function waitForOperation(apollo: ApolloTestingController, name: string) {
  for (let tries = 0; tries < 20; tries += 1) {
    const [found] = apollo.match(name);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return apollo.expectOne(name);
}
