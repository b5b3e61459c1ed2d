import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { Grade, MatrixOutcome, Temperature } from '@accord/domain/agreement';

/**
 * A lead's scores under one agreement version. Rows are written per version, never updated across versions:
 * a rescore writes the next version's rows alongside and then flips the workspace's scoring pointer, so a
 * reader always sees every lead scored by the same version. No foreign keys, so bulk writes stay COPY-fast.
 */
@Entity({ name: 'lead_evaluations' })
export class LeadEvaluationEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @PrimaryColumn({ name: 'lead_id', type: 'uuid' })
  leadId!: string;

  @Column({ name: 'fit_score', type: 'float8' })
  fitScore!: number;

  @Column({ type: 'char', length: 1 })
  grade!: Grade;

  @Column({ name: 'intent_score', type: 'float8' })
  intentScore!: number;

  @Column({ type: 'varchar', length: 4 })
  temperature!: Temperature;

  @Column({ type: 'varchar', length: 10 })
  outcome!: MatrixOutcome;

  /** The `now` of the evaluation: replaying it with the same inputs gives the same explanation. */
  @Column({ name: 'evaluated_at', type: 'timestamptz' })
  evaluatedAt!: Date;
}
