import { Injectable } from '@nestjs/common';

import { ImportRecord, ImportsRepository } from '@accord/api/imports/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { TenantDb } from '@accord/api/shared/database';
import type { ReportLine } from '@accord/domain/imports';

import { mayImport } from './import-rules';

/** The imports made, and their reports, for the members who may import their kind. */
@Injectable()
export class ImportHistoryService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly imports: ImportsRepository,
  ) {}

  /** An import, as long as the actor may import its kind (a reps import's report names members). */
  async find(actor: AuthMember, id: string): Promise<ImportRecord | null> {
    const record = await this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
      this.imports.find(manager, id),
    );
    return record && mayImport(actor, record.kind) ? record : null;
  }

  async list(actor: AuthMember, first: number): Promise<ImportRecord[]> {
    const records = await this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
      this.imports.list(manager, first),
    );
    return records.filter((record) => mayImport(actor, record.kind));
  }

  async lines(actor: AuthMember, importId: string, after: number, first: number) {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const record = await this.imports.find(manager, importId);
      if (!record || !mayImport(actor, record.kind)) return [];
      return this.imports.lines(manager, importId, after, first);
    });
  }

  /**
   * The report's lines in order, read a page at a time so a report of any length streams in bounded memory. They
   * are the lines only — no summary line: the caller writes the CSV header first, and the counts are the import's.
   */
  async *reportCsv(actor: AuthMember, importId: string): AsyncGenerator<ReportLine> {
    let after = 0;
    for (;;) {
      const page = await this.lines(actor, importId, after, 5_000);
      for (const line of page) yield line;
      if (page.length < 5_000) return;
      after = page[page.length - 1].id;
    }
  }

  /**
   * The refused rows whose cells were kept, in file order, each with its problems, read a page at a time like
   * reportCsv.
   */
  async *refusedRows(
    actor: AuthMember,
    importId: string,
  ): AsyncGenerator<{ cells: string[]; problems: ReportLine[] }> {
    let after = 0;
    for (;;) {
      const page = await this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
        const record = await this.imports.find(manager, importId);
        if (!record || !mayImport(actor, record.kind)) return [];
        return this.imports.refusedRows(manager, importId, after, 2_000);
      });
      for (const row of page) yield row;
      if (page.length < 2_000) return;
      after = page[page.length - 1].row;
    }
  }
}
