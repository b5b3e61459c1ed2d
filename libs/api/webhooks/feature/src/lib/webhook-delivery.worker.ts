import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { AppConfig, Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { ClaimedDelivery, WebhooksRepository } from '@accord/api/webhooks/data-access';
import { DELIVERY_TIMEOUT_MS, afterAttempt, webhookBody } from '@accord/domain/webhooks';

import { WebhookSecrets, signatureHeader } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';

/** Deliveries taken per workspace and pass; they are sent at once, in parallel. */
const BATCH = 20;
/** Workspaces looked at per pass. */
const POLL_WORKSPACES = 100;
/** A claimed delivery is due again after this, should its worker die mid-attempt. */
const LEASE_MS = DELIVERY_TIMEOUT_MS + 60_000;

/**
 * Sends due webhook deliveries. They are rows committed with the change they report, so none is lost to a
 * crash; each is claimed for one attempt with SKIP LOCKED and a lease, so any number of replicas can poll at once
 * and no HTTP request is made while a row lock is held. A 2xx answer delivers; anything else is retried on the
 * domain's schedule until the attempts run out, then FAILED.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly webhooks: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
    private readonly sender: WebhookSender,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.JOBS_POLL_MS === 0) return;
    this.timer = setInterval(() => this.tick(), this.config.JOBS_POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Makes one attempt at every delivery due now; returns how many attempts were made. Tests call it. */
  async drain(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const now = this.clock.now();
      const workspaces = await this.tenantDb.run({ system: true }, (manager) =>
        this.webhooks.workspacesWithDue(manager, now, POLL_WORKSPACES),
      );
      let round = 0;
      for (const workspaceId of workspaces) {
        if (this.stopped) return attempted;
        round += await this.attemptDue(workspaceId);
      }
      attempted += round;
      if (round === 0) return attempted;
    }
  }

  private tick(): void {
    if (this.running || this.stopped) return;
    this.running = this.drain()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(error))
      .finally(() => (this.running = null));
  }

  private async attemptDue(workspaceId: string): Promise<number> {
    const now = this.clock.now();
    const claimed = await this.tenantDb.inWorkspace(workspaceId, (manager) =>
      this.webhooks.claimDue(manager, now, new Date(now.getTime() + LEASE_MS), BATCH),
    );
    await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    return claimed.length;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const result = await this.send(delivery);
    const at = this.clock.now();
    const outcome = afterAttempt(result.statusCode, delivery.attempts, at, undefined, Math.random());
    const recorded = await this.tenantDb.inWorkspace(delivery.workspaceId, (manager) =>
      this.webhooks.recordAttempt(manager, delivery.id, delivery.attempts, {
        status: outcome.delivered ? 'DELIVERED' : outcome.retryAt ? 'PENDING' : 'FAILED',
        nextAttemptAt: outcome.delivered ? null : outcome.retryAt,
        statusCode: result.statusCode,
        error: result.error,
        deliveredAt: outcome.delivered ? at : null,
      }),
    );
    if (!recorded)
      this.logger.warn(`webhook delivery ${delivery.id} changed during its attempt; outcome not recorded`);
  }

  private async send(delivery: ClaimedDelivery) {
    let secret: string;
    try {
      secret = this.secrets.decrypt(delivery.secretCiphertext);
    } catch (error) {
      return { statusCode: null, error: error instanceof Error ? error.message : String(error) };
    }
    const body = webhookBody({
      id: delivery.eventId,
      type: delivery.eventType,
      workspaceId: delivery.workspaceId,
      occurredAt: delivery.occurredAt.toISOString(),
      data: delivery.payload,
    });
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    return this.sender.send({
      url: delivery.url,
      body,
      event: delivery.eventType,
      deliveryId: delivery.id,
      signature: signatureHeader(secret, timestamp, body),
    });
  }
}
