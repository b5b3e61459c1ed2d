import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { WorkspaceEntity } from './workspace.entity';

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
}
