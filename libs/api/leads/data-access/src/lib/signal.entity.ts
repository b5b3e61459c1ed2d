import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One intent or activity event of a lead, stored once per sender's id in the workspace. Few indexes, because every
 * index multiplies the cost of bulk ingestion: the primary key, the sender's id, which keeps a re-sent event once
 * even when it would now match another lead; the lead's, which serves its timeline; and one partial index of
 * activity by time for the dashboard, which intent signals (most of them) do not pay for. The sender's id is the
 * only unique key, so that the insert's ON CONFLICT on it covers every conflict (migration SignalsKeyedByEventId).
 */
@Entity({ name: 'signals' })
@Index('signals_lead_idx', ['workspaceId', 'leadId'])
@Index('signals_activity_idx', ['workspaceId', 'occurredAt'], {
  where: `type IN ('EMAIL_SENT', 'CALL_MADE', 'MEETING_BOOKED')`,
})
export class SignalEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ name: 'external_id', type: 'varchar', length: 200 })
  externalId!: string;

  @Column({ name: 'lead_id', type: 'uuid' })
  leadId!: string;

  @Column({ type: 'varchar', length: 50 })
  type!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'varchar', length: 100, nullable: true })
  source!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}
