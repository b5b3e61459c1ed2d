import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';

import type { MemberStatus, Role } from '@accord/domain/workspace';

import { WorkspaceEntity } from './workspace.entity';

@Entity({ name: 'members' })
@Index('members_workspace_email_key', ['workspaceId', 'email'], { unique: true })
@Check('members_status_check', `"status" IN ('INVITED', 'ACTIVE', 'DEACTIVATED')`)
@Check(
  'members_roles_check',
  `"roles" <@ ARRAY['ADMIN','MARKETING','SALES','EXECUTIVE']::text[] AND cardinality("roles") > 0`,
)
@Check('members_email_check', `"email" = lower("email")`)
@Check('members_manager_check', `"manager_id" <> "id"`)
@Check('members_monthly_quota_check', `"monthly_quota" >= 0`)
export class MemberEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'members_workspace_fkey' })
  workspace?: WorkspaceEntity;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @Column({ type: 'boolean', default: false })
  approver!: boolean;

  @Column({ type: 'varchar', length: 16 })
  status!: MemberStatus;

  /** argon2id hash; null until the member accepts the invitation. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  /**
   * Moves on whenever the member's sessions end (a changed password, "sign out everywhere"): a token carries the
   * epoch it was issued in, and one of an earlier epoch is refused.
   */
  @Column({ name: 'session_epoch', type: 'integer', default: 0 })
  sessionEpoch!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** The team or region the member sells in (imported with the sales reps, or left empty). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  team!: string | null;

  /**
   * Revenue the member is expected to win in a month, in the workspace's currency; the dashboard measures their
   * quota attainment by it. numeric(14,2) reads back as a string from pg; quotas stay well below 2^53 cents.
   */
  @Column({
    name: 'monthly_quota',
    type: 'numeric',
    precision: 14,
    scale: 2,
    nullable: true,
    transformer: {
      to: (value: number | null) => value,
      from: (value: string | null) => (value === null ? null : Number(value)),
    },
  })
  monthlyQuota!: number | null;

  /** Who the member reports to: another member of the same workspace (never themself). */
  @Column({ name: 'manager_id', type: 'uuid', nullable: true })
  managerId!: string | null;

  @ManyToOne(() => MemberEntity, { nullable: true })
  @JoinColumn([
    {
      name: 'workspace_id',
      referencedColumnName: 'workspaceId',
      foreignKeyConstraintName: 'members_manager_fkey',
    },
    { name: 'manager_id', referencedColumnName: 'id' },
  ])
  manager?: MemberEntity | null;

  @Column({ name: 'last_signed_in_at', type: 'timestamptz', nullable: true })
  lastSignedInAt!: Date | null;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  /**
   * When the member showed that the address is theirs: by a confirmation link, or by an invitation or reset link
   * that was e-mailed to them. Null until then; while this instance sends mail, an admin without it cannot invite.
   */
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;
}
