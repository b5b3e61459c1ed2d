import type {
  WebhookDeliveryFieldsFragment,
  WebhookEndpointFieldsFragment,
} from '@accord/web/shared/data-access';

import { WEBHOOK_EVENT_OPTIONS, sortEndpoints, toDeliveryRow, toEndpointRow } from './webhook-rows';

function endpoint(overrides: Partial<WebhookEndpointFieldsFragment>): WebhookEndpointFieldsFragment {
  return {
    id: 'e1',
    url: 'https://crm.example.com/hooks',
    description: 'CRM',
    events: ['handover.created', 'handover.decided'],
    active: true,
    secretPrefix: 'whsec_ab12',
    createdAt: '2026-11-20T08:15:00.000Z',
    updatedAt: '2026-11-20T08:15:00.000Z',
    ...overrides,
  };
}

function delivery(overrides: Partial<WebhookDeliveryFieldsFragment>): WebhookDeliveryFieldsFragment {
  return {
    id: 'd1',
    eventId: 'v1',
    event: 'handover.created',
    endpointId: 'e1',
    endpointUrl: 'https://crm.example.com/hooks',
    status: 'PENDING',
    attempts: 0,
    nextAttemptAt: '2026-11-20T08:15:00.000Z',
    lastAttemptAt: null,
    lastStatusCode: null,
    lastError: null,
    deliveredAt: null,
    createdAt: '2026-11-20T08:15:00.000Z',
    ...overrides,
  };
}

describe('WEBHOOK_EVENT_OPTIONS', () => {
  it('offers the five events', () => {
    expect(WEBHOOK_EVENT_OPTIONS.map((option) => option.value)).toEqual([
      'handover.created',
      'handover.decided',
      'handover.expired',
      'opportunity.closed',
      'agreement.published',
    ]);
  });
});

describe('toEndpointRow', () => {
  it('words an endpoint', () => {
    expect(toEndpointRow(endpoint({}))).toEqual({
      id: 'e1',
      url: 'https://crm.example.com/hooks',
      description: 'CRM',
      events: 'handover.created, handover.decided',
      secret: 'whsec_ab12…',
      created: '20 Nov 2026, 08:15 UTC',
      status: 'Active',
      active: true,
    });
    expect(toEndpointRow(endpoint({ active: false }))).toMatchObject({ status: 'Inactive', active: false });
  });

  it('puts active endpoints first, newest first', () => {
    const sorted = sortEndpoints([
      endpoint({ id: 'old', createdAt: '2026-01-01T00:00:00.000Z' }),
      endpoint({ id: 'off', active: false, createdAt: '2026-12-01T00:00:00.000Z' }),
      endpoint({ id: 'new', createdAt: '2026-06-01T00:00:00.000Z' }),
    ]);
    expect(sorted.map((entry) => entry.id)).toEqual(['new', 'old', 'off']);
  });
});

describe('toDeliveryRow', () => {
  it('words queued, retrying, delivered and failed deliveries', () => {
    const rows = [
      delivery({}),
      delivery({
        attempts: 2,
        lastStatusCode: 500,
        lastError: 'HTTP 500: boom',
        nextAttemptAt: '2026-11-20T08:17:00.000Z',
      }),
      delivery({
        status: 'DELIVERED',
        attempts: 1,
        lastStatusCode: 204,
        nextAttemptAt: null,
        deliveredAt: '2026-11-20T08:16:00.000Z',
      }),
      delivery({
        status: 'FAILED',
        attempts: 8,
        lastError: 'ECONNREFUSED: connect ECONNREFUSED',
        nextAttemptAt: null,
      }),
    ].map(toDeliveryRow);

    expect(rows.map((row) => [row.status, row.attempts, row.lastAnswer, row.next, row.canRedeliver])).toEqual(
      [
        ['Queued', 0, '—', '20 Nov 2026, 08:15 UTC', false],
        ['Retrying', 2, 'HTTP 500: boom', '20 Nov 2026, 08:17 UTC', false],
        ['Delivered 20 Nov 2026, 08:16 UTC', 1, 'HTTP 204', '—', true],
        ['Failed', 8, 'ECONNREFUSED: connect ECONNREFUSED', '—', true],
      ],
    );
  });
});
