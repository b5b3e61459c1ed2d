import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { type Spelling, type SpellingsBook, spellingsBook } from '@accord/domain/leads';

const byFieldAndKey = (a: Spelling, b: Spelling) =>
  a.field < b.field ? -1 : a.field > b.field ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/**
 * The workspace's spelling of each lead industry, source and campaign (table `lead_spellings`, see the domain's
 * spellings.ts). Every statement runs in the caller's tenant transaction.
 */
@Injectable()
export class LeadSpellingsRepository {
  /**
   * Records the spellings the workspace does not know yet, as given, and returns the workspace's spelling of each.
   * A spelling another transaction is recording meanwhile wins once it commits (ON CONFLICT DO NOTHING waits for
   * it). So that such a wait never closes a loop of locks, writers of leads call this before they take any other
   * lock (the scoring lock, a lead's), and it records in key order.
   */
  async learn(manager: EntityManager, spellings: readonly Spelling[]): Promise<SpellingsBook> {
    if (spellings.length === 0) return new Map();
    const sorted = [...spellings].sort(byFieldAndKey);
    await manager.query(
      `INSERT INTO lead_spellings (workspace_id, field, key, spelling)
       SELECT accord_current_workspace(), s.field, s.key, s.spelling
         FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS s(field, key, spelling, n)
        ORDER BY s.n
       ON CONFLICT DO NOTHING`,
      [sorted.map((item) => item.field), sorted.map((item) => item.key), sorted.map((item) => item.spelling)],
    );
    // A statement of its own, so that its snapshot holds the spellings the insert waited for.
    return this.known(manager, spellings);
  }

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
}
