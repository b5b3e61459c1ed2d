import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import type { AuthMember } from '@accord/api/shared/auth';
import { AppConfig, Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { AppError, decodeCursor, encodeCursor } from '@accord/api/shared/graphql';
import { DeliveryRow, WebhookEndpointEntity, WebhooksRepository } from '@accord/api/webhooks/data-access';
import { endpointUrlProblems } from '@accord/domain/webhooks';
import { canUse } from '@accord/domain/workspace';

import {
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookDeliveriesArgs,
} from './dto/webhook.inputs';
import {
  CreatedWebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookEndpoint,
} from './models/webhook.model';
import { WebhookSecrets } from './webhook-secrets';

export function toWebhookEndpoint(entity: WebhookEndpointEntity): WebhookEndpoint {
  return {
    id: entity.id,
    url: entity.url,
    description: entity.description,
    events: entity.events,
    active: entity.active,
    secretPrefix: entity.secretPrefix,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

export function toWebhookDelivery(row: DeliveryRow): WebhookDelivery {
  const { eventType, ...rest } = row;
  return { ...rest, event: eventType };
}

/** Admins' webhook endpoints and the record of what was sent to them. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly webhooks: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async create(actor: AuthMember, input: CreateWebhookEndpointInput): Promise<CreatedWebhookEndpoint> {
    this.authorize(actor);
    const url = this.checkUrl(input.url);
    const secret = this.secrets.generate();
    const now = this.clock.now();
    const endpoint = await this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
      this.webhooks.insertEndpoint(manager, {
        workspaceId: actor.workspaceId,
        id: randomUUID(),
        url,
        description: input.description?.trim() ?? '',
        events: [...input.events],
        active: true,
        secretCiphertext: this.secrets.encrypt(secret),
        secretPrefix: this.secrets.prefix(secret),
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
      }),
    );
    return { endpoint: toWebhookEndpoint(endpoint), secret };
  }

  async list(actor: AuthMember): Promise<WebhookEndpoint[]> {
    this.authorize(actor);
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) =>
      (await this.webhooks.listEndpoints(manager)).map(toWebhookEndpoint),
    );
  }

  /** Deactivating fails the endpoint's waiting deliveries (they can be redelivered once it is active again). */
  async update(actor: AuthMember, id: string, input: UpdateWebhookEndpointInput): Promise<WebhookEndpoint> {
    this.authorize(actor);
    const changes: Parameters<WebhooksRepository['updateEndpoint']>[2] = {};
    if (input.url != null) changes.url = this.checkUrl(input.url);
    if (input.events != null) changes.events = [...input.events];
    if (input.description != null) changes.description = input.description.trim();
    if (input.active != null) changes.active = input.active;
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const updated = await this.webhooks.updateEndpoint(manager, id, changes, this.clock.now());
      if (!updated) throw AppError.notFound('No such webhook endpoint in this workspace.');
      if (!updated.active) await this.webhooks.failPending(manager, id, 'Endpoint deactivated');
      return toWebhookEndpoint(updated);
    });
  }

  /**
   * Gives the endpoint a new signing secret, shown this once; every attempt from now on is signed with it, so
   * the receiver should switch at once (deliveries it refuses meanwhile are retried).
   */
  async rotateSecret(actor: AuthMember, id: string): Promise<CreatedWebhookEndpoint> {
    this.authorize(actor);
    const secret = this.secrets.generate();
    const endpoint = await this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
      this.webhooks.replaceSecret(
        manager,
        id,
        { secretCiphertext: this.secrets.encrypt(secret), secretPrefix: this.secrets.prefix(secret) },
        this.clock.now(),
      ),
    );
    if (!endpoint) throw AppError.notFound('No such webhook endpoint in this workspace.');
    return { endpoint: toWebhookEndpoint(endpoint), secret };
  }

  /** Deletes the endpoint and its deliveries' history. */
  async delete(actor: AuthMember, id: string): Promise<string> {
    this.authorize(actor);
    const deleted = await this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
      this.webhooks.deleteEndpoint(manager, id),
    );
    if (!deleted) throw AppError.notFound('No such webhook endpoint in this workspace.');
    return id;
  }

  async deliveries(actor: AuthMember, args: WebhookDeliveriesArgs): Promise<WebhookDeliveryConnection> {
    this.authorize(actor);
    const after = args.after ? this.cursor(args.after) : null;
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const page = await this.webhooks.pageDeliveries(
        manager,
        { status: args.status, endpointId: args.endpointId },
        args.first,
        after,
      );
      const edges = page.rows.map((row) => ({
        cursor: encodeCursor([row.createdAt.toISOString(), row.id]),
        node: toWebhookDelivery(row),
      }));
      return { edges, pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: page.hasNextPage } };
    });
  }

  /** Queues a delivered or failed delivery again, now, under the same id. */
  async redeliver(actor: AuthMember, id: string): Promise<WebhookDelivery> {
    this.authorize(actor);
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      if (!(await this.webhooks.redeliver(manager, id, this.clock.now()))) {
        const delivery = await this.webhooks.findDelivery(manager, id);
        if (!delivery) throw AppError.notFound('No such webhook delivery in this workspace.');
        if (delivery.status === 'PENDING')
          throw AppError.conflict('This delivery is already waiting for its next attempt.', {
            status: delivery.status,
          });
        throw AppError.conflict('Its endpoint is inactive: activate it before redelivering.', {
          status: delivery.status,
        });
      }
      return toWebhookDelivery((await this.webhooks.findDelivery(manager, id)) as DeliveryRow);
    });
  }

  /** The resolver's @Roles guard refuses others first; checked here too, so no other caller can skip it. */
  private authorize(actor: AuthMember): void {
    if (!canUse(actor.roles, 'WEBHOOKS')) throw AppError.forbidden('Only admins manage webhooks.');
  }

  private checkUrl(value: string): string {
    const url = value.trim();
    const problems = endpointUrlProblems(url, { allowPrivateHosts: !this.config.isProduction });
    if (problems.length > 0)
      throw AppError.badInput(
        `The URL ${problems.join('; ')}.`,
        problems.map((message) => ({ field: 'url', message })),
      );
    return url;
  }

  private cursor(after: string): { createdAt: Date; id: string } {
    const [createdAt, id] = decodeCursor(after, ['instant', 'uuid']);
    return { createdAt: new Date(createdAt), id };
  }
}
