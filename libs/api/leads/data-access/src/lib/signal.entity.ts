import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One intent or activity event of a lead, stored once per sender's id and lead. One index only — the primary
 * key, which also serves a lead's timeline — because every index multiplies the cost of bulk ingestion.
 */
@Entity({ name: 'signals' })
export class SignalEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ name: 'lead_id', type: 'uuid' })
  leadId!: string;

  @PrimaryColumn({ name: 'external_id', type: 'varchar', length: 200 })
  externalId!: string;

  @Column({ type: 'varchar', length: 50 })
  type!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'varchar', length: 100, nullable: true })
  source!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}
