import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { Grade, MatrixOutcome, Temperature } from '@accord/domain/agreement';
import type { HandoverStatus } from '@accord/domain/handover';

/**
 * A lead handed from marketing to sales: opened when the lead became an MQL, under the version that made it one,
 * routed to an owner and due within the SLA for its temperature; decided once (accepted or rejected with a
 * reason), or expired when nobody decided in time. The scores and explanation are those of the moment of
 * hand-over, so the queue shows why the lead came over without rescoring it.
 */
@Entity({ name: 'handovers' })
@Index('handovers_open_lead_key', ['workspaceId', 'leadId'], { unique: true, where: 'decided_at IS NULL' })
// The queue indexes hold the queue's whole order, two columns descending, which TypeORM cannot declare: migration
// QueuePage owns them.
@Index('handovers_queue_idx', { synchronize: false })
@Index('handovers_team_queue_idx', { synchronize: false })
@Index('handovers_due_idx', ['workspaceId', 'dueAt'], { where: `status = 'OPEN'` })
@Index('handovers_lead_idx', ['workspaceId', 'leadId', 'handedOverAt'])
@Index('handovers_decided_idx', ['workspaceId', 'decidedAt'], { where: '"decided_at" IS NOT NULL' })
@Index('handovers_expired_idx', ['workspaceId', 'expiredAt'], { where: '"expired_at" IS NOT NULL' })
@Index('handovers_handed_over_idx', ['workspaceId', 'handedOverAt'])
@Index('handovers_transition_key', ['workspaceId', 'transitionId'], { unique: true })
export class HandoverEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'lead_id', type: 'uuid' })
  leadId!: string;

  /** The lead transition into MQL this handover answers: at most one handover per transition. */
  @Column({ name: 'transition_id', type: 'bigint' })
  transitionId!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  /** Null while no member of the routing pools is active: managers then assign it. */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: HandoverStatus;

  @Column({ type: 'varchar', length: 1 })
  grade!: Grade;

  @Column({ type: 'varchar', length: 8 })
  temperature!: Temperature;

  /** TEMPERATURE_RANK of the temperature: the queue sorts hotter first by it. */
  @Column({ name: 'temperature_rank', type: 'smallint' })
  temperatureRank!: number;

  @Column({ type: 'varchar', length: 16 })
  outcome!: MatrixOutcome;

  @Column({ name: 'fit_score', type: 'float8' })
  fitScore!: number;

  @Column({ name: 'intent_score', type: 'float8' })
  intentScore!: number;

  @Column({ type: 'varchar', length: 1000 })
  explanation!: string;

  @Column({ name: 'handed_over_at', type: 'timestamptz' })
  handedOverAt!: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true })
  expiredAt!: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  /** Decided by the due time: the sales side of the SLA. */
  @Column({ name: 'within_sla', type: 'boolean', nullable: true })
  withinSla!: boolean | null;

  @Column({ name: 'reason_key', type: 'varchar', length: 63, nullable: true })
  reasonKey!: string | null;

  /** The reason's label as the version worded it, so reports read the same after the agreement changes. */
  @Column({ name: 'reason_label', type: 'varchar', length: 120, nullable: true })
  reasonLabel!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
