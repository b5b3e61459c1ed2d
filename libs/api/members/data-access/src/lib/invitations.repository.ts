import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';

import { InvitationEntity } from './invitation.entity';

export type NewInvitation = Pick<
  InvitationEntity,
  'workspaceId' | 'id' | 'memberId' | 'tokenHash' | 'expiresAt' | 'createdById'
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

  /** Voids a member's unused invitations, e.g. when a new one is sent or the member is deactivated. */
  async revokeOpen(manager: EntityManager, memberId: string): Promise<void> {
    await manager.delete(InvitationEntity, { memberId, acceptedAt: IsNull() });
  }
}
