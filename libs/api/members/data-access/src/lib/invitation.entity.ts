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

import { MemberEntity } from './member.entity';

/**
 * What a one-time link lets its holder do: an invited member sets their first password, an active member sets a
 * new one (a password reset), or an active member confirms their e-mail address. A link of one purpose never works
 * as another.
 */
export const LINK_PURPOSES = ['INVITATION', 'PASSWORD_RESET', 'VERIFY_EMAIL'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/**
 * A one-time link for a member to set a password or confirm their e-mail address (see `purpose`); only the
 * SHA-256 of the token is stored. Every kind shares the table so that they share its token-hash scope (row-level
 * security) and its one unique key on the hash.
 */
@Entity({ name: 'invitations' })
@Check('invitations_purpose_check', `"purpose" IN ('INVITATION', 'PASSWORD_RESET', 'VERIFY_EMAIL')`)
@Index('invitations_token_hash_key', ['tokenHash'], { unique: true })
@Index('invitations_member_idx', ['workspaceId', 'memberId'])
export class InvitationEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @ManyToOne(() => MemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'workspace_id', referencedColumnName: 'workspaceId' },
    { name: 'member_id', referencedColumnName: 'id' },
  ])
  member?: MemberEntity;

  @Column({ type: 'varchar', length: 16, default: 'INVITATION' })
  purpose!: LinkPurpose;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  /**
   * Whether the link went out by e-mail, to the member's address alone: using it then shows that the address is
   * theirs. False for a link an admin was given to pass on (no SMTP), and for links made before this was recorded.
   */
  @Column({ type: 'boolean', default: false })
  mailed!: boolean;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
