import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { MemberEntity } from '@accord/api/members/data-access';
import type { ApproverSide } from '@accord/domain/workspace';

import { AgreementVersionEntity } from './agreement-version.entity';

/** An approver's signature for one side on one revision; the keys make each side and each person sign once. */
@Entity({ name: 'agreement_signatures' })
@Index('agreement_signatures_member_key', ['workspaceId', 'versionId', 'revision', 'memberId'], {
  unique: true,
})
@Check('agreement_signatures_side_check', `"side" IN ('MARKETING', 'SALES')`)
export class AgreementSignatureEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => AgreementVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'workspace_id', referencedColumnName: 'workspaceId' },
    { name: 'version_id', referencedColumnName: 'id' },
  ])
  version?: AgreementVersionEntity;

  @PrimaryColumn({ type: 'integer' })
  revision!: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  side!: ApproverSide;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @ManyToOne(() => MemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'workspace_id', referencedColumnName: 'workspaceId' },
    { name: 'member_id', referencedColumnName: 'id' },
  ])
  member?: MemberEntity;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  comment!: string | null;

  @Column({ name: 'signed_at', type: 'timestamptz' })
  signedAt!: Date;
}
