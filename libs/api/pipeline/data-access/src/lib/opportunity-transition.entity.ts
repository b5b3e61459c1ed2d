import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

import type { OpportunityStage } from '@accord/domain/pipeline';

import { AMOUNT_TRANSFORMER } from './numeric';
import { OpportunityEntity } from './opportunity.entity';

/**
 * Every change of every opportunity, with its amount after the change, who made it and the agreement version
 * in force. Opening has no from stage; an amount change keeps the stage (from = to).
 */
@Entity({ name: 'opportunity_transitions' })
@Index('opportunity_transitions_opportunity_idx', ['workspaceId', 'opportunityId', 'id'])
@Index('opportunity_transitions_at_idx', ['workspaceId', 'at'])
export class OpportunityTransitionEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'opportunity_id', type: 'uuid' })
  opportunityId!: string;

  @ManyToOne(() => OpportunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'workspace_id',
      referencedColumnName: 'workspaceId',
      foreignKeyConstraintName: 'opportunity_transitions_opportunity_fkey',
    },
    { name: 'opportunity_id', referencedColumnName: 'id' },
  ])
  opportunity?: OpportunityEntity;

  @Column({ name: 'from_stage', type: 'varchar', length: 16, nullable: true })
  fromStage!: OpportunityStage | null;

  @Column({ name: 'to_stage', type: 'varchar', length: 16 })
  toStage!: OpportunityStage;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: AMOUNT_TRANSFORMER })
  amount!: number;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'version_id', type: 'uuid', nullable: true })
  versionId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
