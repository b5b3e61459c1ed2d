import type { EntityManager } from 'typeorm';

import type { StoredSpellings } from '@accord/api/leads/data-access';
import type { ImportKind, OwnerDirectory, PreparedByKind, RowOutcome } from '@accord/domain/imports';
import { type Respelt, type Spelling, type SpellingsBook } from '@accord/domain/leads';

/** A row that passed its kind's validation, with its number in the file and what cleaning it took. */
export interface GoodRow<K extends ImportKind> {
  row: number;
  value: PreparedByKind[K];
  notes: string[];
  /** The row's cells as the file gave them: kept with the report if the handler refuses the row. */
  cells: readonly string[];
}

/** What became of one good row; a refusal or skip names the column (header) and says why. */
export interface RowResult {
  row: number;
  outcome: RowOutcome;
  column?: string;
  message?: string;
  /** Cleaning done by the handler itself (an unknown owner left unassigned, …). */
  notes?: string[];
}

/**
 * What an import does about the leads its scoring makes MQLs (leads and accounts imports): `SKIP` (the default)
 * opens no handover for them — they are history, not new MQLs for sales; `OPEN` hands over those without an
 * owner like any new MQL. Either way, a lead with an owner keeps it: routing would give it to someone else.
 */
export const IMPORT_HANDOVERS = ['OPEN', 'SKIP'] as const;
export type ImportHandovers = (typeof IMPORT_HANDOVERS)[number];

/** The kinds whose rows score leads, and so may make MQLs: those that take `handovers`. */
export const KINDS_WITH_HANDOVERS: readonly ImportKind[] = ['LEADS', 'ACCOUNTS'];

/** What a batch needs besides its rows; the members are read once per import. */
export interface BatchContext {
  workspaceId: string;
  actorId: string;
  now: Date;
  /** The members, to find the owner a row names by e-mail or by name. */
  owners(manager: EntityManager): Promise<OwnerDirectory>;
  headerOf(field: string): string;
  /** A dry run: the batch runs in a transaction that is rolled back (handlers that write elsewhere must not). */
  dryRun: boolean;
  /** Whether the leads the batch's scoring makes MQLs are handed over (see IMPORT_HANDOVERS). */
  handovers: ImportHandovers;
  /** The records the import's earlier rows took (see firstOfEachKey). */
  taken: TakenKeys;
  /**
   * The spelling of each of these lead industries, sources and campaigns: the workspace's, else the first the
   * import gave (as recording it will keep it). Reads only; the handler respells the rows it writes by it.
   */
  spellings(manager: EntityManager, spelled: readonly Spelling[]): Promise<SpellingsBook>;
  /** Records the spellings of the leads the batch stored, once it has written them (a dry run records none). */
  recordSpellings(manager: EntityManager, leads: readonly StoredSpellings[]): Promise<void>;
}

/** Writes one batch of good rows of a kind in the caller's transaction and says what became of each. */
export interface KindHandler<K extends ImportKind> {
  apply(manager: EntityManager, rows: readonly GoodRow<K>[], context: BatchContext): Promise<RowResult[]>;

  /**
   * For a kind whose real (not dry) import commits through transactions of its own: called instead of `apply`,
   * outside any transaction of the import's.
   */
  commit?(rows: readonly GoodRow<K>[], context: BatchContext): Promise<RowResult[]>;
}

/** The version that was in force at `at` (an SQL expression), so historical facts count under their version. */
export const versionInForceAt = (at: string) => `(SELECT v.id FROM agreement_versions v
   WHERE v.status = 'PUBLISHED' AND v.effective_at <= ${at} AND (v.superseded_at IS NULL OR v.superseded_at > ${at})
   ORDER BY v.effective_at DESC LIMIT 1)`;

/**
 * The key of every record an import has taken so far, to the row it was taken from (one map per import, kept
 * across its batches).
 */
export type TakenKeys = Map<string, number>;

/**
 * Keeps the first row of each key: a file that names the same record twice imports its first row and reports the
 * other skipped, naming the row that won — whichever batches the two rows fall in, so that importing the file
 * again finds every record as it left it and changes nothing (a later row winning would have the earlier one
 * undo it first, on every import).
 */
export function firstOfEachKey<K extends ImportKind>(
  rows: readonly GoodRow<K>[],
  keyOf: (row: GoodRow<K>) => string,
  what: string,
  taken: TakenKeys,
): { kept: GoodRow<K>[]; skipped: RowResult[] } {
  const skipped: RowResult[] = [];
  const kept: GoodRow<K>[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    const first = taken.get(key);
    if (first === undefined) {
      taken.set(key, row.row);
      kept.push(row);
    } else
      skipped.push({
        row: row.row,
        outcome: 'SKIPPED',
        column: '',
        message: `the same ${what} is in row ${first}, which is imported instead`,
      });
  }
  return { kept, skipped };
}

/** A date as report lines write it: "2024-03-04". */
export const isoDay = (at: Date): string => at.toISOString().slice(0, 10);

/** A report note for a value respelt as the workspace spells it. */
export const respeltNote = (context: BatchContext, { field, given, spelling }: Respelt): string =>
  `${context.headerOf(field)}: "${given}" read as "${spelling}", as the workspace already spells it`;
