import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { MemberStatus, Role } from '@accord/domain/workspace';

import { MemberEntity } from './member.entity';

/** What any member may see of another: no e-mail, sign-in or invitation details. */
export interface ColleagueRow {
  id: string;
  name: string;
  roles: Role[];
  team: string | null;
  /** Signs the agreement for each side whose role they hold. */
  approver: boolean;
  /** A deactivated member stays listed: their leads and handovers still show their name. */
  status: MemberStatus;
}

export interface MemberPage {
  members: MemberEntity[];
  hasNextPage: boolean;
  totalCount: number;
}

/** Position in the members list ordered by (created_at to the millisecond, id). */
export interface MemberCursor {
  createdAt: Date;
  id: string;
}

export type NewMember = Pick<
  MemberEntity,
  'workspaceId' | 'id' | 'email' | 'name' | 'roles' | 'approver' | 'status' | 'passwordHash'
> &
  Partial<Pick<MemberEntity, 'monthlyQuota' | 'emailVerifiedAt'>>;

/** What authentication needs of a member. */
export type SignedInMember = Pick<
  MemberEntity,
  'id' | 'workspaceId' | 'email' | 'name' | 'roles' | 'approver' | 'status' | 'sessionEpoch'
>;

/** Member rows. Every method runs in the caller's tenant-scoped transaction unless it says otherwise. */
/** Where a member sits in the sales team: only the fields named change. */
export interface MemberPlace {
  team?: string | null;
  managerId?: string | null;
  monthlyQuota?: number | null;
}

@Injectable()
export class MembersRepository {
  /**
   * The member a token names, in one statement on a manager outside any transaction (TenantDb.standalone): the
   * function enters the workspace's scope itself (migration SignedInMember).
   */
  async signedIn(standalone: EntityManager, workspaceId: string, id: string): Promise<SignedInMember | null> {
    const [row]: SignedInMember[] = await standalone.query(
      `SELECT id, workspace_id AS "workspaceId", email, name, roles, approver, status,
              session_epoch AS "sessionEpoch"
         FROM accord_signed_in_member($1, $2)`,
      [workspaceId, id],
    );
    return row ?? null;
  }

  async insert(manager: EntityManager, member: NewMember): Promise<void> {
    await manager.insert(MemberEntity, member);
  }

  /** The member, with their manager (one level: the manager's own manager is not loaded). */
  findById(manager: EntityManager, id: string): Promise<MemberEntity | null> {
    // A plain join (getOne sets no LIMIT), not findOne's relations, which would page in two queries.
    return manager
      .createQueryBuilder(MemberEntity, 'member')
      .leftJoinAndSelect('member.manager', 'manager')
      .where('member.id = :id', { id })
      .getOne();
  }

