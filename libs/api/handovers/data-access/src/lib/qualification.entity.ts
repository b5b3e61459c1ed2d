import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Sales' answer to one item of the SQL checklist for an accepted lead: the latest answer counts. */
@Entity({ name: 'lead_qualifications' })
export class LeadQualificationEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ name: 'lead_id', type: 'uuid' })
  leadId!: string;

  @PrimaryColumn({ name: 'item_key', type: 'varchar', length: 63 })
  itemKey!: string;

  @Column({ type: 'boolean' })
  met!: boolean;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note!: string | null;

  /** The version whose checklist was answered: the accepted handover's. */
  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @Column({ name: 'answered_by', type: 'uuid' })
  answeredBy!: string;

  @Column({ name: 'answered_at', type: 'timestamptz' })
  answeredAt!: Date;
}
