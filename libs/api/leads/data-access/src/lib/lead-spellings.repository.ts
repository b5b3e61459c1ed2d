import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import {
  SPELLED_FIELDS,
  type SpelledField,
  type Spelling,
  type SpellingsBook,
  respell,
  spellingsBook,
  spellingsIn,
} from '@accord/domain/leads';

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
   * Gives a value the spelling a person chose — the same key, so the same value — and every lead holding it that
   * spelling, marked updated so the dashboard's rollup counts them again. Returns the spelling it had and how many
   * leads changed, or null when the workspace does not know the value. The caller holds the workspace's scoring
   * lock exclusively: no writer is between reading the old spelling and recording what it stored.
   */
  async correct(
    manager: EntityManager,
    { field, key, spelling }: Spelling,
    at: Date,
  ): Promise<{ previous: string; leads: number } | null> {
    const known: { spelling: string }[] = await manager.query(
      `SELECT spelling FROM lead_spellings WHERE field = $1 AND key = $2 FOR UPDATE`,
      [field, key],
    );
    if (known.length === 0) return null;
    const previous = known[0].spelling;
    if (previous === spelling) return { previous, leads: 0 };
    await manager.query(`UPDATE lead_spellings SET spelling = $3 WHERE field = $1 AND key = $2`, [
      field,
      key,
      spelling,
    ]);
    // Every writer stores a known value in its spelling, so the leads holding the value hold exactly that one.
    const [, leads] = await manager.query<[unknown, number]>(
      `UPDATE leads SET ${column(field)} = $2, updated_at = $3 WHERE ${column(field)} = $1`,
      [previous, spelling, at],
    );
    return { previous, leads };
  }
}

/** The leads column of a spelled field (its name, checked against the list, as SQL cannot bind a column). */
function column(field: SpelledField): SpelledField {
  if (!SPELLED_FIELDS.includes(field)) throw new Error(`not a spelled field: ${String(field)}`);
  return field;
}
