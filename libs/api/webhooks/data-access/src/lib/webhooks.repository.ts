import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { returnedRows } from '@accord/api/shared/database';
import type { WebhookEventName } from '@accord/domain/webhooks';

import { WebhookDeliveryStatus, WebhookEndpointEntity } from './webhook.entities';

/** A delivery as admins list it: the row with its event's type and its endpoint's URL. */
export interface DeliveryRow {
  id: string;
  eventId: string;
  eventType: WebhookEventName;
  endpointId: string;
  endpointUrl: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

/** A delivery the worker has taken for one attempt, with everything needed to send it. */
export interface ClaimedDelivery {
  workspaceId: string;
  id: string;
  /** The attempt being made (1-based); recording the outcome checks it, so a late worker changes nothing. */
  attempts: number;
  eventId: string;
  eventType: WebhookEventName;
  payload: Record<string, unknown>;
  occurredAt: Date;
  url: string;
  secretCiphertext: string;
}

export interface DeliveryFilter {
  status?: WebhookDeliveryStatus | null;
  endpointId?: string | null;
}

export interface AttemptResult {
  status: WebhookDeliveryStatus;
  nextAttemptAt: Date | null;
  statusCode: number | null;
  error: string | null;
  deliveredAt: Date | null;
}

interface RawDelivery {
  id: string;
  event_id: string;
  event_type: WebhookEventName;
  endpoint_id: string;
  endpoint_url: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

const DELIVERY_COLUMNS = `d.id, d.event_id, v.type AS event_type, d.endpoint_id, e.url AS endpoint_url, d.status,
  d.attempts, d.next_attempt_at, d.last_attempt_at, d.last_status_code, d.last_error, d.delivered_at, d.created_at`;

function toDelivery(row: RawDelivery): DeliveryRow {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    endpointId: row.endpoint_id,
    endpointUrl: row.endpoint_url,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  };
}

/** Webhook endpoints and their deliveries, in the calling transaction's scope. */
@Injectable()
export class WebhooksRepository {
  async insertEndpoint(
    manager: EntityManager,
    endpoint: Omit<WebhookEndpointEntity, 'workspace'>,
  ): Promise<WebhookEndpointEntity> {
    await manager.insert(WebhookEndpointEntity, endpoint);
    return (await this.findEndpoint(manager, endpoint.id)) as WebhookEndpointEntity;
  }

  findEndpoint(manager: EntityManager, id: string): Promise<WebhookEndpointEntity | null> {
    return manager.findOneBy(WebhookEndpointEntity, { id });
  }

