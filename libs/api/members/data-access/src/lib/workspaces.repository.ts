import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { WorkspaceEntity } from './workspace.entity';

/** The settings an admin may change; an absent one stays as it is. */
export type WorkspaceSettings = Partial<Pick<WorkspaceEntity, 'name' | 'timeZone' | 'currency'>>;

/** Workspace rows. Every method runs in the caller's tenant-scoped transaction. */
@Injectable()
export class WorkspacesRepository {
  async insert(
    manager: EntityManager,
    workspace: Pick<WorkspaceEntity, 'id' | 'name' | 'timeZone'>,
  ): Promise<void> {
    await manager.insert(WorkspaceEntity, workspace);
  }

  findById(manager: EntityManager, id: string): Promise<WorkspaceEntity | null> {
    return manager.findOneBy(WorkspaceEntity, { id });
  }

  /**
   * The workspace's reporting currency, its row share-locked until the transaction ends: an amount written in it
   * cannot meet a change of currency committed meanwhile (the change locks the row for update).
   */
  async currencyForWriting(manager: EntityManager, id: string): Promise<string> {
    const [row]: { currency: string }[] = await manager.query(
      `SELECT currency FROM workspaces WHERE id = $1 FOR SHARE`,
      [id],
    );
    return row.currency;
  }

  /** The workspace, locked for a change of its settings. */
  async lock(manager: EntityManager, id: string): Promise<WorkspaceEntity | null> {
    return manager.findOne(WorkspaceEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(manager: EntityManager, id: string, settings: WorkspaceSettings): Promise<void> {
    if (Object.keys(settings).length > 0) await manager.update(WorkspaceEntity, { id }, settings);
  }

  /**
   * The currencies the workspace's amounts are in besides `currency`, with how many opportunities each: a
   * workspace reports in one currency, so it cannot change it while amounts are written in the old one.
   */
  async amountsInOtherCurrencies(
    manager: EntityManager,
    currency: string,
  ): Promise<{ currency: string; opportunities: number }[]> {
    return manager.query(
      `SELECT currency, count(*)::int AS opportunities FROM opportunities WHERE currency <> $1
        GROUP BY currency ORDER BY count(*) DESC, currency`,
      [currency],
    );
  }
}
