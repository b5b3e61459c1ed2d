import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { returnedRows } from '@accord/api/shared/database';
import {
  SPELLED_FIELDS,
  type SpelledField,
  type Spelling,
  type SpellingsBook,
  respell,
  spellingsBook,
  spellingsIn,
} from '@accord/domain/leads';

import { shareScoringLock } from './scoring-state.repository';

const byFieldAndKey = (a: Spelling, b: Spelling) =>
  a.field < b.field ? -1 : a.field > b.field ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/** A lead as a writer stored it: its id and the spelled values it holds now. */
export type StoredSpellings = { id: string } & Partial<Record<SpelledField, string | null>>;

/** A value of a field as the workspace spells it, and how many leads hold it now. */
export interface SpeltValue {
  spelling: string;
  leads: number;
}

/**
 * The workspace's spelling of each lead industry, source and campaign (table `lead_spellings`, see the domain's
 * spellings.ts). A writer respells what it is given by `known` (a read), stores its leads, and then `record`s what
 * it stored. Every statement runs in the caller's tenant transaction.
 */
@Injectable()
export class LeadSpellingsRepository {
  /** The workspace's spelling of each value it knows, recording nothing. */
  async known(manager: EntityManager, spellings: readonly Spelling[]): Promise<SpellingsBook> {
    if (spellings.length === 0) return new Map();
    const rows: Spelling[] = await manager.query(
      `SELECT s.field, s.key, s.spelling FROM lead_spellings s
         JOIN unnest($1::text[], $2::text[]) AS g(field, key) ON s.field = g.field AND s.key = g.key`,
      [spellings.map((item) => item.field), spellings.map((item) => item.key)],
    );
    return spellingsBook(rows);
  }

  /**
   * Records the spellings of values the leads were just stored with that the workspace did not know yet, so that
   * only stored values become spellings; returns how many leads were respelt. A writer that stored the same new
   * value in another case first, in a transaction still open, wins once it commits (ON CONFLICT DO NOTHING waits
   * for it): these leads then take its spelling. Called last, once the caller has locked every lead it writes —
   * so it never holds a spelling while it waits for a lock — and recording in key order, so that two writers'
   * spellings cannot wait for each other.
   */
  async record(manager: EntityManager, leads: readonly StoredSpellings[]): Promise<number> {
    const spellings = spellingsIn(leads).sort(byFieldAndKey);
    if (spellings.length === 0) return 0;
    await manager.query(
      `INSERT INTO lead_spellings (workspace_id, field, key, spelling)
       SELECT accord_current_workspace(), s.field, s.key, s.spelling
         FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS s(field, key, spelling, n)
        ORDER BY s.n
       ON CONFLICT DO NOTHING`,
      [
        spellings.map((item) => item.field),
        spellings.map((item) => item.key),
        spellings.map((item) => item.spelling),
      ],
    );
    // A statement of its own, so that its snapshot holds the spellings the insert waited for.
    const book = await this.known(manager, spellings);
    let respelt = 0;
    for (const field of SPELLED_FIELDS) {
      const late = leads.flatMap((lead) => {
        const given = lead[field];
        if (typeof given !== 'string') return [];
        const spelling = respell({ [field]: given }, book).fields[field];
        return spelling === given ? [] : [{ id: lead.id, spelling }];
      });
      if (late.length === 0) continue;
      await manager.query(
        `UPDATE leads l SET ${field} = r.spelling FROM unnest($1::uuid[], $2::text[]) AS r(id, spelling)
          WHERE l.id = r.id`,
        [late.map((item) => item.id), late.map((item) => item.spelling)],
      );
      respelt += late.length;
    }
    return respelt;
  }

  /**
   * The field's values as the workspace spells them, those with the most leads first (then alphabetically), at most `limit`;
   * and how many values it knows in all. A value no lead holds any longer is still listed, with no leads.
   */
  async values(
    manager: EntityManager,
    field: SpelledField,
    limit: number,
  ): Promise<{ values: SpeltValue[]; total: number }> {
    const rows: (SpeltValue & { total: number })[] = await manager.query(
      `SELECT s.spelling, count(l.id)::int AS leads, count(*) OVER ()::int AS total
         FROM lead_spellings s LEFT JOIN leads l ON l.${column(field)} = s.spelling
        WHERE s.field = $1
        GROUP BY s.key, s.spelling
        ORDER BY leads DESC, s.key
        LIMIT $2`,
      [field, limit],
    );
    return { values: rows.map(({ spelling, leads }) => ({ spelling, leads })), total: rows[0]?.total ?? 0 };
  }

  /**
   * Gives a value the spelling a person chose — the same key, so the same value — and returns the spelling it had,
   * or null when the workspace does not know the value. Its leads are respelt after, by `respellLeads`. The caller
   * holds the workspace's scoring lock exclusively: the writes in flight have finished, and every write from its
   * commit on reads the new spelling.
   */
  async correct(manager: EntityManager, { field, key, spelling }: Spelling): Promise<string | null> {
    const known: { spelling: string }[] = await manager.query(
      `SELECT spelling FROM lead_spellings WHERE field = $1 AND key = $2 FOR UPDATE`,
      [field, key],
    );
    if (known.length === 0) return null;
    await manager.query(`UPDATE lead_spellings SET spelling = $3 WHERE field = $1 AND key = $2`, [
      field,
      key,
      spelling,
    ]);
    return known[0].spelling;
  }

  /**
   * Gives the next `limit` leads after the id `after` that hold a value in another spelling than the workspace's
   * — `previous`, or any other case of it a correction cut short left — that spelling, and marks them updated, so
   * the dashboard's rollup counts them again. Locks them in id order after the scoring lock, shared, as every writer
   * of leads does. Returns their ids, in order.
   */
  async respellLeads(
    manager: EntityManager,
    { field, spelling }: Spelling,
    previous: string,
    after: string,
    limit: number,
    at: Date,
  ): Promise<string[]> {
    await shareScoringLock(manager);
    const rows: { id: string }[] = returnedRows(
      await manager.query(
        `WITH batch AS (
           SELECT id FROM leads
            WHERE id > $3 AND (${column(field)} = $1 OR lower(${column(field)}) = lower($2))
              AND ${column(field)} <> $2
            ORDER BY id LIMIT $4 FOR UPDATE)
         UPDATE leads l SET ${column(field)} = $2, updated_at = $5 FROM batch WHERE l.id = batch.id
         RETURNING l.id`,
        [previous, spelling, after, limit, at],
      ),
    );
    return rows.map((row) => row.id).sort();
  }
}

/** The leads column of a spelled field (its name, checked against the list, as SQL cannot bind a column). */
function column(field: SpelledField): SpelledField {
  if (!SPELLED_FIELDS.includes(field)) throw new Error(`not a spelled field: ${String(field)}`);
  return field;
}
