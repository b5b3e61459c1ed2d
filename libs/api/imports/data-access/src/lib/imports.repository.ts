import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type {
  ImportKind,
  ImportMapping,
  OutcomeCounts,
  ReportLine,
  RowOutcome,
} from '@accord/domain/imports';

export type ImportStatus = 'RUNNING' | 'DONE' | 'FAILED';

export interface ImportRecord {
  id: string;
  kind: ImportKind;
  fileName: string | null;
  dryRun: boolean;
  status: ImportStatus;
  mapping: ImportMapping;
  headers: string[];
  bytes: number;
  rows: number;
  counts: OutcomeCounts;
  cleaned: number;
  reportLines: number;
  /** Refused rows whose cells were kept, for the file of rows to fix (refused.csv). */
  refusedRowsKept: number;
  error: string | null;
  createdById: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/** What an import records when it finishes; a null mapping keeps the one recorded. */
export type ImportOutcome = Pick<
  ImportRecord,
  'status' | 'headers' | 'bytes' | 'rows' | 'counts' | 'cleaned' | 'reportLines' | 'refusedRowsKept' | 'error'
> & { mapping: ImportMapping | null; at: Date };

/** A mapping saved for the files of one kind with one header (its cells, trimmed, in order). */
export interface SavedMapping {
  kind: ImportKind;
  headers: string[];
  /** The header's fingerprint, which tells the kind's saved mappings apart (see ImportMappingPerHeader). */
  headerKey: string;
  mapping: ImportMapping;
  updatedAt: Date;
}

interface SavedMappingRow {
  kind: ImportKind;
  headers: string[];
  header_key: string;
  mapping: ImportMapping;
  updated_at: Date;
}

const savedMappingOf = (row: SavedMappingRow): SavedMapping => ({
  kind: row.kind,
  headers: row.headers,
  headerKey: row.header_key,
  mapping: row.mapping,
  updatedAt: row.updated_at,
});

interface ImportRow {
  id: string;
  kind: ImportKind;
  file_name: string | null;
  dry_run: boolean;
  status: ImportStatus;
  mapping: ImportMapping;
  headers: string[];
  bytes: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  refused: number;
  cleaned: number;
  report_lines: number;
  refused_rows_kept: number;
  error: string | null;
  created_by_id: string | null;
  started_at: Date;
  finished_at: Date | null;
}

function toRecord(row: ImportRow): ImportRecord {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    dryRun: row.dry_run,
    status: row.status,
    mapping: row.mapping,
    headers: row.headers,
    bytes: Number(row.bytes),
    rows: row.rows,
    counts: {
      CREATED: row.created,
      UPDATED: row.updated,
      UNCHANGED: row.unchanged,
      SKIPPED: row.skipped,
      REFUSED: row.refused,
    },
    cleaned: row.cleaned,
    reportLines: row.report_lines,
    refusedRowsKept: row.refused_rows_kept,
    error: row.error,
    createdById: row.created_by_id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** Imports, their report lines, saved mappings and the natural keys of imported records; all in the caller's scope. */
@Injectable()
export class ImportsRepository {
  async start(
    manager: EntityManager,
    run: {
      id: string;
      kind: ImportKind;
      fileName: string | null;
      dryRun: boolean;
      createdById: string;
      at: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO imports (workspace_id, id, kind, file_name, dry_run, status, mapping, headers, created_by_id, started_at)
       VALUES (accord_current_workspace(), $1, $2, $3, $4, 'RUNNING', '{}'::jsonb, '{}', $5, $6)`,
      [run.id, run.kind, run.fileName, run.dryRun, run.createdById, run.at],
    );
  }

  async finish(manager: EntityManager, id: string, result: ImportOutcome): Promise<void> {
    await manager.query(
      `UPDATE imports SET status = $2, mapping = coalesce($3::jsonb, mapping), headers = $4, bytes = $5, rows = $6,
              created = $7, updated = $8, unchanged = $9, skipped = $10, refused = $11, cleaned = $12,
              report_lines = $13, error = $14, finished_at = $15, refused_rows_kept = $16
        WHERE id = $1`,
      [
        id,
        result.status,
        result.mapping ? JSON.stringify(result.mapping) : null,
        result.headers,
        result.bytes,
        result.rows,
        result.counts.CREATED,
        result.counts.UPDATED,
        result.counts.UNCHANGED,
        result.counts.SKIPPED,
        result.counts.REFUSED,
        result.cleaned,
        result.reportLines,
        result.error?.slice(0, 1000) ?? null,
        result.at,
        result.refusedRowsKept,
      ],
    );
  }

  async find(manager: EntityManager, id: string): Promise<ImportRecord | null> {
    const rows: ImportRow[] = await manager.query(`SELECT * FROM imports WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async list(manager: EntityManager, limit: number): Promise<ImportRecord[]> {
    const rows: ImportRow[] = await manager.query(
      `SELECT * FROM imports ORDER BY started_at DESC, id LIMIT $1`,
      [limit],
    );
    return rows.map(toRecord);
  }

  async addLines(manager: EntityManager, importId: string, lines: readonly ReportLine[]): Promise<void> {
    if (lines.length === 0) return;
    await manager.query(
      `INSERT INTO import_report_lines (workspace_id, import_id, "row", outcome, "column", message, cells)
       SELECT accord_current_workspace(), $1, l.row, l.outcome, left(l.col, 200), left(l.message, 1000), l.cells
         FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::jsonb[])
           AS l(row, outcome, col, message, cells)`,
      [
        importId,
        lines.map((line) => line.row),
        lines.map((line) => line.outcome),
        lines.map((line) => line.column),
        lines.map((line) => line.message),
        lines.map((line) => (line.cells ? JSON.stringify(line.cells.map(storable)) : null)),
      ],
    );
  }

  /** A page of report lines in file order, after the line id `after` (0 for the first page). */
  async lines(
    manager: EntityManager,
    importId: string,
    after: number,
    limit: number,
  ): Promise<(ReportLine & { id: number })[]> {
    const rows: { id: string; row: number; outcome: RowOutcome; column: string; message: string }[] =
      await manager.query(
        `SELECT id, "row", outcome, "column", message FROM import_report_lines
          WHERE import_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
        [importId, after, limit],
      );
    return rows.map((row) => ({ ...row, id: Number(row.id) }));
  }

  /**
   * A page of the refused rows whose cells were kept, in file order, after the file row `after` (0 for the first
   * page): each with its cells and every problem reported for it.
   */
  async refusedRows(
    manager: EntityManager,
    importId: string,
    after: number,
    limit: number,
  ): Promise<{ row: number; cells: string[]; problems: ReportLine[] }[]> {
    // The page's rows first (a kept row's cells are on one line), then their problems: the cells of rows past the
    // page are never read.
    const rows: { row: number; cells: string[]; problems: ReportLine[] }[] = await manager.query(
      `WITH page AS (
         SELECT "row", cells FROM import_report_lines
          WHERE import_id = $1 AND cells IS NOT NULL AND "row" > $2
          ORDER BY "row" LIMIT $3)
       SELECT p."row", p.cells,
              jsonb_agg(jsonb_build_object('row', l."row", 'outcome', l.outcome, 'column', l."column",
                                           'message', l.message) ORDER BY l.id) AS problems
         FROM page p JOIN import_report_lines l ON l.import_id = $1 AND l."row" = p."row" AND l.outcome = 'REFUSED'
        GROUP BY p."row", p.cells
        ORDER BY p."row"`,
      [importId, after, limit],
    );
    return rows;
  }

  /** Saves the mapping for its kind and header, replacing the one saved before for that header only. */
  async saveMapping(
    manager: EntityManager,
    saved: { kind: ImportKind; headers: string[]; mapping: ImportMapping; updatedById: string; at: Date },
  ): Promise<SavedMapping> {
    const rows: SavedMappingRow[] = await manager.query(
      `INSERT INTO import_mappings (workspace_id, kind, headers, mapping, updated_by_id, updated_at)
       VALUES (accord_current_workspace(), $1, $2, $3, $4, $5)
       ON CONFLICT (workspace_id, kind, header_key) DO UPDATE
          SET mapping = excluded.mapping, updated_by_id = excluded.updated_by_id, updated_at = excluded.updated_at
       RETURNING kind, headers, header_key, mapping, updated_at`,
      [saved.kind, saved.headers, JSON.stringify(saved.mapping), saved.updatedById, saved.at],
    );
    return savedMappingOf(rows[0]);
  }

  /** Every saved mapping: by kind, the one saved last first. */
  async mappings(manager: EntityManager): Promise<SavedMapping[]> {
    const rows: SavedMappingRow[] = await manager.query(
      `SELECT kind, headers, header_key, mapping, updated_at FROM import_mappings
        ORDER BY kind, updated_at DESC, header_key`,
    );
    return rows.map(savedMappingOf);
  }

  /** The mapping saved for files of this kind with exactly this header, if any. */
  async mapping(manager: EntityManager, kind: ImportKind, headers: string[]): Promise<SavedMapping | null> {
    const rows: SavedMappingRow[] = await manager.query(
      `SELECT kind, headers, header_key, mapping, updated_at FROM import_mappings
        WHERE kind = $1 AND header_key = accord_import_header_key($2::text[])`,
      [kind, headers],
    );
    return rows.length > 0 ? savedMappingOf(rows[0]) : null;
  }

  /**
   * Marks the moves into MQL that an import's own scoring just made for these leads (at the import's time, by the
   * importing member) as dealt with by the handover job, so that it opens no handover for them: an imported lead
   * is not a new MQL for sales. With `ownedOnly`, only those of leads that have an owner. A move into MQL made by
   * anything else (a signal, an edit) is left to the job.
   */
  async markImportedMqlsChecked(
    manager: EntityManager,
    moves: { leadIds: readonly string[]; at: Date; actorId: string; ownedOnly: boolean },
  ): Promise<void> {
    if (moves.leadIds.length === 0) return;
    await manager.query(
      `UPDATE lead_transitions t SET handover_checked_at = $2
        WHERE t.lead_id = ANY($1::uuid[]) AND t.to_stage = 'MQL' AND t.handover_checked_at IS NULL
          AND t.at = $2 AND t.actor_id = $3
          AND (NOT $4::boolean OR EXISTS (SELECT 1 FROM leads l WHERE l.id = t.lead_id AND l.owner_id IS NOT NULL))`,
      [[...new Set(moves.leadIds)], moves.at, moves.actorId, moves.ownedOnly],
    );
  }

  /** The records imported before under these natural keys: external id → target id. */
  async keys(
    manager: EntityManager,
    kind: ImportKind,
    externalIds: readonly string[],
  ): Promise<Map<string, string>> {
    if (externalIds.length === 0) return new Map();
    const rows: { external_id: string; target_id: string }[] = await manager.query(
      `SELECT external_id, target_id FROM import_keys WHERE kind = $1 AND external_id = ANY($2::text[])`,
      [kind, [...externalIds]],
    );
    return new Map(rows.map((row) => [row.external_id, row.target_id]));
  }

  async addKeys(
    manager: EntityManager,
    kind: ImportKind,
    keys: readonly { externalId: string; targetId: string }[],
  ): Promise<void> {
    if (keys.length === 0) return;
    await manager.query(
      `INSERT INTO import_keys (workspace_id, kind, external_id, target_id)
       SELECT accord_current_workspace(), $1, k.external_id, k.target_id
         FROM unnest($2::text[], $3::uuid[]) AS k(external_id, target_id)`,
      [kind, keys.map((key) => key.externalId), keys.map((key) => key.targetId)],
    );
  }
}

/**
 * A cell as jsonb can hold it: a NUL, or half of a surrogate pair, becomes U+FFFD. Rows holding them are refused for
 * it, and their report says where; the cell comes back in the refused rows file with the replacement mark there.
 */
function storable(cell: string): string {
  return cell
    .replaceAll('\u0000', '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
