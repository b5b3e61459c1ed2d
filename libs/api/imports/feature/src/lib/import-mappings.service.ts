import { Injectable } from '@nestjs/common';

import { AgreementsRepository } from '@accord/api/agreements/data-access';
import { ImportsRepository, SavedMapping } from '@accord/api/imports/data-access';
import { WorkspacesRepository } from '@accord/api/members/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import {
  type AgreedTerms,
  type ImportKind,
  type ImportMapping,
  NO_AGREED_TERMS,
  agreedTermsOf,
  fittedToRefusedRows,
  headerBeforeRefusal,
  headerProblems,
  mappingFromProposal,
  proposeMapping,
} from '@accord/domain/imports';

import { checkMapping, checkMayImport, mayImport, usableHeaders } from './import-rules';

/**
 * The mappings saved per kind and header, and the mapping an import starts from when it is given none. A team
 * imports one kind from several CRMs, each export with its own header, so each header keeps its own mapping.
 */
@Injectable()
export class ImportMappingsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly imports: ImportsRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly agreements: AgreementsRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * What a proposed mapping starts from: the mapping saved for this very header (same cells, as trimmed, in the
   * same order) — for a refused rows file, the one saved for the file it came from, its last column left out — and
   * the workspace's reporting currency.
   */
  startingPoint(workspaceId: string, kind: ImportKind, headers: string[]) {
    return this.tenantDb.inWorkspace(workspaceId, async (manager) => {
      const own = headerBeforeRefusal(headers);
      // Only a readable header has a mapping saved (see save); one holding a NUL would not even reach the query.
      const saved =
        headerProblems(headers).length > 0
          ? null
          : ((await this.imports.mapping(manager, kind, headers)) ??
            (own ? await this.imports.mapping(manager, kind, own) : null));
      return {
        saved: saved && { ...saved, mapping: fittedToRefusedRows(saved.mapping, headers) },
        currency: (await this.workspaces.findById(manager, workspaceId))?.currency ?? 'USD',
      };
    });
  }

  /**
   * What rows are read against besides their mapping (see RowPreparer): the currency the workspace reports in — a
   * company's revenue in any other is refused — and the terms of the version in force's criteria, so that a
   * misspelt industry or technology is read as the term it can only mean.
   */
  readingRules(workspaceId: string, at: Date): Promise<{ currency: string; agreedTerms: AgreedTerms }> {
    return this.tenantDb.inWorkspace(workspaceId, async (manager) => {
      const inForce = await this.agreements.findInForce(manager, at);
      return {
        currency: (await this.workspaces.findById(manager, workspaceId))?.currency ?? 'USD',
        agreedTerms: inForce ? agreedTermsOf(inForce.document) : NO_AGREED_TERMS,
      };
    });
  }

  /** The signal types the version in force scores, the workspace's own among them, for the value mapping to offer. */
  agreedSignalTypes(workspaceId: string): Promise<string[]> {
    return this.tenantDb.inWorkspace(workspaceId, async (manager) => {
      const inForce = await this.agreements.findInForce(manager, this.clock.now());
      return inForce ? inForce.document.intent.signals.map((signal) => signal.type) : [];
    });
  }

  /** The saved mapping when it was made for this header, else the one proposed from the header. */
  async defaultFor(workspaceId: string, kind: ImportKind, headers: string[]): Promise<ImportMapping> {
    const { saved, currency } = await this.startingPoint(workspaceId, kind, headers);
    return saved?.mapping ?? mappingFromProposal(proposeMapping(kind, headers), currency);
  }

  /** Every mapping the member may use, by kind, the one saved last first. */
  async list(actor: AuthMember): Promise<SavedMapping[]> {
    const mappings = await this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
      this.imports.mappings(manager),
    );
    return mappings.filter((mapping) => mayImport(actor, mapping.kind));
  }

  /** Saves the mapping for files of this kind with this header, replacing only the one saved for that header. */
  async save(
    actor: AuthMember,
    kind: ImportKind,
    cells: string[],
    mapping: ImportMapping,
  ): Promise<SavedMapping> {
    checkMayImport(actor, kind);
    // Saved under the header as an upload reads it (trimmed), or no file would ever find it.
    const headers = usableHeaders(cells);
    checkMapping(kind, mapping, headers.length);
    return this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
      this.imports.saveMapping(manager, {
        kind,
        headers,
        mapping,
        updatedById: actor.id,
        at: this.clock.now(),
      }),
    );
  }
}