  /** The member, locked until the transaction ends: changes to them that must not interleave go one at a time. */
  lockById(manager: EntityManager, id: string): Promise<MemberEntity | null> {
    return manager.findOne(MemberEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findByEmail(manager: EntityManager, email: string): Promise<MemberEntity | null> {
    return manager.findOneBy(MemberEntity, { email });
  }

  /** Under the sign-in scope: every membership of one e-mail, oldest first. */
  findSignInCandidates(manager: EntityManager, email: string): Promise<MemberEntity[]> {
    return manager.find(MemberEntity, { where: { email }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async page(manager: EntityManager, first: number, after: MemberCursor | null): Promise<MemberPage> {
    const query = manager
      .createQueryBuilder(MemberEntity, 'member')
      .leftJoinAndSelect('member.manager', 'manager')
      // Milliseconds, because cursors carry a JavaScript Date; PostgreSQL keeps microseconds.
      .orderBy(`date_trunc('milliseconds', member.created_at)`, 'ASC')
      .addOrderBy('member.id', 'ASC')
      .limit(first + 1);
    if (after) {
      query.where(`(date_trunc('milliseconds', member.created_at), member.id) > (:createdAt, :id)`, {
        createdAt: after.createdAt,
        id: after.id,
      });
    }
    const [rows, totalCount] = await Promise.all([query.getMany(), manager.count(MemberEntity)]);
    return { members: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }

  /** Every member of the workspace by name, with what colleagues may see of them (see Colleague). */
  colleagues(manager: EntityManager): Promise<ColleagueRow[]> {
    return manager.query(
      `SELECT id, name, roles, team, approver, status FROM members ORDER BY lower(name), id`,
    );
  }

  /**
   * Locks the workspace's active admins until the transaction ends and returns their ids, so that two admins
   * demoting each other at once cannot leave the workspace without one.
   */
  async lockActiveAdmins(manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM members WHERE status = 'ACTIVE' AND 'ADMIN' = ANY(roles) ORDER BY id FOR UPDATE`,
    );
    return rows.map((row) => row.id);
  }

  /**
   * Sets the roles and approver flag, and whichever of the member's name (an invitation sent again), team, manager
   * and quota `place` names.
   */
  async updateAccess(
    manager: EntityManager,
    id: string,
    roles: Role[],
    approver: boolean,
    place: MemberPlace & { name?: string } = {},
  ): Promise<MemberEntity | null> {
    await manager.update(MemberEntity, { id }, { roles, approver, ...place });
    return this.findById(manager, id);
  }

  /** True when `memberId` is `managerId` or above them in the chain of managers (so would close a loop). */
  async managesThroughChain(manager: EntityManager, managerId: string, memberId: string): Promise<boolean> {
    const [row]: { found: boolean }[] = await manager.query(
      `WITH RECURSIVE chain(id, depth) AS (
         SELECT id, 0 FROM members WHERE id = $1
         UNION ALL
         SELECT m.manager_id, c.depth + 1 FROM chain c JOIN members m ON m.id = c.id
          WHERE m.manager_id IS NOT NULL AND c.depth < 10000)
       SELECT EXISTS (SELECT 1 FROM chain WHERE id = $2) AS found`,
      [managerId, memberId],
    );
    return row?.found ?? false;
  }

  /** Deactivates once; returns null when the member was already deactivated or does not exist. */
  async deactivate(manager: EntityManager, id: string, at: Date): Promise<MemberEntity | null> {
    const result = await manager
      .createQueryBuilder()
      .update(MemberEntity)
      .set({ status: 'DEACTIVATED', deactivatedAt: at })
      .where('id = :id AND status <> :status', { id, status: 'DEACTIVATED' })
      .execute();
    return result.affected === 1 ? this.findById(manager, id) : null;
  }

  /**
   * Brings a deactivated member back: active again with the password they had, or invited again when they never
   * set one (deactivated before they joined: they need a new invitation). The session epoch moves on, so no token
   * issued before the deactivation works again. Null when the member is not deactivated.
   */
  async reactivate(manager: EntityManager, id: string): Promise<MemberEntity | null> {
    const result = await manager
      .createQueryBuilder()
      .update(MemberEntity)
      .set({
        status: () => `CASE WHEN password_hash IS NULL THEN 'INVITED' ELSE 'ACTIVE' END`,
        deactivatedAt: null,
        sessionEpoch: () => 'session_epoch + 1',
      })
      .where('id = :id AND status = :status', { id, status: 'DEACTIVATED' })
      .execute();
    return result.affected === 1 ? this.findById(manager, id) : null;
  }

  /**
   * Ends every session of the member: the epoch their tokens carry moves on, so all of them are refused; sets a new
   * password hash too when one is given.
   */
  async revokeSessions(manager: EntityManager, id: string, passwordHash?: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(MemberEntity)
      .set({ sessionEpoch: () => 'session_epoch + 1', ...(passwordHash ? { passwordHash } : {}) })
      .where('id = :id', { id })
      .execute();
  }

  /**
   * Sets a new password for an active member and ends every session they have (their epoch moves on, as
   * `revokeSessions` does); false when the member is not active any more. `emailVerifiedAt` is given when the link
   * was e-mailed to them, which shows the address is theirs; an earlier confirmation stays.
   */
  async resetPassword(
    manager: EntityManager,
    id: string,
    passwordHash: string,
    emailVerifiedAt: Date | null,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(MemberEntity)
      .set({ passwordHash, sessionEpoch: () => 'session_epoch + 1', ...verifiedAt(emailVerifiedAt) })
      .where('id = :id AND status = :status', { id, status: 'ACTIVE', verifiedAt: emailVerifiedAt })
      .execute();
    return result.affected === 1;
  }

  /**
   * Sets the password of an invited member; false when the member is no longer waiting for one. `emailVerifiedAt`
   * as for `resetPassword`.
   */
  async activate(
    manager: EntityManager,
    id: string,
    passwordHash: string,
    emailVerifiedAt: Date | null,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(MemberEntity)
      .set({ status: 'ACTIVE', passwordHash, ...verifiedAt(emailVerifiedAt) })
      .where('id = :id AND status = :status', { id, status: 'INVITED', verifiedAt: emailVerifiedAt })
      .execute();
    return result.affected === 1;
  }

  /** Records that an active member confirmed their e-mail address (the first time counts); false when not active. */
  async confirmEmail(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(MemberEntity)
      .set(verifiedAt(at))
      .where('id = :id AND status = :status', { id, status: 'ACTIVE', verifiedAt: at })
      .execute();
    return result.affected === 1;
  }

  async recordSignIn(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(MemberEntity, { id }, { lastSignedInAt: at });
  }
}

/**
 * The update that records a confirmed address at the query's `verifiedAt` parameter, keeping an earlier
 * confirmation; nothing when there is none to record.
 */
function verifiedAt(at: Date | null): { emailVerifiedAt?: () => string } {
  return at ? { emailVerifiedAt: () => 'COALESCE(email_verified_at, :verifiedAt)' } : {};
}
