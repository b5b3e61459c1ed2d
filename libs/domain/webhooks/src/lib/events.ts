/** Every event Accord sends to webhook endpoints. */
export const WEBHOOK_EVENTS = [
  'handover.created',
  'handover.decided',
  'handover.expired',
  'opportunity.closed',
  'agreement.published',
] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEventName(value: string): value is WebhookEventName {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/**
 * A 0–100 score as payloads carry it: to two decimals, so a sum's floating-point noise (99.99999999999999) reaches
 * receivers as the 100 it is, while the decimals that decayed intent really has (37.84) are kept.
 */
export function payloadScore(score: number): number {
  return Math.round(score * 100) / 100;
}

/** What a delivery's body holds: the event's envelope around its payload (`data`). */
export interface WebhookEnvelope {
  /** The event's id: one event sent to several endpoints keeps it. */
  id: string;
  type: WebhookEventName;
  workspaceId: string;
  /** When the change happened, ISO 8601. */
  occurredAt: string;
  data: Record<string, unknown>;
}

/** The exact bytes sent (and signed); the same for every attempt of a delivery. */
export function webhookBody(envelope: WebhookEnvelope): string {
  return JSON.stringify({
    id: envelope.id,
    type: envelope.type,
    workspaceId: envelope.workspaceId,
    occurredAt: envelope.occurredAt,
    data: envelope.data,
  });
}
