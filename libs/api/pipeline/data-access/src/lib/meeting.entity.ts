import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { LeadEntity } from '@accord/api/leads/data-access';
import { MemberEntity } from '@accord/api/members/data-access';
import type { MeetingStatus } from '@accord/domain/pipeline';

/** A meeting with a lead: booked, then held, missed or cancelled. */
@Entity({ name: 'meetings' })
@Index('meetings_lead_idx', ['workspaceId', 'leadId', 'scheduledAt'])
@Index('meetings_marked_idx', ['workspaceId', 'markedAt'], { where: '"marked_at" IS NOT NULL' })
// The dashboard counts qualified meetings held per period without reading the rest.
@Index('meetings_qualified_idx', ['workspaceId', 'scheduledAt'], { where: '"qualified"' })
@Check('meetings_status_check', `"status" IN ('BOOKED', 'HELD', 'NO_SHOW', 'CANCELLED')`)
@Check('meetings_qualified_check', `NOT "qualified" OR "status" = 'HELD'`)
export class MeetingEntity {
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
      foreignKeyConstraintName: 'meetings_lead_fkey',
    },
    { name: 'lead_id', referencedColumnName: 'id' },
  ])
  lead?: LeadEntity;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => MemberEntity)
  @JoinColumn([
    {
      name: 'workspace_id',
      referencedColumnName: 'workspaceId',
      foreignKeyConstraintName: 'meetings_owner_fkey',
    },
    { name: 'owner_id', referencedColumnName: 'id' },
  ])
  owner?: MemberEntity;

  @Column({ name: 'scheduled_at', type: 'timestamptz' })
  scheduledAt!: Date;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes!: string | null;

  @Column({ type: 'varchar', length: 10, default: 'BOOKED' })
  status!: MeetingStatus;

  /** Held with a lead sales had accepted by then: set once, when marked held, so counting it is cheap. */
  @Column({ type: 'boolean', default: false })
  qualified!: boolean;

  @Column({ name: 'booked_by_id', type: 'uuid', nullable: true })
  bookedById!: string | null;

  @Column({ name: 'booked_at', type: 'timestamptz' })
  bookedAt!: Date;

  @Column({ name: 'marked_by_id', type: 'uuid', nullable: true })
  markedById!: string | null;

  @Column({ name: 'marked_at', type: 'timestamptz', nullable: true })
  markedAt!: Date | null;
}
