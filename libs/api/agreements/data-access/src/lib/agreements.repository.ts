import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';

import type { AgreementAction, AgreementDocument, StoredStatus } from '@accord/domain/agreement';
import type { ApproverSide, Role } from '@accord/domain/workspace';

import { AgreementEventEntity } from './agreement-event.entity';
import { AgreementSignatureEntity } from './agreement-signature.entity';
import { AgreementVersionEntity } from './agreement-version.entity';

export interface NewVersion {
  workspaceId: string;
  id: string;
  document: AgreementDocument;
  basedOnId: string | null;
  createdById: string;
  at: Date;
}

export interface NewEvent {
  workspaceId: string;
  versionId: string;
  action: AgreementAction;
  revision: number;
  actorId: string | null;
  comment: string | null;
  details?: Record<string, unknown>;
  at: Date;
}

export interface EventPage {
  events: AgreementEventEntity[];
  hasNextPage: boolean;
}

const OPEN: StoredStatus[] = ['DRAFT', 'PROPOSED'];

/** Agreement versions, signatures and their audit trail. Every method runs in the caller's tenant transaction. */
@Injectable()
export class AgreementsRepository {
  findById(manager: EntityManager, id: string): Promise<AgreementVersionEntity | null> {
    return manager.findOneBy(AgreementVersionEntity, { id });
  }

  /** Locks the version until the transaction ends, so that signatures and publication happen one at a time. */
  lockById(manager: EntityManager, id: string): Promise<AgreementVersionEntity | null> {
    return manager.findOne(AgreementVersionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Newest first. */
  list(manager: EntityManager): Promise<AgreementVersionEntity[]> {
    return manager.find(AgreementVersionEntity, { order: { number: 'DESC' } });
  }

  findOpen(manager: EntityManager): Promise<AgreementVersionEntity | null> {
    return manager.findOneBy(AgreementVersionEntity, { status: In(OPEN) });
  }

  /** The most recently published version (in force, or scheduled to be); locked when publishing after it. */
  findLatestPublished(manager: EntityManager, lock = false): Promise<AgreementVersionEntity | null> {
    const query = manager
      .createQueryBuilder(AgreementVersionEntity, 'version')
      .where(`version.status = 'PUBLISHED' AND version.superseded_at IS NULL`);
    return (lock ? query.setLock('pessimistic_write') : query).getOne();
  }

  findInForce(manager: EntityManager, at: Date): Promise<AgreementVersionEntity | null> {
    return manager
      .createQueryBuilder(AgreementVersionEntity, 'version')
      .where(`version.status = 'PUBLISHED' AND version.effective_at <= :at`, { at })
      .andWhere('(version.superseded_at IS NULL OR version.superseded_at > :at)', { at })
      .getOne();
  }

  /** Inserts a draft numbered after the workspace's latest version; a concurrent twin fails on a unique key. */
  async insertDraft(manager: EntityManager, version: NewVersion): Promise<AgreementVersionEntity> {
    await manager.query(
      `INSERT INTO agreement_versions
         (workspace_id, id, number, status, revision, document, based_on_id, created_by_id, updated_by_id, created_at, updated_at)
       VALUES ($1, $2, (SELECT coalesce(max(number), 0) + 1 FROM agreement_versions), 'DRAFT', 1, $3, $4, $5, $5, $6, $6)`,
      [
        version.workspaceId,
        version.id,
        JSON.stringify(version.document),
        version.basedOnId,
        version.createdById,
        version.at,
      ],
    );
    return (await this.findById(manager, version.id)) as AgreementVersionEntity;
  }

  /**
   * Saves a new document over exactly `baseRevision` of an open version; null when the version has moved on
   * (or is no longer open), so the caller can say what it found instead. A saved proposal returns to draft.
   */
  async saveDocument(
    manager: EntityManager,
    change: {
      id: string;
      baseRevision: number;
      document: AgreementDocument;
      requestedEffectiveAt: Date | null;
      actorId: string;
      at: Date;
    },
  ): Promise<AgreementVersionEntity | null> {
    const result = await manager
      .createQueryBuilder()
      .update(AgreementVersionEntity)
      .set({
        document: () => ':document::jsonb',
        requestedEffectiveAt: change.requestedEffectiveAt,
        status: 'DRAFT',
        revision: () => 'revision + 1',
        updatedById: change.actorId,
        updatedAt: change.at,
      })
      .setParameter('document', JSON.stringify(change.document))
      .where('id = :id AND revision = :revision AND status IN (:...open)', {
        id: change.id,
        revision: change.baseRevision,
        open: OPEN,
      })
      .execute();
    return result.affected === 1 ? this.findById(manager, change.id) : null;
  }

  /** Moves an open version from one status to another at exactly `revision`; null when it was not there. */
  async transition(
    manager: EntityManager,
    change: {
      id: string;
      revision: number;
      from: StoredStatus;
      to: StoredStatus;
      bumpRevision: boolean;
      actorId: string;
      at: Date;
    },
  ): Promise<AgreementVersionEntity | null> {
    const result = await manager
      .createQueryBuilder()
      .update(AgreementVersionEntity)
      .set({
        status: change.to,
        revision: change.bumpRevision ? () => 'revision + 1' : change.revision,
        updatedById: change.actorId,
        updatedAt: change.at,
      })
      .where('id = :id AND revision = :revision AND status = :from', change)
      .execute();
    return result.affected === 1 ? this.findById(manager, change.id) : null;
  }

  async publish(manager: EntityManager, id: string, effectiveAt: Date, at: Date): Promise<void> {
    await manager.update(
      AgreementVersionEntity,
      { id },
      // updatedAt stays the last change a person made (with updatedBy): publication has its own time.
      { status: 'PUBLISHED', effectiveAt, publishedAt: at },
    );
  }

  async supersede(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(AgreementVersionEntity, { id }, { supersededAt: at });
  }

  signatures(manager: EntityManager, versionIds: readonly string[]): Promise<AgreementSignatureEntity[]> {
    if (versionIds.length === 0) return Promise.resolve([]);
    return manager.find(AgreementSignatureEntity, {
      where: { versionId: In([...versionIds]) },
      order: { signedAt: 'ASC', side: 'ASC' },
    });
  }

  async insertSignature(
    manager: EntityManager,
    signature: {
      workspaceId: string;
      versionId: string;
      revision: number;
      side: ApproverSide;
      memberId: string;
      comment: string | null;
      at: Date;
    },
  ): Promise<void> {
    await manager.insert(AgreementSignatureEntity, { ...signature, signedAt: signature.at });
  }

  async insertEvent(manager: EntityManager, event: NewEvent): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AgreementEventEntity)
      .values({ ...event, details: () => ':details::jsonb' })
      .setParameter('details', JSON.stringify(event.details ?? {}))
      .execute();
  }

