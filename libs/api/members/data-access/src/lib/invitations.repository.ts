import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { InvitationEntity, type LinkPurpose } from './invitation.entity';

export type NewInvitation = Pick<
  InvitationEntity,
  | 'workspaceId'
  | 'id'
  | 'memberId'
  | 'purpose'
  | 'tokenHash'
  | 'expiresAt'
  | 'mailed'
  | 'createdById'
  | 'createdAt'
>;

/**
 * One-time links: invitations, password resets and e-mail confirmations alike. Every method runs in the caller's
 * tenant-scoped transaction, and every one that reads or changes links names their purpose: a link of one purpose
 * never stands in for another.
 */
@Injectable()
export class InvitationsRepository {
  async insert(manager: EntityManager, invitation: NewInvitation): Promise<void> {
    await manager.insert(InvitationEntity, invitation);
  }

  /** Under the invitation scope: the link of that purpose whose token hashes to `tokenHash`. */
  findByTokenHash(
    manager: EntityManager,
    tokenHash: string,
    purpose: LinkPurpose,
  ): Promise<InvitationEntity | null> {
    return manager.findOneBy(InvitationEntity, { tokenHash, purpose });
  }

  /** Uses the link once; false when it was already used, has expired or was voided. */
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
   * Voids a member's unused links of the given purposes, e.g. when a new one is sent or the member is deactivated:
   * they expire `at`, and their rows stay, so that `sentSince` still counts each invitation that was sent.
   */
  async revokeOpen(
    manager: EntityManager,
    memberId: string,
    at: Date,
    purposes: readonly LinkPurpose[],
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(InvitationEntity)
      .set({ expiresAt: at })
      .where(
        'member_id = :memberId AND accepted_at IS NULL AND expires_at > :at AND purpose IN (:...purposes)',
        {
          memberId,
          at,
          purposes,
        },
      )
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

  /**
   * How many invitations (not password resets) the workspace made after `since`, and when the earliest of them was
   * made.
   */
  async sentSince(manager: EntityManager, since: Date): Promise<{ count: number; earliest: Date | null }> {
    const [row]: { count: number; earliest: Date | null }[] = await manager.query(
      `SELECT count(*)::int AS count, min(created_at) AS earliest
         FROM invitations WHERE created_at > $1 AND purpose = 'INVITATION'`,
      [since],
    );
    return row;
  }
}
