import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';

import { WorkspaceEntity } from '@accord/api/members/data-access';
import { type AgreementDocument, type StoredStatus, canonicalDocument } from '@accord/domain/agreement';

/**
 * One numbered version of a workspace's lead agreement. The invariants that concurrency could otherwise break
 * are indexes: one open (draft or proposed) version per workspace, one published version without a successor,
 * and no two versions taking effect at the same instant.
 */
@Entity({ name: 'agreement_versions' })
@Index('agreement_versions_number_key', ['workspaceId', 'number'], { unique: true })
@Index('agreement_versions_one_open_key', ['workspaceId'], {
  unique: true,
  where: `status IN ('DRAFT', 'PROPOSED')`,
})
@Index('agreement_versions_one_latest_key', ['workspaceId'], {
  unique: true,
  where: `status = 'PUBLISHED' AND superseded_at IS NULL`,
})
@Index('agreement_versions_effective_key', ['workspaceId', 'effectiveAt'], { unique: true })
@Check('agreement_versions_status_check', `"status" IN ('DRAFT', 'PROPOSED', 'PUBLISHED')`)
@Check(
  'agreement_versions_published_check',
  `("status" = 'PUBLISHED') = ("effective_at" IS NOT NULL AND "published_at" IS NOT NULL)`,
)
@Check('agreement_versions_superseded_check', `"superseded_at" IS NULL OR "superseded_at" > "effective_at"`)
@Check('agreement_versions_revision_check', `"revision" > 0 AND "number" > 0`)
export class AgreementVersionEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'agreement_versions_workspace_fkey' })
  workspace?: WorkspaceEntity;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: StoredStatus;

  /** Moves on with every edit and send-back; signatures and edits name the revision they were made on. */
  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({
    type: 'jsonb',
    transformer: { from: canonicalDocument, to: (document: AgreementDocument) => document },
  })
  document!: AgreementDocument;

  /** The published version this one was copied from, if any. */
  @Column({ name: 'based_on_id', type: 'uuid', nullable: true })
  basedOnId!: string | null;

  /** When the proposal asks to take effect; null means as soon as both sides have signed. */
  @Column({ name: 'requested_effective_at', type: 'timestamptz', nullable: true })
  requestedEffectiveAt!: Date | null;

  @Column({ name: 'effective_at', type: 'timestamptz', nullable: true })
  effectiveAt!: Date | null;

  /** Set when the next version is published: the instant that version takes effect. */
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;

  @Column({ name: 'updated_by_id', type: 'uuid', nullable: true })
  updatedById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
