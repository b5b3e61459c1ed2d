import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A request with an Idempotency-Key: reserved (pending: no status yet) while it runs, then its first response,
 * replayed when the same key comes again.
 */
@Entity({ name: 'ingest_requests' })
export class IngestRequestEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey!: string;

  /** SHA-256 of the body: the same key with a different body is a client bug, refused rather than replayed. */
  @Column({ name: 'body_hash', type: 'char', length: 64 })
  bodyHash!: string;

  /** Null while the request runs. */
  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ name: 'response', type: 'jsonb', nullable: true })
  response!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
