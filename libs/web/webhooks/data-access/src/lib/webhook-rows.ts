import { WEBHOOK_EVENTS, type WebhookEventName } from '@accord/domain/webhooks';
import {
  type WebhookDeliveryFieldsFragment,
  type WebhookEndpointFieldsFragment,
  utcMinute,
} from '@accord/web/shared/data-access';

/** The events an admin can subscribe an endpoint to, in the order the form lists them. */
export const WEBHOOK_EVENT_OPTIONS: readonly { value: WebhookEventName; label: string }[] =
  WEBHOOK_EVENTS.map((value) => ({ value, label: value }));

/** One line of the endpoints table, already worded for display. */
export interface WebhookEndpointRow {
  id: string;
  url: string;
  description: string;
  events: string;
  secret: string;
  created: string;
  status: string;
  active: boolean;
}

export function toEndpointRow(endpoint: WebhookEndpointFieldsFragment): WebhookEndpointRow {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events.join(', '),
    secret: `${endpoint.secretPrefix}…`,
    created: utcMinute(endpoint.createdAt),
    status: endpoint.active ? 'Active' : 'Inactive',
    active: endpoint.active,
  };
}

/** Active endpoints first, then newest first. */
export function sortEndpoints(
  endpoints: readonly WebhookEndpointFieldsFragment[],
): WebhookEndpointFieldsFragment[] {
  return [...endpoints].sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      b.createdAt.localeCompare(a.createdAt) ||
      a.id.localeCompare(b.id),
  );
}

/** One line of the deliveries table, already worded for display. */
export interface WebhookDeliveryRow {
  id: string;
  event: string;
  endpointUrl: string;
  created: string;
  status: string;
  attempts: number;
  lastAnswer: string;
  next: string;
  /** Delivered and failed deliveries can be sent again; pending ones are already waiting. */
  canRedeliver: boolean;
}

export function toDeliveryRow(delivery: WebhookDeliveryFieldsFragment): WebhookDeliveryRow {
  return {
    id: delivery.id,
    event: delivery.event,
    endpointUrl: delivery.endpointUrl,
    created: utcMinute(delivery.createdAt),
    status: deliveryStatus(delivery),
    attempts: delivery.attempts,
    lastAnswer: lastAnswer(delivery),
    next: delivery.status === 'PENDING' && delivery.nextAttemptAt ? utcMinute(delivery.nextAttemptAt) : '—',
    canRedeliver: delivery.status !== 'PENDING',
  };
}

function deliveryStatus(delivery: WebhookDeliveryFieldsFragment): string {
  switch (delivery.status) {
    case 'DELIVERED':
      return delivery.deliveredAt ? `Delivered ${utcMinute(delivery.deliveredAt)}` : 'Delivered';
    case 'FAILED':
      return 'Failed';
    case 'PENDING':
      return delivery.attempts === 0 ? 'Queued' : 'Retrying';
  }
}

function lastAnswer(delivery: WebhookDeliveryFieldsFragment): string {
  if (delivery.attempts === 0 && delivery.lastStatusCode === null && delivery.lastError === null) return '—';
  if (delivery.lastError) return delivery.lastError;
  return delivery.lastStatusCode === null ? 'No answer' : `HTTP ${delivery.lastStatusCode}`;
}
