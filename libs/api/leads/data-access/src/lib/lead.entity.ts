import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';

import { WorkspaceEntity } from '@accord/api/members/data-access';
import type { LifecycleStage, SignalSummary } from '@accord/domain/leads';

/** A contact at a company, with what scoring reads of it. Its evaluation lives in lead_evaluations. */
@Entity({ name: 'leads' })
@Index('leads_email_key', ['workspaceId', 'email'], { unique: true })
@Index('leads_company_domain_idx', ['workspaceId', 'companyDomain'])
@Index('leads_stage_idx', ['workspaceId', 'stage'])
@Index('leads_updated_idx', ['workspaceId', 'updatedAt'])
// The recycle sweep's: the few leads waiting to come back from nurture.
@Index('leads_recycle_due_idx', ['recycleUntil'], {
  where: `stage = 'NURTURE' AND recycle_until IS NOT NULL`,
})
@Check(
  'leads_stage_check',
  `"stage" IN ('LEAD', 'MQL', 'SAL', 'SQL', 'OPPORTUNITY', 'WON', 'LOST', 'NURTURE', 'DISQUALIFIED')`,
)
export class LeadEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'leads_workspace_fkey' })
  workspace?: WorkspaceEntity;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100, nullable: true })
  firstName!: string | null;

  @Column({ name: 'last_name', type: 'varchar', length: 100, nullable: true })
  lastName!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  seniority!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  department!: string | null;

  @Column({ name: 'budget_authority', type: 'boolean', nullable: true })
  budgetAuthority!: boolean | null;

  @Column({ name: 'company_name', type: 'varchar', length: 200, nullable: true })
  companyName!: string | null;

  @Column({ name: 'company_domain', type: 'varchar', length: 253, nullable: true })
  companyDomain!: string | null;

  @Column({ name: 'employee_count', type: 'integer', nullable: true })
  employeeCount!: number | null;

  @Column({ name: 'annual_revenue', type: 'float8', nullable: true })
  annualRevenue!: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  industry!: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  country!: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  technologies!: string[];

  @Column({ type: 'varchar', length: 100, nullable: true })
  source!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  campaign!: string | null;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'LEAD' })
  stage!: LifecycleStage;

  @Column({ name: 'stage_changed_at', type: 'timestamptz', default: () => 'now()' })
  stageChangedAt!: Date;

  /** A recycled lead may not be handed over again before this time. */
  @Column({ name: 'recycle_until', type: 'timestamptz', nullable: true })
  recycleUntil!: Date | null;

  /** The times of the lead's most recent signals per type: all scoring needs, without reading signals. */
  @Column({ name: 'signal_summary', type: 'jsonb', default: () => `'{}'` })
  signalSummary!: SignalSummary;

  @Column({ name: 'signal_count', type: 'integer', default: 0 })
  signalCount!: number;

  @Column({ name: 'last_signal_at', type: 'timestamptz', nullable: true })
  lastSignalAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Moves whenever an input of scoring changes, so a rescore can catch up with leads changed during it. */
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
