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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'last_signed_in_at', type: 'timestamptz', nullable: true })
  lastSignedInAt!: Date | null;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;
}
