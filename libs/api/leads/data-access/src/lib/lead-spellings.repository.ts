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
}
