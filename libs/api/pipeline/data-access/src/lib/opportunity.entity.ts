import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { LeadEntity } from '@accord/api/leads/data-access';
import { MemberEntity } from '@accord/api/members/data-access';
import type { CalendarDate, OpportunityStage } from '@accord/domain/pipeline';

import { AMOUNT_TRANSFORMER } from './numeric';

/** A deal opened on an accepted lead: its amount is pipeline sourced; WON or LOST close it. */
@Entity({ name: 'opportunities' })
@Index('opportunities_lead_idx', ['workspaceId', 'leadId', 'openedAt'])
@Index('opportunities_updated_idx', ['workspaceId', 'updatedAt'])
// At most one open opportunity per lead, whoever races to open one.
@Index('opportunities_open_lead_key', ['workspaceId', 'leadId'], {
  unique: true,
  where: `"stage" NOT IN ('WON', 'LOST')`,
})
@Check(
  'opportunities_stage_check',
  `"stage" IN ('DISCOVERY', 'DEMO', 'PROOF_OF_CONCEPT', 'NEGOTIATION', 'WON', 'LOST')`,
)
@Check('opportunities_amount_check', `"amount" >= 0 AND "amount" <= 100000000000`)
@Check('opportunities_currency_check', `"currency" ~ '^[A-Z]{3}$'`)
@Check(
  'opportunities_closed_check',
  `("stage" IN ('WON', 'LOST')) = ("close_date" IS NOT NULL AND "closed_at" IS NOT NULL)`,
)
@Check('opportunities_lost_reason_check', `("stage" = 'LOST') = ("lost_reason" IS NOT NULL)`)
export class OpportunityEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'lead_id', type: 'uuid' })
  leadId!: string;

  @ManyToOne(() => LeadEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'workspace_id',
      referencedColumnName: 'workspaceId',
      foreignKeyConstraintName: 'opportunities_lead_fkey',
    },
    { name: 'lead_id', referencedColumnName: 'id' },
  ])
  lead?: LeadEntity;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => MemberEntity)
  @JoinColumn([
    {
      name: 'workspace_id',
      referencedColumnName: 'workspaceId',
      foreignKeyConstraintName: 'opportunities_owner_fkey',
    },
    { name: 'owner_id', referencedColumnName: 'id' },
  ])
  owner?: MemberEntity;

  @Column({ type: 'varchar', length: 16 })
  stage!: OpportunityStage;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: AMOUNT_TRANSFORMER })
  amount!: number;

  @Column({ type: 'char', length: 3, default: 'USD' })
  currency!: string;

  /** The day it closed, in the workspace's calendar. */
  @Column({ name: 'close_date', type: 'date', nullable: true })
  closeDate!: CalendarDate | null;

  @Column({ name: 'lost_reason', type: 'varchar', length: 500, nullable: true })
  lostReason!: string | null;

  /** Bumped by every change; writers update `WHERE revision = $read`, so no change is lost. */
  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({ name: 'opened_by_id', type: 'uuid', nullable: true })
  openedById!: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
