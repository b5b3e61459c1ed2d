import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';

import { type ImportOutcome, ImportRecord, ImportsRepository } from '@accord/api/imports/data-access';
import { LeadSpellingsRepository, shareScoringLock } from '@accord/api/leads/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb, isUniqueViolation } from '@accord/api/shared/database';
import { AppError, DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '@accord/api/shared/graphql';
import {
  type ImportKind,
  type ImportMapping,
  type OutcomeCounts,
  OwnerDirectory,
  type ReportLine,
  RowPreparer,
  emptyCounts,
  fittedToRefusedRows,
  importFields,
  isReportFooter,
} from '@accord/domain/imports';
import { type SpellingsBook, withFirstSpellings } from '@accord/domain/leads';

import { AccountsImportHandler } from './accounts.handler';
import { UnreadableCsv, UploadTooLarge, csvRecords } from './csv-records';
import type { BatchContext, GoodRow, ImportHandovers, KindHandler, RowResult } from './handler';
import { ImportHistoryService } from './import-history.service';
import { ImportMappingsService } from './import-mappings.service';
import { checkMapping, checkMayImport, usableHeaders } from './import-rules';
import { LeadsImportHandler } from './leads.handler';
import { OpportunitiesImportHandler } from './opportunities.handler';
import { type ReadRow, RowBatch } from './row-batch';
import { SalesRepsImportHandler } from './sales-reps.handler';
import { SignalsImportHandler } from './signals.handler';

export interface ImportLimits {
  /** The largest upload, in bytes (413 beyond it). */
  maxBytes: number;
  /** The longest record, in characters. */
  maxRecordChars: number;
  /** Rows per batch: per transaction in a real import. */
  batchRows: number;
  /** Characters of cells per batch at most, whatever its rows: wide rows make smaller batches. */
  batchChars: number;
  /**
   * Rows per batch of a sales-reps import: a whole sales team at once, since a manager is found only among the
   * members and the rows of the same batch (see SalesRepsImportHandler).
   */
  repBatchRows: number;
  /** Report lines stored per import; the counts stay exact beyond it. */
  maxReportLines: number;
  /** Refused rows per import whose cells are kept for the file of rows to fix (a dry run holds them in memory). */
  maxRefusedRowsKept: number;
  /** Characters of those cells per import at most, whatever their rows: a file of wide rows keeps fewer. */
  maxRefusedCellChars: number;
}

export const IMPORT_LIMITS = Symbol('IMPORT_LIMITS');

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 2 * 1024 ** 3,
  maxRecordChars: 1_000_000,
  batchRows: 5_000,
  batchChars: 16_000_000,
  repBatchRows: 50_000,
  maxReportLines: 100_000,
  maxRefusedRowsKept: 10_000,
  maxRefusedCellChars: 16_000_000,
};

export interface StartImport {
  kind: ImportKind;
  dryRun: boolean;
  fileName: string | null;
  /** The mapping to use; null takes the saved one when it was saved for the same header, else Accord's proposal. */
  mapping: ImportMapping | null;
  /** Save the mapping used for this kind when the import finishes. */
  saveMapping: boolean;
  /** Leads and accounts: whether the leads the import makes MQLs are handed over; `SKIP` when not given. */
  handovers?: ImportHandovers;
}

/** A batch after cleaning and validation, before the handler writes it. */
interface PreparedBatch {
  size: number;
  /** The file's row number of the batch's last row. */
  lastRow: number;
  good: GoodRow<ImportKind>[];
  /** The refused rows' report lines; the handler's results add theirs. */
  lines: ReportLine[];
  counts: OutcomeCounts;
}

/**
 * Attempts at a batch whose insert a unique index refused: a record another writer created meanwhile is found on
 * the next. More than one such race on one batch is unlikely; three allow for it, then the import stops.
 */
const BATCH_ATTEMPTS = 3;

/** Runs `work` in a savepoint of `manager`'s transaction: when it throws, the transaction goes on without it. */
async function inSavepoint<T>(
  manager: EntityManager,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  await manager.query('SAVEPOINT import_batch');
  try {
    const result = await work(manager);
    await manager.query('RELEASE SAVEPOINT import_batch');
    return result;
  } catch (error) {
    // A rollback that fails too (the connection gone) must not hide why the batch failed.
    await manager.query('ROLLBACK TO SAVEPOINT import_batch').catch(() => undefined);
    throw error;
  }
}

/** Thrown inside a dry run's transaction so that it rolls back. */
class DryRunRollback extends Error {}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/**
 * The file's header — its first record that is not blank — with its row number and the records read after it in
 * the same group (the first rows).
 */
