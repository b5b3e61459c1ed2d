import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

import type { AgreementAction } from '@accord/domain/agreement';

import { AgreementVersionEntity } from './agreement-version.entity';

/** The audit trail: every action on every version, who took it, when, on which revision, and why. */
@Entity({ name: 'agreement_events' })
@Index('agreement_events_version_idx', ['workspaceId', 'versionId', 'id'])
@Check(
  'agreement_events_action_check',
  `"action" IN ('CREATED', 'EDITED', 'PROPOSED', 'SIGNED', 'SENT_BACK', 'PUBLISHED')`,
)
export class AgreementEventEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  /** Increasing, so the trail has one order even for actions in the same instant (a signature that publishes). */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => AgreementVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'workspace_id', referencedColumnName: 'workspaceId' },
    { name: 'version_id', referencedColumnName: 'id' },
  ])
  version?: AgreementVersionEntity;

  @Column({ type: 'varchar', length: 16 })
  action!: AgreementAction;

  @Column({ type: 'integer' })
  revision!: number;

  /** Null only for actions the system takes on its own. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  comment!: string | null;

  /** Facts particular to the action: the side signed, the effective time published, signatures voided… */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  details!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
