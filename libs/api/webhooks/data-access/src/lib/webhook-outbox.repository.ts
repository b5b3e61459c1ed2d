import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { WebhookEventName } from '@accord/domain/webhooks';

/**
 * The one way features emit webhooks. Call enqueue inside the transaction that makes the change, with its
 * manager (already scoped to the workspace by TenantDb.inWorkspace): the event and its deliveries commit or roll
 * back with the change, so a crash between the two loses neither. The delivery worker sends them later.
 */
@Injectable()
export class WebhookOutboxRepository {
  /**
   * Queues `event` with `payload` (the event's `data`, JSON-serialisable) for every active endpoint of the
   * current workspace subscribed to it: one statement, nothing stored when no endpoint listens. `at` is when
   * the change happened (the caller's clock): it becomes the event's occurredAt and the first attempt's time.
   */
  enqueue(
    manager: EntityManager,
    event: WebhookEventName,
    payload: Record<string, unknown>,
    at: Date,
  ): Promise<void> {
    return this.enqueueMany(manager, event, [payload], at);
  }

  /** Queues one `event` per payload, as enqueue does, in one statement however many there are. */
  async enqueueMany(
    manager: EntityManager,
    event: WebhookEventName,
    payloads: readonly Record<string, unknown>[],
    at: Date,
  ): Promise<void> {
    if (payloads.length === 0) return;
    await manager.query(
      `WITH endpoints AS (
         SELECT id FROM webhook_endpoints WHERE active AND $1 = ANY(events)),
       stored AS (
         INSERT INTO webhook_events (workspace_id, id, type, payload, occurred_at)
         SELECT accord_current_workspace(), gen_random_uuid(), $1, p.payload, $3
           FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS p(payload, position)
          WHERE EXISTS (SELECT 1 FROM endpoints)
          ORDER BY p.position
         RETURNING workspace_id, id)
       INSERT INTO webhook_deliveries (workspace_id, id, event_id, endpoint_id, status, attempts, next_attempt_at, created_at)
       SELECT s.workspace_id, gen_random_uuid(), s.id, e.id, 'PENDING', 0, $3, $3
         FROM stored s CROSS JOIN endpoints e`,
      [event, JSON.stringify(payloads), at],
    );
  }
}
