import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

import { ScoringStateRepository } from '@accord/api/leads/data-access';
import { OpportunitiesRepository, OpportunityEntity } from '@accord/api/pipeline/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb, isUniqueViolation } from '@accord/api/shared/database';
import { AppError } from '@accord/api/shared/graphql';
import { WebhookOutboxRepository } from '@accord/api/webhooks/data-access';
import {
  FIRST_OPPORTUNITY_STAGE,
  amountChangeRefusal,
  amountRefusal,
  calendarDateIn,
  checkOpportunityMove,
  isCalendarDate,
  isClosedStage,
  isCurrencyCode,
  leadStageFor,
  openRefusal,
} from '@accord/domain/pipeline';

import {
  MoveOpportunityInput,
  OpenOpportunityInput,
  UpdateOpportunityAmountInput,
} from './dto/pipeline.inputs';
import { Opportunity } from './models/pipeline.model';
import { amountError, moveError, openError } from './pipeline-errors';
import { PipelineSupport } from './pipeline-support';

const NO_SUCH_OPPORTUNITY = 'No such opportunity in this workspace.';

/**
 * Opportunities on accepted leads. Every change runs in one transaction that holds the lead's row lock, writes
 * the opportunity, records an opportunity transition and, when the lead's stage follows (opening → OPPORTUNITY,
 * closing → WON or LOST), a lead transition with the actor and the agreement version in force.
 */