async function headerRecord(
  iterator: AsyncIterator<string[][]>,
): Promise<{ header: string[]; headerRow: number; firstRows: string[][] }> {
  let row = 0;
  for (let group = await iterator.next(); !group.done; group = await iterator.next()) {
    const at = group.value.findIndex((cells) => !isBlank(cells));
    if (at < 0) {
      row += group.value.length;
      continue;
    }
    return { header: group.value[at], headerRow: row + at + 1, firstRows: group.value.slice(at + 1) };
  }
  throw AppError.badInput('The file is empty: it needs a header row.');
}

/**
 * Runs CSV imports. The file streams through csv-parse; rows are cleaned and validated one by one, then written
 * in batches by the kind's handler. A real import commits each batch in its own transaction, with its report
 * lines: exactly the rows reported good are saved, and if the import stops half-way (an unreadable file, a
 * limit, a database error) the batches before stay, the rest is not written, and the import says where it
 * stopped. A dry run runs the very same batches in one transaction that is rolled back, so it reports what
 * would happen — counts, refusals, cleaning — and writes nothing but its own report.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);
  private readonly limits: ImportLimits;
  private readonly handlers: Record<ImportKind, KindHandler<ImportKind>>;

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly imports: ImportsRepository,
    private readonly mappings: ImportMappingsService,
    private readonly history: ImportHistoryService,
    private readonly spellings: LeadSpellingsRepository,
    private readonly clock: Clock,
    leads: LeadsImportHandler,
    accounts: AccountsImportHandler,
    opportunities: OpportunitiesImportHandler,
    signals: SignalsImportHandler,
    salesReps: SalesRepsImportHandler,
    @Optional() @Inject(IMPORT_LIMITS) limits?: Partial<ImportLimits>,
  ) {
    this.limits = { ...DEFAULT_IMPORT_LIMITS, ...limits };
    this.handlers = {
      LEADS: leads,
      ACCOUNTS: accounts,
      OPPORTUNITIES: opportunities,
      SIGNALS: signals,
      SALES_REPS: salesReps,
    };
  }

  get maxBytes(): number {
    return this.limits.maxBytes;
  }

  async run(actor: AuthMember, request: StartImport, source: Readable): Promise<ImportRecord> {
    checkMayImport(actor, request.kind);
    const id = randomUUID();
    const now = this.clock.now();
    const workspaceId = actor.workspaceId;
    await this.tenantDb.inWorkspace(workspaceId, (manager) =>
      this.imports.start(manager, {
        id,
        kind: request.kind,
        fileName: request.fileName,
        dryRun: request.dryRun,
        createdById: actor.id,
        at: now,
      }),
    );
    const { records, bytesRead } = csvRecords(source, this.limits);
    const iterator = records[Symbol.asyncIterator]();
    const state = {
      headers: [] as string[],
      mapping: null as ImportMapping | null,
      rows: 0,
      lastRow: 0,
      counts: emptyCounts(),
      cleaned: 0,
      lines: 0,
      refusedRowsKept: 0,
      refusedCellChars: 0,
      dryRunLines: [] as ReportLine[],
    };
    let failure: unknown = null;
    try {
      const { header, headerRow, firstRows } = await headerRecord(iterator);
      // The header and the mapping are recorded with the import only once they can be used: one holding a NUL
      // would make recording the import's outcome fail too.
      const headers = usableHeaders(header);
      state.headers = headers;
      const handler = this.handlers[request.kind];
      // A refused rows file runs with the mapping of the file it came from, as given or saved.
      const mapping = fittedToRefusedRows(
        request.mapping ?? (await this.mappings.defaultFor(workspaceId, request.kind, headers)),
        headers,
      );
      checkMapping(request.kind, mapping, headers.length);
      state.mapping = mapping;
      const { currency, agreedTerms } = await this.mappings.readingRules(workspaceId, now);
      const preparer = new RowPreparer(request.kind, state.headers, mapping, now, currency, agreedTerms);
      const fields = new Map(importFields(request.kind).map((item) => [item.key, item.label]));
      let owners: OwnerDirectory | null = null;
      // The first spelling the import gave each value the workspace does not know, for the rows after it.
      let importSpellings: SpellingsBook = new Map();
      const context: BatchContext = {
        workspaceId,
        actorId: actor.id,
        now,
        dryRun: request.dryRun,
        handovers: request.handovers ?? 'SKIP',
        taken: new Map(),
        spellings: async (manager, spelled) => {
          importSpellings = withFirstSpellings(importSpellings, spelled);
          return new Map([...importSpellings, ...(await this.spellings.known(manager, spelled))]);
        },
        recordSpellings: async (manager, leads) => {
          if (!request.dryRun) await this.spellings.record(manager, leads);
        },
        owners: async (manager) => {
          owners ??= new OwnerDirectory(await manager.query(`SELECT id, email, name FROM members`));
          return owners;
        },
        headerOf: (field) => {
          const column = mapping.columns.indexOf(field);
          return column >= 0 ? state.headers[column] : (fields.get(field) ?? field);
        },
      };
      const batchRows = request.kind === 'SALES_REPS' ? this.limits.repBatchRows : this.limits.batchRows;
      const processAll = async (dryManager: EntityManager | null) => {
        const batch = new RowBatch(batchRows, this.limits.batchChars);
        // Records read so far, blank lines before the header included: a row's number is read + 1.
        let read = headerRow - 1;
        // A batch is written while the next one is read and prepared, so the parser and the database work side
        // by side. One batch at most is in flight, and batches are written in order: a failed one stops the rest,
        // and the reading too, at the next row.
        let writing: Promise<void> = Promise.resolve();
        let failedWrite: { error: unknown } | null = null;
        const send = async () => {
          const prepared = this.prepareBatch(preparer, batch.take());
          await writing;
          writing = this.writeBatch(id, handler, preparer, context, prepared, state, dryManager);
          // Awaited before the next batch is sent or at the end; meanwhile its failure is noted, not unhandled.
          writing.catch((error: unknown) => {
            failedWrite = { error };
          });
        };
        const take = async (group: string[][]) => {
          for (const cells of group) {
            if (failedWrite) throw failedWrite.error;
            read++;
            // A blank line, or a row of empty cells as a spreadsheet exports one, holds nothing to import: it is
            // neither counted nor reported, and keeps its number so the rows after it keep theirs.
            if (isBlank(cells)) continue;
            if (batch.add(read + 1, cells)) await send();
          }
        };
        try {
          await take(firstRows);
          for (let next = await iterator.next(); !next.done; next = await iterator.next())
            await take(next.value);
          if (batch.size > 0) await send();
        } catch (error) {
          // The batch in flight settles first, so the import's outcome is written after it and counts it when it
          // was saved. If it failed, that failure is what stopped the import, whatever the file did after it.
          await writing.catch(() => undefined);
          throw failedWrite ? (failedWrite as { error: unknown }).error : error;
        }
        await writing;
      };
      if (request.dryRun) {
        await this.tenantDb
          .inWorkspace(workspaceId, async (manager) => {
            await processAll(manager);
            throw new DryRunRollback();
          })
          .catch((error: unknown) => {
            if (!(error instanceof DryRunRollback)) throw error;
          });
      } else {
        await processAll(null);
      }
    } catch (error) {
      failure = error;
    }
    const message = failure === null ? null : this.describe(failure, state.lastRow);
    const outcome: ImportOutcome = {
      status: failure === null ? 'DONE' : 'FAILED',
      mapping: state.mapping,
      headers: state.headers,
      bytes: bytesRead(),
      rows: state.rows,
      counts: state.counts,
      cleaned: state.cleaned,
      reportLines: state.lines,
      refusedRowsKept: state.refusedRowsKept,
      error: message,
      at: this.clock.now(),
    };
    const finishing = this.tenantDb.inWorkspace(workspaceId, async (manager) => {
      await this.imports.addLines(manager, id, state.dryRunLines);
      await this.imports.finish(manager, id, outcome);
      // A dry run writes nothing but its own record and report: not even the mapping it was asked to save.
      if (failure === null && request.saveMapping && !request.dryRun && state.mapping)
        await this.imports.saveMapping(manager, {
          kind: request.kind,
          headers: state.headers,
          mapping: state.mapping,
          updatedById: actor.id,
          at: now,
        });
    });
    if (failure !== null && isDatabaseUnavailable(failure))
      // The database that went away may not be back yet to record the outcome: the client is told to retry all
      // the same, and the import stays RUNNING (never DONE) until a retry of the file finishes the job.
      await finishing.catch((error: unknown) =>
        this.logger.warn(`Import ${id} could not be marked FAILED: ${(error as Error).message}`),
      );
    else await finishing.catch((error: unknown) => this.failUnrecorded(workspaceId, id, outcome, error));
    if (failure !== null) throw this.clientError(failure, message as string, id);
    return (await this.history.find(actor, id)) as ImportRecord;
  }

  /**
   * When an import's outcome cannot be recorded, the import is still marked FAILED, with its counts but neither
   * header nor mapping (what the database may have refused), so it is never left RUNNING; the client is told.
   */
  private async failUnrecorded(
    workspaceId: string,
    id: string,
    outcome: ImportOutcome,
    error: unknown,
  ): Promise<never> {
    const message = `The import's outcome could not be recorded. ${this.describe(error, 0)}`;
    await this.tenantDb
      .inWorkspace(workspaceId, (manager) =>
        this.imports.finish(manager, id, {
          ...outcome,
          status: 'FAILED',
          mapping: null,
          headers: [],
          // Without the header, the kept cells would be a file with no column names.
          refusedRowsKept: 0,
          error: message,
          at: this.clock.now(),
        }),
      )
      .catch((again: unknown) =>
        this.logger.warn(`Import ${id} could not be marked FAILED: ${(again as Error).message}`),
      );
    throw this.clientError(error, message, id);
  }

  /** Cleans and validates a batch's rows: the good ones for the handler, report lines for the refused. */
  private prepareBatch(preparer: RowPreparer<ImportKind>, batch: readonly ReadRow[]): PreparedBatch {
    const lines: ReportLine[] = [];
    const counts = emptyCounts();
    const good: GoodRow<ImportKind>[] = [];
    for (const { row, cells } of batch) {
      if (isReportFooter(cells)) {
        counts.SKIPPED++;
        lines.push({ row, outcome: 'SKIPPED', column: '', message: "not a record: the report's footer" });
        continue;
      }
      const prepared = preparer.prepare(cells);
      if (prepared.ok) good.push({ row, value: prepared.value, notes: prepared.notes, cells });
      else {
        counts.REFUSED++;
        prepared.problems.forEach((problem, index) =>
          lines.push({
            row,
            outcome: 'REFUSED',
            column: problem.column,
            message: problem.reason,
            ...(index === 0 ? { cells } : {}),
          }),
        );
      }
    }
    return { size: batch.length, lastRow: batch[batch.length - 1]?.row ?? 0, good, lines, counts };
  }

  /** Applies and reports one prepared batch; counts join the import's only once the batch is saved. */
  private async writeBatch(
    importId: string,
    handler: KindHandler<ImportKind>,
    preparer: RowPreparer<ImportKind>,
    context: BatchContext,
    { size, lastRow, good, lines, counts }: PreparedBatch,
    state: {
      rows: number;
      lastRow: number;
      counts: OutcomeCounts;
      cleaned: number;
      lines: number;
      refusedRowsKept: number;
      refusedCellChars: number;
      dryRunLines: ReportLine[];
    },
    dryManager: EntityManager | null,
  ): Promise<void> {
    let cleaned = 0;
    let refusedRowsKept = 0;
    let refusedCellChars = 0;
    const notesOf = new Map(good.map((row) => [row.row, row.notes]));
    const cellsOf = new Map(good.map((row) => [row.row, row.cells]));
    const report = async (manager: EntityManager, results: readonly RowResult[]) => {
      for (const result of results) {
        counts[result.outcome]++;
        const rejected = result.outcome === 'REFUSED' || result.outcome === 'SKIPPED';
        if (result.message || rejected)
          lines.push({
            row: result.row,
            outcome: result.outcome,
            column: result.column ?? '',
            message: result.message ?? '',
            ...(result.outcome === 'REFUSED' ? { cells: cellsOf.get(result.row) } : {}),
          });
        if (rejected) continue;
        const notes = [...(notesOf.get(result.row) ?? []), ...(result.notes ?? [])];
        if (notes.length > 0) cleaned++;
        for (const note of notes)
          lines.push({ row: result.row, outcome: result.outcome, ...this.noteLine(note, preparer) });
      }
      lines.sort((a, b) => a.row - b.row);
      const room = Math.max(0, this.limits.maxReportLines - state.lines);
      refusedRowsKept = 0;
      refusedCellChars = 0;
      const stored = lines.slice(0, room).map(({ cells, ...line }) => {
        if (!cells || state.refusedRowsKept + refusedRowsKept >= this.limits.maxRefusedRowsKept) return line;
        const chars = cells.reduce((total, cell) => total + cell.length, 0);
        if (state.refusedCellChars + refusedCellChars + chars > this.limits.maxRefusedCellChars) return line;
        refusedRowsKept++;
        refusedCellChars += chars;
        return { ...line, cells };
      });
      // A dry run's lines outlive its rolled-back transaction: they are kept (at most maxReportLines) and written
      // with the import's outcome. Not from a second transaction meanwhile: with one connection (the embedded
      // database) it would wait for the dry run's own.
      if (dryManager) state.dryRunLines.push(...stored);
      else await this.imports.addLines(manager, importId, stored);
      return stored.length;
    };
    const applied = async (manager: EntityManager): Promise<RowResult[]> => {
      if (good.length === 0) return [];
      // Before the handler locks any lead, as every writer of leads does (see shareScoringLock).
      await shareScoringLock(manager);
      return handler.apply(manager, good, context);
    };
    const attempt = async (manager: EntityManager) => report(manager, await applied(manager));
    let storedLines: number;
    if (handler.commit && !dryManager) {
      // Its writes commit on their own (signal ingestion), so no transaction is held open around them — with one
      // connection (the embedded database) theirs would wait for it; the report follows in one of its own.
      const results = good.length > 0 ? await handler.commit(good, context) : [];
      storedLines = await this.tenantDb.inWorkspace(context.workspaceId, (manager) =>
        report(manager, results),
      );
    } else {
      // A writer outside the import — the web app, the leads API, an invitation — may create a record of the
      // batch between the batch's read and its insert: a unique index refuses the insert, and the batch rolls back
      // whole (a dry run's, to a savepoint). Run again, it finds that record and updates it. What the failed
      // attempt noted is taken back first: its report lines and counts, and the keys its rows took.
      const prepared = { lines: [...lines], counts: { ...counts }, dryRunLines: state.dryRunLines.length };
      const rows = new Set(good.map((row) => row.row));
      for (let round = 1; ; round++) {
        try {
          storedLines = dryManager
            ? await inSavepoint(dryManager, attempt)
            : await this.tenantDb.inWorkspace(context.workspaceId, attempt);
          break;
        } catch (error) {
          if (!isUniqueViolation(error) || round === BATCH_ATTEMPTS) throw error;
          lines.splice(0, lines.length, ...prepared.lines);
          Object.assign(counts, prepared.counts);
          state.dryRunLines.length = prepared.dryRunLines;
          cleaned = 0;
          for (const [key, row] of context.taken) if (rows.has(row)) context.taken.delete(key);
        }
      }
    }
    state.rows += size;
    state.lastRow = lastRow;
    state.lines += storedLines;
    state.refusedRowsKept += refusedRowsKept;
    state.refusedCellChars += refusedCellChars;
    state.cleaned += cleaned;
    for (const outcome of Object.keys(counts) as (keyof OutcomeCounts)[])
      state.counts[outcome] += counts[outcome];
  }

  /** A cleaning note "Header: what was done" as a report line's column and message. */
  private noteLine(note: string, preparer: RowPreparer<ImportKind>): { column: string; message: string } {
    const header = preparer.headerOfNote(note);
    return header === null
      ? { column: '', message: `cleaned: ${note}` }
      : { column: header, message: `cleaned: ${note.slice(header.length + 2)}` };
  }

  /** Why an import stopped, and after which row of the file (0: before any row was saved). */
  private describe(error: unknown, lastSavedRow: number): string {
    const where =
      lastSavedRow > 0
        ? `Stopped after row ${lastSavedRow}; the rows before it reported good are saved. `
        : '';
    if (error instanceof UploadTooLarge)
      return `${where}The file is larger than the limit of ${error.limit} bytes.`;
    if (error instanceof UnreadableCsv) return `${where}The file is not readable CSV: ${error.message}`;
    if (error instanceof AppError) return `${where}${error.message}`;
    if (isDatabaseUnavailable(error)) {
      this.logger.warn(`An import lost its database: ${(error as Error).message}`);
      return `${where}The database was unavailable for a moment (retryable): import the file again in ${DATABASE_RETRY_AFTER_SECONDS} seconds; the rows already saved come back unchanged.`;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return `${where}The import failed on an internal error.`;
  }

  private clientError(error: unknown, message: string, importId: string): Error {
    if (error instanceof UploadTooLarge) return new ImportFailed(413, 'PAYLOAD_TOO_LARGE', message, importId);
    if (error instanceof UnreadableCsv) return new ImportFailed(400, 'BAD_USER_INPUT', message, importId);
    if (error instanceof AppError) return new ImportFailed(400, error.code, message, importId, error.fields);
    if (isDatabaseUnavailable(error))
      return new ImportFailed(
        503,
        'SERVICE_UNAVAILABLE',
        message,
        importId,
        [],
        DATABASE_RETRY_AFTER_SECONDS,
      );
    return new ImportFailed(500, 'INTERNAL_SERVER_ERROR', message, importId);
  }
}

/** An import that stopped: the HTTP status, the error code and the import's id, whose report says the rest. */
export class ImportFailed extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly importId: string,
    readonly fields: { field: string; message: string }[] = [],
    /** A retryable failure (the database briefly unavailable): how long the client waits before sending again. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}
