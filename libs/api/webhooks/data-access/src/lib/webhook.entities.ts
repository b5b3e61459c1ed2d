import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { WorkspaceEntity } from '@accord/api/members/data-access';
import type { WebhookEventName } from '@accord/domain/webhooks';

/** An admin's receiver of events: where to send which events, and the secret deliveries are signed with. */
@Entity({ name: 'webhook_endpoints' })
@Check('webhook_endpoints_events_check', `cardinality("events") > 0`)
export class WebhookEndpointEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'webhook_endpoints_workspace_fkey' })
  workspace?: WorkspaceEntity;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  description!: string;

  /** The events this endpoint subscribes to. */
  @Column({ type: 'varchar', length: 40, array: true })
  events!: WebhookEventName[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /**
   * The signing secret, encrypted (AES-256-GCM, `v1.<iv>.<tag>.<ciphertext>` in base64url) with a key derived
   * from the server's secret: it must be recoverable to sign, so it cannot be hashed like an API key.
   */
  @Column({ name: 'secret_ciphertext', type: 'text' })
  secretCiphertext!: string;

  /** The first characters of the secret, so admins can tell which one a receiver holds. */
  @Column({ name: 'secret_prefix', type: 'varchar', length: 16 })
  secretPrefix!: string;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One event to send, its payload stored once for all the endpoints it goes to. */
@Entity({ name: 'webhook_events' })
export class WebhookEventEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'webhook_events_workspace_fkey' })
  workspace?: WorkspaceEntity;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: WebhookEventName;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}

export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One event to one endpoint: the outbox row the worker sends, retries and records. A PENDING row is due at
 * next_attempt_at; a worker that takes it moves next_attempt_at past the attempt's timeout first (a lease), so a
 * worker that dies mid-attempt leaves it due again.
 */
@Entity({ name: 'webhook_deliveries' })
@Check('webhook_deliveries_status_check', `"status" IN ('PENDING', 'DELIVERED', 'FAILED')`)
@Check('webhook_deliveries_due_check', `("status" = 'PENDING') = ("next_attempt_at" IS NOT NULL)`)
@Index('webhook_deliveries_due_idx', ['nextAttemptAt'], { where: `"status" = 'PENDING'` })
@Index('webhook_deliveries_newest_idx', ['workspaceId', 'createdAt', 'id'])
@Index('webhook_deliveries_endpoint_idx', ['workspaceId', 'endpointId', 'createdAt'])
@Index('webhook_deliveries_event_idx', ['workspaceId', 'eventId'])
export class WebhookDeliveryEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => WebhookEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'workspace_id', referencedColumnName: 'workspaceId' },
    { name: 'event_id', referencedColumnName: 'id' },
  ])
  event?: WebhookEventEntity;

  /** Deleting an endpoint deletes its deliveries: their history goes with it. */
  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId!: string;

  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'workspace_id', referencedColumnName: 'workspaceId' },
    { name: 'endpoint_id', referencedColumnName: 'id' },
  ])
  endpoint?: WebhookEndpointEntity;

  @Column({ type: 'varchar', length: 10 })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode!: number | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Every entity of this library, for data sources that list entities explicitly. */
export const WEBHOOK_ENTITIES = [WebhookEndpointEntity, WebhookEventEntity, WebhookDeliveryEntity];