@Injectable()
export class OpportunitiesService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly opportunities: OpportunitiesRepository,
    private readonly scoring: ScoringStateRepository,
    private readonly support: PipelineSupport,
    private readonly webhooks: WebhookOutboxRepository,
    private readonly clock: Clock,
  ) {}

  async open(actor: AuthMember, input: OpenOpportunityInput): Promise<Opportunity> {
    const now = this.clock.now();
    const refusal = amountRefusal(input.amount);
    if (refusal) throw amountError(refusal);
    if (input.currency != null && !isCurrencyCode(input.currency))
      throw AppError.badInput('currency: must be three capital letters (ISO 4217), e.g. USD', [
        { field: 'currency', message: 'must be three capital letters (ISO 4217), e.g. USD' },
      ]);
    try {
      return await this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
        const currency = await this.support.reportingCurrency(manager, actor.workspaceId, input.currency);
        // The version first, then the lead, as every scorer takes them: a flip waiting for the version's lock
        // cannot find this lead held by a transaction that waits for it in turn.
        const versionId = await this.scoring.pointer(manager);
        const lead = await this.support.lockLead(manager, input.leadId);
        this.support.checkWrite(actor, { lead: lead.ownerId }, 'opens an opportunity on this lead');
        const refused = openRefusal(lead.stage, await this.opportunities.hasOpen(manager, lead.id));
        if (refused) throw openError(refused, lead.stage);
        const opportunity = await this.opportunities.insert(manager, {
          workspaceId: actor.workspaceId,
          id: randomUUID(),
          leadId: lead.id,
          name: input.name?.trim() || null,
          ownerId: await this.support.owner(manager, input.ownerId, actor),
          stage: FIRST_OPPORTUNITY_STAGE,
          amount: input.amount,
          currency,
          openedById: actor.id,
          openedAt: now,
        });
        await this.opportunities.insertTransition(manager, {
          opportunityId: opportunity.id,
          fromStage: null,
          toStage: opportunity.stage,
          amount: opportunity.amount,
          actorId: actor.id,
          versionId,
          at: now,
        });
        await this.support.moveLead(manager, {
          lead,
          to: leadStageFor(opportunity.stage),
          actorId: actor.id,
          versionId,
          reason: 'opportunity opened',
          at: now,
        });
        return this.present(manager, opportunity);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict('The lead already has an open opportunity.');
      throw error;
    }
  }

  async move(actor: AuthMember, input: MoveOpportunityInput): Promise<Opportunity> {
    const now = this.clock.now();
    if (input.amount !== undefined && input.amount !== null) {
      const refusal = amountRefusal(input.amount);
      if (refusal) throw amountError(refusal);
    }
    if (input.closeDate && !isCalendarDate(input.closeDate))
      throw AppError.badInput('closeDate: not a day of the calendar', [
        { field: 'closeDate', message: 'not a day of the calendar' },
      ]);
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const { opportunity, lead, versionId } = await this.lockOpportunity(manager, input.opportunityId);
      this.support.checkWrite(
        actor,
        { lead: lead.ownerId, item: { kind: 'opportunity', owner: opportunity.ownerId } },
        'moves this opportunity',
      );
      const timeZone = await this.support.timeZone(manager, actor.workspaceId);
      const move = {
        from: opportunity.stage,
        to: input.stage,
        closeDate: input.closeDate ?? null,
        lostReason: input.lostReason ?? null,
        openedOn: calendarDateIn(opportunity.openedAt, timeZone),
        today: calendarDateIn(now, timeZone),
      };
      const refusal = checkOpportunityMove(move);
      if (refusal) throw moveError(refusal, move);
      const closing = isClosedStage(input.stage);
      const amount = input.amount ?? opportunity.amount;
      await this.write(manager, opportunity, {
        stage: input.stage,
        amount,
        closeDate: closing ? move.closeDate : null,
        lostReason: input.stage === 'LOST' ? (move.lostReason?.trim() ?? null) : null,
        closedAt: closing ? now : null,
        at: now,
      });
      await this.opportunities.insertTransition(manager, {
        opportunityId: opportunity.id,
        fromStage: opportunity.stage,
        toStage: input.stage,
        amount,
        actorId: actor.id,
        versionId,
        at: now,
      });
      await this.support.moveLead(manager, {
        lead,
        to: leadStageFor(input.stage),
        actorId: actor.id,
        versionId,
        reason:
          input.stage === 'LOST'
            ? `opportunity lost: ${move.lostReason?.trim()}`
            : `opportunity ${input.stage.toLowerCase()}`,
        at: now,
      });
      const saved = (await this.opportunities.findById(manager, opportunity.id)) as OpportunityEntity;
      // In the same transaction: the event is stored if and only if the close is.
      if (closing)
        await this.webhooks.enqueue(
          manager,
          'opportunity.closed',
          closedPayload(saved, actor, versionId),
          now,
        );
      return this.present(manager, saved);
    });
  }

  async updateAmount(actor: AuthMember, input: UpdateOpportunityAmountInput): Promise<Opportunity> {
    const now = this.clock.now();
    const refusal = amountRefusal(input.amount);
    if (refusal) throw amountError(refusal);
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const { opportunity, lead, versionId } = await this.lockOpportunity(manager, input.opportunityId);
      this.support.checkWrite(
        actor,
        { lead: lead.ownerId, item: { kind: 'opportunity', owner: opportunity.ownerId } },
        're-prices this opportunity',
      );
      if (amountChangeRefusal(opportunity.stage))
        throw AppError.conflict(`The opportunity is closed ${opportunity.stage}: its amount is final.`, {
          stage: opportunity.stage,
        });
      if (input.amount === opportunity.amount) return this.present(manager, opportunity);
      await this.write(manager, opportunity, {
        stage: opportunity.stage,
        amount: input.amount,
        closeDate: null,
        lostReason: null,
        closedAt: null,
        at: now,
      });
      await this.opportunities.insertTransition(manager, {
        opportunityId: opportunity.id,
        fromStage: opportunity.stage,
        toStage: opportunity.stage,
        amount: input.amount,
        actorId: actor.id,
        versionId,
        at: now,
      });
      return this.present(
        manager,
        (await this.opportunities.findById(manager, opportunity.id)) as OpportunityEntity,
      );
    });
  }

  /** The lead's opportunities, newest first; NOT_FOUND for a lead this workspace does not have. */
  async list(actor: AuthMember, leadId: string): Promise<Opportunity[]> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      await this.support.findLead(manager, leadId);
      return this.listIn(manager, leadId);
    });
  }

  /**
   * Finds the opportunity, then takes the version in force and the lead's lock, and reads the opportunity again
   * under the lock: a change committed meanwhile is what the checks see.
   */
  private async lockOpportunity(manager: EntityManager, id: string) {
    const found = await this.opportunities.findById(manager, id);
    if (!found) throw AppError.notFound(NO_SUCH_OPPORTUNITY);
    const versionId = await this.scoring.pointer(manager);
    const lead = await this.support.lockLead(manager, found.leadId);
    const opportunity = (await this.opportunities.findById(manager, id)) as OpportunityEntity;
    return { opportunity, lead, versionId };
  }

  private async write(
    manager: EntityManager,
    opportunity: OpportunityEntity,
    change: Parameters<OpportunitiesRepository['change']>[3],
  ): Promise<void> {
    if (!(await this.opportunities.change(manager, opportunity.id, opportunity.revision, change)))
      throw AppError.conflict('The opportunity changed meanwhile; read it again.');
  }

  private async present(manager: EntityManager, opportunity: OpportunityEntity): Promise<Opportunity> {
    const [listed] = (await this.listIn(manager, opportunity.leadId)).filter(
      (item) => item.id === opportunity.id,
    );
    return listed;
  }

  private async listIn(manager: EntityManager, leadId: string): Promise<Opportunity[]> {
    const opportunities = await this.opportunities.listByLead(manager, leadId);
    const transitions = await this.opportunities.transitionsOfLead(manager, leadId);
    const names = await this.support.memberNames(manager, [
      ...opportunities.map((opportunity) => opportunity.ownerId),
      ...transitions.map((transition) => transition.actorId),
    ]);
    const numbers = await this.support.versionNumbers(
      manager,
      transitions.map((transition) => transition.versionId),
    );
    return opportunities.map((opportunity) => ({
      ...toOpportunity(opportunity, names),
      transitions: transitions
        .filter((transition) => transition.opportunityId === opportunity.id)
        .map((transition) => ({
          fromStage: transition.fromStage,
          toStage: transition.toStage,
          amount: transition.amount,
          actorName: transition.actorId ? (names.get(transition.actorId) ?? null) : null,
          versionNumber: transition.versionId ? (numbers.get(transition.versionId) ?? null) : null,
          at: transition.at,
        })),
    }));
  }
}

