import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One intent or activity event of a lead, stored once per sender's id. */
@Entity({ name: 'signals' })
@Index('signals_lead_idx', ['workspaceId', 'leadId', 'occurredAt'])
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
