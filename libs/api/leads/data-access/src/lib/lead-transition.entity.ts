import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

import type { LifecycleStage } from '@accord/domain/leads';

/** Every stage change of every lead, with the agreement version in force: the funnel's raw facts. */
@Entity({ name: 'lead_transitions' })
@Index('lead_transitions_lead_idx', ['workspaceId', 'leadId', 'id'])
@Index('lead_transitions_at_idx', ['workspaceId', 'at'])
@Index('lead_transitions_handover_due_idx', ['workspaceId', 'id'], {
  where: `to_stage = 'MQL' AND handover_checked_at IS NULL`,
})
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

  /**
   * For a move into MQL: when the handover job dealt with it (opened the handover, or found the lead had moved on).
   * Until then the move waits in a small partial index, so the job finds new MQLs without scanning the history.
   */
  @Column({ name: 'handover_checked_at', type: 'timestamptz', nullable: true })
  handoverCheckedAt!: Date | null;
}
