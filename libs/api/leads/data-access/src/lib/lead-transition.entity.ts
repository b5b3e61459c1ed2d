import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

import type { LifecycleStage } from '@accord/domain/leads';

/** Every stage change of every lead, with the agreement version in force: the funnel's raw facts. */
@Entity({ name: 'lead_transitions' })
@Index('lead_transitions_lead_idx', ['workspaceId', 'leadId', 'id'])
export class LeadTransitionEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'lead_id', type: 'uuid' })
  leadId!: string;

  @Column({ name: 'from_stage', type: 'varchar', length: 16, nullable: true })
  fromStage!: LifecycleStage | null;

  @Column({ name: 'to_stage', type: 'varchar', length: 16 })
  toStage!: LifecycleStage;

  @Column({ name: 'version_id', type: 'uuid', nullable: true })
  versionId!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
