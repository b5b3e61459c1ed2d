import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { HandoverEntity, HandoversRepository, NewHandover } from '@accord/api/handovers/data-access';
import { WebhookOutboxRepository } from '@accord/api/webhooks/data-access';
import { payloadScore } from '@accord/domain/webhooks';

/** What every handover webhook says about the handover; scores as `payloadScore` rounds them. */
export function handoverPayload(handover: NewHandover | HandoverEntity): Record<string, unknown> {
  return {
    handoverId: handover.id,
    leadId: handover.leadId,
    versionId: handover.versionId,
    ownerId: handover.ownerId,
    grade: handover.grade,
    temperature: handover.temperature,
    outcome: handover.outcome,
    fitScore: payloadScore(handover.fitScore),
    intentScore: payloadScore(handover.intentScore),
    explanation: handover.explanation,
    handedOverAt: handover.handedOverAt.toISOString(),
    dueAt: handover.dueAt.toISOString(),
  };
}

/**
 * Records what happens to handovers, in the transaction that makes it happen: the audit trail every queue and
 * report reads, and the webhooks (handover.created, .decided, .expired) queued in the same commit, so a crash
 * between the change and its webhook loses neither.
 */
@Injectable()
export class HandoverEvents {
  constructor(
    private readonly handovers: HandoversRepository,
    private readonly outbox: WebhookOutboxRepository,
  ) {}

  async opened(manager: EntityManager, rows: readonly NewHandover[], at: Date): Promise<void> {
    await this.handovers.insertEvents(
      manager,
      rows.map((row) => ({
        handoverId: row.id,
        kind: 'CREATED',
        actorId: null,
        ownerId: row.ownerId,
        versionId: row.versionId,
        detail: row.ownerId
          ? `handed over ${row.grade}/${row.temperature}, routed by the agreement`
          : `handed over ${row.grade}/${row.temperature}; no active member to route to, waiting for a manager`,
        at,
      })),
    );
    await this.outbox.enqueueMany(manager, 'handover.created', rows.map(handoverPayload), at);
  }

  async expired(manager: EntityManager, rows: readonly HandoverEntity[], at: Date): Promise<void> {
    await this.handovers.insertEvents(
      manager,
      rows.map((row) => ({
        handoverId: row.id,
        kind: 'EXPIRED',
        actorId: null,
        ownerId: row.ownerId,
        versionId: row.versionId,
        detail: 'not decided within the SLA; escalated to the sales managers',
        at,
      })),
    );
    await this.outbox.enqueueMany(
      manager,
      'handover.expired',
      rows.map((row) => ({ ...handoverPayload(row), status: 'EXPIRED', expiredAt: at.toISOString() })),
      at,
    );
  }

  /** `handover` as decided: its status, reason and note are the decision's. */
  async decided(manager: EntityManager, handover: HandoverEntity, actorId: string, detail: string, at: Date) {
    await this.handovers.insertEvents(manager, [
      {
        handoverId: handover.id,
        kind: handover.status === 'ACCEPTED' ? 'ACCEPTED' : 'REJECTED',
        actorId,
        ownerId: handover.ownerId,
        versionId: handover.versionId,
        detail,
        at,
      },
    ]);
    await this.outbox.enqueue(
      manager,
      'handover.decided',
      {
        ...handoverPayload(handover),
        status: handover.status,
        decidedBy: actorId,
        decidedAt: at.toISOString(),
        withinSla: handover.withinSla,
        reasonKey: handover.reasonKey,
        reasonLabel: handover.reasonLabel,
        note: handover.note,
      },
      at,
    );
  }

  async reassigned(
    manager: EntityManager,
    handover: HandoverEntity,
    actorId: string,
    ownerName: string,
    at: Date,
  ) {
    await this.handovers.insertEvents(manager, [
      {
        handoverId: handover.id,
        kind: 'REASSIGNED',
        actorId,
        ownerId: handover.ownerId,
        versionId: handover.versionId,
        detail: `reassigned to ${ownerName}; the due time stays`,
        at,
      },
    ]);
  }
}