  /** Newest first, optionally for one version, after the cursor's event id. */
  async events(
    manager: EntityManager,
    options: { versionId: string | null; first: number; beforeId: string | null },
  ): Promise<EventPage> {
    const query = manager
      .createQueryBuilder(AgreementEventEntity, 'event')
      .orderBy('event.id', 'DESC')
      .limit(options.first + 1);
    if (options.versionId) query.andWhere('event.version_id = :versionId', { versionId: options.versionId });
    if (options.beforeId) query.andWhere('event.id < :beforeId', { beforeId: options.beforeId });
    const rows = await query.getMany();
    return { events: rows.slice(0, options.first), hasNextPage: rows.length > options.first };
  }

  /** The workspace's time zone, in which its people read times together (its row, as the tenant scope shows it). */
  async timeZone(manager: EntityManager): Promise<string> {
    const [row]: { timeZone: string }[] = await manager.query(
      `SELECT time_zone AS "timeZone" FROM workspaces`,
    );
    return row?.timeZone ?? 'UTC';
  }

  /** Display names of members, including deactivated ones: the trail keeps naming who acted. */
  async memberNames(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await manager.query(
      `SELECT id, name FROM members WHERE id = ANY($1::uuid[])`,
      [unique],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Which of these members are active and hold the SALES role, for checking a routing rule. */
  async activeSalesMembers(manager: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM members WHERE id = ANY($1::uuid[]) AND status = 'ACTIVE' AND 'SALES' = ANY(roles)`,
      [[...new Set(ids)]],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** The active approvers with their roles, and the workspace's name: whom a proposal asks to sign, and for whom. */
  async approvers(manager: EntityManager): Promise<{
    workspaceName: string;
    approvers: { id: string; email: string; roles: Role[] }[];
  }> {
    const approvers: { id: string; email: string; roles: Role[] }[] = await manager.query(
      `SELECT id, email, roles FROM members WHERE status = 'ACTIVE' AND approver ORDER BY created_at, id`,
    );
    const [workspace]: { name: string }[] = await manager.query(`SELECT name FROM workspaces`);
    return { workspaceName: workspace?.name ?? '', approvers };
  }

  /** The workspace's active sales members, oldest first: the starter agreement's routing team. */
  async salesTeam(manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM members WHERE status = 'ACTIVE' AND 'SALES' = ANY(roles) ORDER BY created_at, id`,
    );
    return rows.map((row) => row.id);
  }
}
