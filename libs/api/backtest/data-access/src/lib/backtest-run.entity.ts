import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { AgreementDocument } from '@accord/domain/agreement';
import type { BacktestResult, BacktestState } from '@accord/domain/backtest';

export const BACKTEST_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type BacktestStatus = (typeof BACKTEST_STATUSES)[number];

/**
 * One backtest of an agreement version (a draft's revision, a proposal or a published version) against the
 * version in force when it was started. Its accumulated state and cursor are saved together after every batch,
 * so a run that dies resumes after the last saved lead and counts no lead twice. A revision has at most one
 * unfinished run against a given version in force: each reads the workspace's whole history.
 */
@Entity({ name: 'backtest_runs' })
@Index('backtest_runs_version_idx', ['workspaceId', 'versionId', 'createdAt'])
@Index('backtest_runs_due_idx', ['createdAt'], { where: `status IN ('QUEUED', 'RUNNING')` })
@Index('backtest_runs_one_unfinished_key', ['workspaceId', 'versionId', 'revision', 'baselineVersionId'], {
  unique: true,
  where: `status IN ('QUEUED', 'RUNNING')`,
})
@Check('backtest_runs_status_check', `"status" IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')`)
@Check('backtest_runs_window_check', `"window_from" < "window_to"`)
export class BacktestRunEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The version backtested. */
  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  /** The version's revision when the run started: a later edit makes the results stale. */
  @Column({ type: 'integer' })
  revision!: number;

  /** The version in force when the run started, which it is compared with. */
  @Column({ name: 'baseline_version_id', type: 'uuid' })
  baselineVersionId!: string;

  /** The backtested document as it was at that revision: an edit during the run cannot change what it tests. */
  @Column({ type: 'jsonb' })
  document!: AgreementDocument;

  @Column({ type: 'varchar', length: 8 })
  status!: BacktestStatus;

  @Column({ name: 'window_from', type: 'timestamptz' })
  windowFrom!: Date;

  @Column({ name: 'window_to', type: 'timestamptz' })
  windowTo!: Date;

  @Column({ type: 'integer', default: 0 })
  total!: number;

  @Column({ type: 'integer', default: 0 })
  processed!: number;

  /** Leads are read in id order; a resumed run starts after this one. */
  @Column({ name: 'last_lead_id', type: 'uuid', nullable: true })
  lastLeadId!: string | null;

  /** The accumulator's state as of last_lead_id. */
  @Column({ type: 'jsonb', nullable: true })
  state!: BacktestState | null;

  @Column({ type: 'jsonb', nullable: true })
  result!: BacktestResult | null;

  /** Bumped by each claim: a worker whose claim was taken over stops at its next save. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'requested_by_id', type: 'uuid', nullable: true })
  requestedById!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  /** Moves with every saved batch: a run whose heartbeat stops is taken to have died. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
