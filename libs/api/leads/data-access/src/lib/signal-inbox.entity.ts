import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Signals stored but not yet folded into their lead's summary and score. Ingestion adds a row in the
 * transaction that stores the signal; the SignalApplier deletes it in the transaction that applies it, so a
 * crash in between leaves the row to be applied again, never lost and never applied twice.
 */
@Entity({ name: 'signal_inbox' })
export class SignalInboxEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'lead_id', type: 'uuid' })
  leadId!: string;

  @Column({ type: 'varchar', length: 50 })
  type!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