  listEndpoints(manager: EntityManager): Promise<WebhookEndpointEntity[]> {
    return manager.find(WebhookEndpointEntity, { order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** Null when the endpoint does not exist in this workspace. */
  async updateEndpoint(
    manager: EntityManager,
    id: string,
    changes: Partial<Pick<WebhookEndpointEntity, 'url' | 'description' | 'events' | 'active'>>,
    at: Date,
  ): Promise<WebhookEndpointEntity | null> {
    const result = await manager.update(WebhookEndpointEntity, { id }, { ...changes, updatedAt: at });
    return result.affected === 1 ? this.findEndpoint(manager, id) : null;
  }

  /** Replaces the signing secret; null when the endpoint does not exist in this workspace. */
  async replaceSecret(
    manager: EntityManager,
    id: string,
    secret: Pick<WebhookEndpointEntity, 'secretCiphertext' | 'secretPrefix'>,
    at: Date,
  ): Promise<WebhookEndpointEntity | null> {
    const result = await manager.update(WebhookEndpointEntity, { id }, { ...secret, updatedAt: at });
    return result.affected === 1 ? this.findEndpoint(manager, id) : null;
  }

  /** Deletes the endpoint with its deliveries (and events no other endpoint still has); false when absent. */
  async deleteEndpoint(manager: EntityManager, id: string): Promise<boolean> {
    const deleted = returnedRows<{ id: string }>(
      await manager.query(
        `WITH gone AS (DELETE FROM webhook_deliveries WHERE endpoint_id = $1 RETURNING event_id),
              endpoint AS (DELETE FROM webhook_endpoints WHERE id = $1 RETURNING id),
              orphans AS (
                DELETE FROM webhook_events v
                 WHERE v.id IN (SELECT event_id FROM gone)
                   AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = v.id AND d.endpoint_id <> $1))
         SELECT id FROM endpoint`,
        [id],
      ),
    );
    return deleted.length === 1;
  }

  /** Gives up the endpoint's waiting deliveries, when it is deactivated; returns how many. */
  async failPending(manager: EntityManager, endpointId: string, error: string): Promise<number> {
    const rows = returnedRows(
      await manager.query(
        `UPDATE webhook_deliveries SET status = 'FAILED', next_attempt_at = NULL, last_error = $2
          WHERE endpoint_id = $1 AND status = 'PENDING' RETURNING 1`,
        [endpointId, error],
      ),
    );
    return rows.length;
  }

  /** Newest first; `after` is the last row's (createdAt, id) of the previous page. */
  async pageDeliveries(
    manager: EntityManager,
    filter: DeliveryFilter,
    first: number,
    after: { createdAt: Date; id: string } | null,
  ): Promise<{ rows: DeliveryRow[]; hasNextPage: boolean }> {
    const rows: RawDelivery[] = await manager.query(
      `SELECT ${DELIVERY_COLUMNS}
         FROM webhook_deliveries d
         JOIN webhook_events v ON v.id = d.event_id
         JOIN webhook_endpoints e ON e.id = d.endpoint_id
        WHERE ($1::text IS NULL OR d.status = $1)
          AND ($2::uuid IS NULL OR d.endpoint_id = $2)
          AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3, $4::uuid))
        ORDER BY d.created_at DESC, d.id DESC
        LIMIT $5`,
      [
        filter.status ?? null,
        filter.endpointId ?? null,
        after?.createdAt ?? null,
        after?.id ?? null,
        first + 1,
      ],
    );
    return { rows: rows.slice(0, first).map(toDelivery), hasNextPage: rows.length > first };
  }

  async findDelivery(manager: EntityManager, id: string): Promise<DeliveryRow | null> {
    const rows: RawDelivery[] = await manager.query(
      `SELECT ${DELIVERY_COLUMNS}
         FROM webhook_deliveries d
         JOIN webhook_events v ON v.id = d.event_id
         JOIN webhook_endpoints e ON e.id = d.endpoint_id
        WHERE d.id = $1`,
      [id],
    );
    return rows[0] ? toDelivery(rows[0]) : null;
  }

  /**
   * Queues a finished delivery (DELIVERED or FAILED) again, due at `at`, with a fresh count of attempts and the
   * same id (receivers deduplicate by it). False when it is still PENDING or its endpoint is inactive.
   */
  async redeliver(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const rows = returnedRows(
      await manager.query(
        `UPDATE webhook_deliveries d SET status = 'PENDING', attempts = 0, next_attempt_at = $2, delivered_at = NULL
           FROM webhook_endpoints e
          WHERE d.id = $1 AND d.status <> 'PENDING' AND e.id = d.endpoint_id AND e.active
          RETURNING 1`,
        [id, at],
      ),
    );
    return rows.length === 1;
  }

  /** Under the system scope (read-only): workspaces with deliveries due at `now`. */
  async workspacesWithDue(manager: EntityManager, now: Date, limit: number): Promise<string[]> {
    const rows: { workspace_id: string }[] = await manager.query(
      `SELECT DISTINCT workspace_id FROM webhook_deliveries
        WHERE status = 'PENDING' AND next_attempt_at <= $1 LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.workspace_id);
  }

  /**
   * Takes up to `limit` due deliveries of the current workspace for one attempt each: counts the attempt and
   * moves next_attempt_at to `leaseUntil`, so nobody else takes them meanwhile, and a worker that dies leaves
   * them due again then. SKIP LOCKED: concurrent workers take different rows.
   */
  async claimDue(
    manager: EntityManager,
    now: Date,
    leaseUntil: Date,
    limit: number,
  ): Promise<ClaimedDelivery[]> {
    const rows: {
      workspace_id: string;
      id: string;
      attempts: number;
      event_id: string;
      type: WebhookEventName;
      payload: Record<string, unknown>;
      occurred_at: Date;
      url: string;
      secret_ciphertext: string;
    }[] = await manager.query(
      `WITH due AS (
         SELECT d.id FROM webhook_deliveries d
          WHERE d.status = 'PENDING' AND d.next_attempt_at <= $1
            AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.id = d.endpoint_id AND e.active)
          ORDER BY d.next_attempt_at
          LIMIT $3
          FOR UPDATE OF d SKIP LOCKED),
       claimed AS (
         UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = $2, last_attempt_at = $1
           FROM due WHERE d.id = due.id
         RETURNING d.workspace_id, d.id, d.attempts, d.event_id, d.endpoint_id)
       SELECT c.workspace_id, c.id, c.attempts, c.event_id, v.type, v.payload, v.occurred_at, e.url, e.secret_ciphertext
         FROM claimed c
         JOIN webhook_events v ON v.id = c.event_id
         JOIN webhook_endpoints e ON e.id = c.endpoint_id`,
      [now, leaseUntil, limit],
    );
    return rows.map((row) => ({
      workspaceId: row.workspace_id,
      id: row.id,
      attempts: row.attempts,
      eventId: row.event_id,
      eventType: row.type,
      payload: row.payload,
      occurredAt: row.occurred_at,
      url: row.url,
      secretCiphertext: row.secret_ciphertext,
    }));
  }

  /**
   * Records the outcomes of a batch of attempts in one statement, each only if its delivery is still on the
   * attempt that was claimed (a delivery that moved on meanwhile keeps its state); returns how many were recorded.
   * One value PostgreSQL refuses fails the whole batch, so errors must come storable (the worker's storableText).
   */
  async recordAttempts(
    manager: EntityManager,
    results: readonly (AttemptResult & { id: string; attempts: number })[],
  ): Promise<number> {
    if (results.length === 0) return 0;
    const rows = returnedRows(
      await manager.query(
        `UPDATE webhook_deliveries d
            SET status = r.status, next_attempt_at = r.next_attempt_at, last_status_code = r.status_code,
                last_error = r.error, delivered_at = r.delivered_at
           FROM unnest($1::uuid[], $2::int[], $3::text[], $4::timestamptz[], $5::int[], $6::text[], $7::timestamptz[])
                AS r(id, attempts, status, next_attempt_at, status_code, error, delivered_at)
          WHERE d.id = r.id AND d.attempts = r.attempts AND d.status = 'PENDING'
          RETURNING 1`,
        [
          results.map((result) => result.id),
          results.map((result) => result.attempts),
          results.map((result) => result.status),
          results.map((result) => result.nextAttemptAt),
          results.map((result) => result.statusCode),
          results.map((result) => result.error),
          results.map((result) => result.deliveredAt),
        ],
      ),
    );
    return rows.length;
  }
}
