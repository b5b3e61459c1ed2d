import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const HANDOVER_EVENT_KINDS = ['CREATED', 'REASSIGNED', 'EXPIRED', 'ACCEPTED', 'REJECTED'] as const;
export type HandoverEventKind = (typeof HANDOVER_EVENT_KINDS)[number];

/** Everything that happened to a handover, with who did it and under which version: its audit trail. */
@Entity({ name: 'handover_events' })
@Index('handover_events_handover_idx', ['workspaceId', 'handoverId', 'id'])
export class HandoverEventEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'handover_id', type: 'uuid' })
  handoverId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: HandoverEventKind;

  /** Null for what the system did (opening, expiry). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** The owner after the event. */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @Column({ type: 'varchar', length: 200 })
  detail!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
