import { Injectable } from '@nestjs/common';

import { AppConfig, Clock, PollingJob, workspacesFailed } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { AttemptResult, ClaimedDelivery, WebhooksRepository } from '@accord/api/webhooks/data-access';
import { DELIVERY_TIMEOUT_MS, afterAttempt, webhookBody } from '@accord/domain/webhooks';

import { storableText } from './storable-text';
import { WebhookSecrets, signatureHeader } from './webhook-secrets';
import { SendResult, WebhookSender } from './webhook-sender';

/** Deliveries taken per workspace and pass; they are sent at once, in parallel. */
const BATCH = 20;
/** Workspaces looked at per pass. */
const POLL_WORKSPACES = 100;
/** Workspaces served at once, so one workspace's slow endpoint does not hold up the others' deliveries. */
const PARALLEL_WORKSPACES = 4;
/** A claimed delivery is due again after this, should its worker die mid-attempt. */
const LEASE_MS = DELIVERY_TIMEOUT_MS + 60_000;

/**
 * Sends due webhook deliveries. They are rows committed with the change they report, so none is lost to a
 * crash; each is claimed for one attempt with SKIP LOCKED and a lease, so any number of replicas can poll at once
 * and no HTTP request is made while a row lock is held. A 2xx answer delivers; anything else is retried on the
 * domain's schedule until the attempts run out, then FAILED.
 */
@Injectable()
export class WebhookDeliveryWorker extends PollingJob {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly webhooks: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
    private readonly sender: WebhookSender,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    super(config);
  }

  /**
   * Makes one attempt at every delivery due now; returns how many attempts were made. Tests call it. A workspace
   * whose deliveries cannot be claimed or recorded is logged and passed over (its lane goes on with the next), and
   * the pass fails only once every lane has finished, so no attempt is left in flight behind it.
   */
  async drain(): Promise<number> {
    let attempted = 0;
    const failures: { workspaceId: string; error: unknown }[] = [];
    for (;;) {
      const now = this.clock.now();
      const workspaces = await this.tenantDb.run({ system: true }, (manager) =>
        this.webhooks.workspacesWithDue(manager, now, POLL_WORKSPACES),
      );
      let round = 0;
      const waiting = workspaces.filter((id) => !failures.some((failure) => failure.workspaceId === id));
      await Promise.all(
        Array.from({ length: Math.min(PARALLEL_WORKSPACES, waiting.length) }, async () => {
          for (let next = waiting.shift(); next && !this.stopped; next = waiting.shift()) {
            try {
              // Not `round += await …`: that reads `round` before the wait, losing the other lanes' counts.
              const made = await this.attemptDue(next);
              round += made;
            } catch (error) {
              failures.push({ workspaceId: next, error });
              this.logger.error(
                `workspace ${next}: ${error instanceof Error ? error.message : String(error)}`,
              );
            }
          }
        }),
      );
      attempted += round;
      if (round === 0 || this.stopped) break;
    }
    if (failures.length > 0) throw workspacesFailed(failures);
    return attempted;
  }

  /**
   * One attempt at each of up to BATCH due deliveries of a workspace: claimed in one transaction, sent in
   * parallel, recorded in one more — so the worker holds at most two connections per workspace it serves, however
   * many deliveries are in flight.
   */
  private async attemptDue(workspaceId: string): Promise<number> {
    const now = this.clock.now();
    const claimed = await this.tenantDb.inWorkspace(workspaceId, (manager) =>
      this.webhooks.claimDue(manager, now, new Date(now.getTime() + LEASE_MS), BATCH),
    );
    if (claimed.length === 0) return 0;
    const results = await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    const recorded = await this.tenantDb.inWorkspace(workspaceId, (manager) =>
      this.webhooks.recordAttempts(manager, results),
    );
    if (recorded < results.length)
      this.logger.warn(
        `${results.length - recorded} webhook deliveries changed during their attempt; kept as they are`,
      );
    return claimed.length;
  }

  private async attempt(
    delivery: ClaimedDelivery,
  ): Promise<AttemptResult & { id: string; attempts: number }> {
    const result = await this.send(delivery);
    const at = this.clock.now();
    const outcome = afterAttempt(result.statusCode, delivery.attempts, at, undefined, Math.random());
    return {
      id: delivery.id,
      attempts: delivery.attempts,
      status: outcome.delivered ? 'DELIVERED' : outcome.retryAt ? 'PENDING' : 'FAILED',
      nextAttemptAt: outcome.delivered ? null : outcome.retryAt,
      statusCode: result.statusCode,
      // Every attempt's error passes here: the batch is recorded in one statement, which one refused text would fail.
      error: result.error === null ? null : storableText(result.error),
      deliveredAt: outcome.delivered ? at : null,
    };
  }

  private async send(delivery: ClaimedDelivery): Promise<SendResult> {
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
