import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { InvitationEntity } from './invitation.entity';

export type NewInvitation = Pick<
  InvitationEntity,
  'workspaceId' | 'id' | 'memberId' | 'tokenHash' | 'expiresAt' | 'createdById' | 'createdAt'
>;

/** Invitation rows. Every method runs in the caller's tenant-scoped transaction. */
@Injectable()
export class InvitationsRepository {
  async insert(manager: EntityManager, invitation: NewInvitation): Promise<void> {
    await manager.insert(InvitationEntity, invitation);
  }

  /** Under the invitation scope: the invitation whose token hashes to `tokenHash`. */
  findByTokenHash(manager: EntityManager, tokenHash: string): Promise<InvitationEntity | null> {
    return manager.findOneBy(InvitationEntity, { tokenHash });
  }

  /** Uses the invitation once; false when it was already used or has expired. */
  async consume(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(InvitationEntity)
      .set({ acceptedAt: at })
      .where('id = :id AND accepted_at IS NULL AND expires_at > :at', { id, at })
      .execute();
    return result.affected === 1;
  }

  /**
   * Voids a member's unused invitations, e.g. when a new one is sent or the member is deactivated: they expire
   * `at`, and their rows stay, so that `sentSince` still counts each invitation that was sent.
   */
  async revokeOpen(manager: EntityManager, memberId: string, at: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(InvitationEntity)
      .set({ expiresAt: at })
      .where('member_id = :memberId AND accepted_at IS NULL AND expires_at > :at', { memberId, at })
      .execute();
  }

  /**
   * Takes the workspace's invitation lock until the transaction ends, so that two invitations sent at once are
   * counted one after the other.
   */
  async lockSending(manager: EntityManager): Promise<void> {
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('invitations:' || accord_current_workspace()::text, 0))`,
    );
  }

  /** How many invitations the workspace made after `since`, and when the earliest of them was made. */
  async sentSince(manager: EntityManager, since: Date): Promise<{ count: number; earliest: Date | null }> {
    const [row]: { count: number; earliest: Date | null }[] = await manager.query(
      `SELECT count(*)::int AS count, min(created_at) AS earliest FROM invitations WHERE created_at > $1`,
      [since],
    );
    return row;
  }
}
