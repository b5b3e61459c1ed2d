import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Which version's evaluations a workspace reads: the pointer a finished rescore flips. */
@Entity({ name: 'workspace_scoring' })
export class WorkspaceScoringEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export const RESCORE_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type RescoreStatus = (typeof RESCORE_STATUSES)[number];

/** One rescore of a workspace under a newly effective version, with its progress; resumable by lead id. */
@Entity({ name: 'rescore_runs' })
// One run at a time per workspace: two at once could flip out of order or drop each other's partition.
@Index('rescore_runs_one_running_key', ['workspaceId'], { unique: true, where: `status = 'RUNNING'` })
@Check('rescore_runs_status_check', `"status" IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')`)
export class RescoreRunEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @Column({ type: 'varchar', length: 8 })
  status!: RescoreStatus;

  /** Not before: a version published for later is rescored when it takes effect. */
  @Column({ name: 'run_after', type: 'timestamptz' })
  runAfter!: Date;

  @Column({ type: 'integer', default: 0 })
  total!: number;

  @Column({ type: 'integer', default: 0 })
  processed!: number;

  /** Leads are scored in id order; a resumed run starts after this one. */
  @Column({ name: 'last_lead_id', type: 'uuid', nullable: true })
  lastLeadId!: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** Which claim of the run is live: every save of a run matches it, so a worker that lost the run writes nothing. */
  @Column({ name: 'claim_id', type: 'uuid', nullable: true })
  claimId!: string | null;

  /** Moved by every batch the run saves: a run whose heartbeat stops is taken to have died. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;

  /** When the run moved the scoring pointer; a run stopped after that only has stage moves left to apply. */
  @Column({ name: 'flipped_at', type: 'timestamptz', nullable: true })
  flippedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
