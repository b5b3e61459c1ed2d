import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A customer company: the tenant every other row belongs to. */
@Entity({ name: 'workspaces' })
@Check('workspaces_currency_check', `"currency" ~ '^[A-Z]{3}$'`)
export class WorkspaceEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'UTC' })
  timeZone!: string;

  /** The reporting currency (ISO 4217): every amount of the workspace — opportunities, quotas — is in it. */
  @Column({ type: 'char', length: 3, default: 'USD' })
  currency!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
