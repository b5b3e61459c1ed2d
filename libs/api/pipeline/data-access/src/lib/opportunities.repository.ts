import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { CalendarDate, OpportunityStage } from '@accord/domain/pipeline';

import { OpportunityTransitionEntity } from './opportunity-transition.entity';
import { OpportunityEntity } from './opportunity.entity';

export interface OpportunityTransitionRow {
  opportunityId: string;
  fromStage: OpportunityStage | null;
  toStage: OpportunityStage;
  amount: number;
  actorId: string | null;
  versionId: string | null;
  at: Date;
}

/** What a change writes; the caller has checked it against the domain rules. */
export interface OpportunityChange {
  stage: OpportunityStage;
  amount: number;
  closeDate: CalendarDate | null;
  lostReason: string | null;
  closedAt: Date | null;
  at: Date;
}

/** Opportunities and their transitions. Every method runs in the caller's tenant transaction. */
@Injectable()
export class OpportunitiesRepository {
  async insert(
    manager: EntityManager,
    opportunity: Pick<
      OpportunityEntity,
      | 'workspaceId'
      | 'id'
      | 'leadId'
      | 'name'
      | 'ownerId'
      | 'stage'
      | 'amount'
      | 'currency'
      | 'openedById'
      | 'openedAt'
    >,
  ): Promise<OpportunityEntity> {
    await manager.insert(OpportunityEntity, { ...opportunity, updatedAt: opportunity.openedAt, revision: 1 });
    return (await this.findById(manager, opportunity.id)) as OpportunityEntity;
  }

  findById(manager: EntityManager, id: string): Promise<OpportunityEntity | null> {
    return manager.findOneBy(OpportunityEntity, { id });
  }

  /** The lead's opportunities, newest first. */
  listByLead(manager: EntityManager, leadId: string): Promise<OpportunityEntity[]> {
    return manager.find(OpportunityEntity, {
      where: { leadId },
      order: { openedAt: 'DESC', id: 'ASC' },
      take: 50,
    });
  }

  async hasOpen(manager: EntityManager, leadId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM opportunities WHERE lead_id = $1 AND stage NOT IN ('WON', 'LOST') LIMIT 1`,
      [leadId],
    );
    return rows.length > 0;
  }

  /**
   * Writes a change if the opportunity is still at the revision the caller read; returns whether it did. The
   * caller holds the lead's lock, so a miss means a writer that did not: it changes nothing either way.
   */
  async change(
    manager: EntityManager,
    id: string,
    expectedRevision: number,
    change: OpportunityChange,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(OpportunityEntity)
      .set({
        stage: change.stage,
        amount: change.amount,
        closeDate: change.closeDate,
        lostReason: change.lostReason,
        closedAt: change.closedAt,
        updatedAt: change.at,
        revision: () => 'revision + 1',
      })
      .where('id = :id AND revision = :expectedRevision', { id, expectedRevision })
      .execute();
    return result.affected === 1;
  }

  async insertTransition(manager: EntityManager, row: OpportunityTransitionRow): Promise<void> {
    await manager.query(
      `INSERT INTO opportunity_transitions (workspace_id, opportunity_id, from_stage, to_stage, amount, actor_id, version_id, at)
       VALUES (accord_current_workspace(), $1, $2, $3, $4, $5, $6, $7)`,
      [row.opportunityId, row.fromStage, row.toStage, row.amount, row.actorId, row.versionId, row.at],
    );
  }

  /** Every transition of the lead's opportunities, oldest first. */
  transitionsOfLead(manager: EntityManager, leadId: string): Promise<OpportunityTransitionEntity[]> {
    return manager
      .createQueryBuilder(OpportunityTransitionEntity, 't')
      .innerJoin(OpportunityEntity, 'o', 'o.workspace_id = t.workspace_id AND o.id = t.opportunity_id')
      .where('o.lead_id = :leadId', { leadId })
      .orderBy('t.id', 'ASC')
      .limit(500)
      .getMany();
  }
}
