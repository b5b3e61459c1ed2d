import { Injectable } from '@nestjs/common';

import { ImportsRepository, SavedMapping } from '@accord/api/imports/data-access';
import { WorkspacesRepository } from '@accord/api/members/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import {
  type ImportKind,
  type ImportMapping,
  mappingFromProposal,
  proposeMapping,
} from '@accord/domain/imports';

import { checkMapping, checkMayImport, mayImport, usableHeaders } from './import-rules';

/** Whether a saved mapping was made for this very header: same columns, same names, same order. */
export const sameHeaders = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((header, index) => header === b[index]);

/** The mappings saved per kind, and the mapping an import starts from when it is given none. */
@Injectable()
export class ImportMappingsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly imports: ImportsRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly clock: Clock,
  ) {}

  /** What a proposed mapping starts from: the kind's saved mapping and the workspace's reporting currency. */
  startingPoint(workspaceId: string, kind: ImportKind) {
    return this.tenantDb.inWorkspace(workspaceId, async (manager) => ({
      saved: await this.imports.mapping(manager, kind),
      currency: (await this.workspaces.findById(manager, workspaceId))?.currency ?? 'USD',
    }));
  }

  /** The currency the workspace reports in: a company's revenue in any other is refused (see RowPreparer). */
  reportingCurrency(workspaceId: string): Promise<string> {
    return this.tenantDb.inWorkspace(
      workspaceId,
      async (manager) => (await this.workspaces.findById(manager, workspaceId))?.currency ?? 'USD',
    );
  }

  /** The saved mapping when it was made for this header, else the one proposed from the header. */
  async defaultFor(workspaceId: string, kind: ImportKind, headers: string[]): Promise<ImportMapping> {
    const { saved, currency } = await this.startingPoint(workspaceId, kind);
    if (saved && sameHeaders(saved.headers, headers)) return saved.mapping;
    return mappingFromProposal(proposeMapping(kind, headers), currency);
  }

  async list(actor: AuthMember): Promise<SavedMapping[]> {
    const mappings = await this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
      this.imports.mappings(manager),
    );
    return mappings.filter((mapping) => mayImport(actor, mapping.kind));
  }

  async save(
    actor: AuthMember,
    kind: ImportKind,
    headers: string[],
    mapping: ImportMapping,
  ): Promise<SavedMapping> {
    checkMayImport(actor, kind);
    usableHeaders(headers);
    checkMapping(kind, mapping, headers.length);
    const at = this.clock.now();
    await this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
      this.imports.saveMapping(manager, { kind, headers, mapping, updatedById: actor.id, at }),
    );
    return { kind, headers, mapping, updatedAt: at };
  }
}
