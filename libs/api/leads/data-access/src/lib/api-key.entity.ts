import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A workspace's key for machine clients (ingestion, and imports if allowed). Only a hash of the secret is kept; it is shown once. */
@Entity({ name: 'api_keys' })
@Index('api_keys_secret_hash_key', ['secretHash'], { unique: true })
export class ApiKeyEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** The first characters of the key, so people can tell keys apart without the secret. */
  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  /** SHA-256 of the whole key: the key has 256 random bits, so a slow hash adds nothing. */
  @Column({ name: 'secret_hash', type: 'char', length: 64 })
  secretHash!: string;

  /** Whether the key may also import CSV files, acting as the member who created it (migration ApiKeyImports). */
  @Column({ type: 'boolean', default: false })
  imports!: boolean;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