/** The opportunity.closed event's data: what an integration needs to book the outcome. */
export function closedPayload(
  opportunity: OpportunityEntity,
  actor: AuthMember,
  versionId: string | null,
): Record<string, unknown> {
  return {
    opportunityId: opportunity.id,
    leadId: opportunity.leadId,
    name: opportunity.name,
    stage: opportunity.stage,
    amount: opportunity.amount,
    currency: opportunity.currency,
    closeDate: opportunity.closeDate,
    lostReason: opportunity.lostReason,
    ownerId: opportunity.ownerId,
    closedById: actor.id,
    openedAt: opportunity.openedAt.toISOString(),
    closedAt: opportunity.closedAt?.toISOString() ?? null,
    versionId,
  };
}

function toOpportunity(
  opportunity: OpportunityEntity,
  names: Map<string, string>,
): Omit<Opportunity, 'transitions'> {
  return {
    id: opportunity.id,
    leadId: opportunity.leadId,
    name: opportunity.name,
    ownerId: opportunity.ownerId,
    ownerName: names.get(opportunity.ownerId) ?? null,
    stage: opportunity.stage,
    amount: opportunity.amount,
    currency: opportunity.currency,
    closeDate: opportunity.closeDate,
    lostReason: opportunity.lostReason,
    revision: opportunity.revision,
    openedAt: opportunity.openedAt,
    closedAt: opportunity.closedAt,
  };
}
