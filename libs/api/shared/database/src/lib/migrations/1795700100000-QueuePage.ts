import { MigrationInterface, QueryRunner } from 'typeorm';

/** The undecided queue's order: due first, then hotter, then better fit, then id (ties never reorder). */
const UNDECIDED_ORDER = 'h.due_at, h.temperature_rank DESC, h.fit_score DESC, h.id';
const AFTER_UNDECIDED = `(after_id IS NULL OR h.due_at > after_due OR (h.due_at = after_due AND (h.temperature_rank < after_rank
  OR (h.temperature_rank = after_rank AND (h.fit_score < after_fit OR (h.fit_score = after_fit AND h.id > after_id))))))`;

function undecidedPage(scope: string): string {
  return `RETURN QUERY
      SELECT row_number() OVER (ORDER BY ${UNDECIDED_ORDER}), h.id, h.xmin, h.lead_id, h.owner_id, h.decided_by
        FROM handovers h
       WHERE h.workspace_id = accord_current_workspace() AND h.decided_at IS NULL AND ${scope}
         AND (view <> 'EXPIRED' OR h.status = 'EXPIRED') AND ${AFTER_UNDECIDED}
       ORDER BY ${UNDECIDED_ORDER} LIMIT page_size;`;
}

/**
 * Which handovers a queue page shows, and their order, defined once (accord_queue_page) for the page statement
 * and for accord_queue_fingerprint, the one statement that tells whether a page served before is still what the
 * page would show: the ids and row versions (`xmin`, new on every update) of the handover, lead, owner and
 * decider rows, in order. Both are PL/pgSQL so that their plans are prepared once per connection: planning the
 * fingerprint's join under row-level security cost as much as running it. Each scope has its own statement (a
 * cached plan must not choose its index for another scope), and the queue indexes now hold the whole order, so
 * a page reads its rows in order from the index instead of sorting every row due at the same hour.
 */
export class QueuePage1795700100000 implements MigrationInterface {
  name = 'QueuePage1795700100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "handovers_queue_idx"`);
    await queryRunner.query(`DROP INDEX "handovers_team_queue_idx"`);
    await queryRunner.query(`
      CREATE INDEX "handovers_queue_idx"
          ON "handovers" ("workspace_id", "owner_id", "due_at", "temperature_rank" DESC, "fit_score" DESC, "id")
       WHERE decided_at IS NULL`);
    await queryRunner.query(`
      CREATE INDEX "handovers_team_queue_idx"
          ON "handovers" ("workspace_id", "due_at", "temperature_rank" DESC, "fit_score" DESC, "id")
       WHERE decided_at IS NULL`);
    await queryRunner.query(`
      CREATE FUNCTION accord_queue_page(
        owner uuid, unassigned boolean, view text, after_due timestamptz, after_rank int, after_fit float8,
        after_decided timestamptz, after_id uuid, page_size int)
      RETURNS TABLE (page_position bigint, handover_id uuid, handover_version xid, lead_id uuid, owner_id uuid,
                     decided_by uuid)
      ROWS 50
      LANGUAGE plpgsql STABLE SECURITY INVOKER
      AS $$
      #variable_conflict use_column
      BEGIN
        IF view = 'DECIDED' THEN
          RETURN QUERY
            SELECT row_number() OVER (ORDER BY h.decided_at DESC, h.id), h.id, h.xmin, h.lead_id, h.owner_id,
                   h.decided_by
              FROM handovers h
             WHERE h.workspace_id = accord_current_workspace() AND h.decided_at IS NOT NULL
               AND CASE WHEN unassigned THEN h.owner_id IS NULL WHEN owner IS NOT NULL THEN h.owner_id = owner
                        ELSE true END
               AND (after_id IS NULL OR h.decided_at < after_decided
                    OR (h.decided_at = after_decided AND h.id > after_id))
             ORDER BY h.decided_at DESC, h.id LIMIT page_size;
        ELSIF unassigned THEN
          ${undecidedPage('h.owner_id IS NULL')}
        ELSIF owner IS NOT NULL THEN
          ${undecidedPage('h.owner_id = owner')}
        ELSE
          ${undecidedPage('true')}
        END IF;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION accord_queue_fingerprint(
        workspace uuid, owner uuid, unassigned boolean, view text, after_due timestamptz, after_rank int,
        after_fit float8, after_decided timestamptz, after_id uuid, page_size int)
      RETURNS text
      LANGUAGE plpgsql VOLATILE SECURITY INVOKER
      AS $$
      BEGIN
        PERFORM set_config('role', 'accord_app', true), set_config('app.workspace_id', workspace::text, true);
        RETURN (
          SELECT coalesce(string_agg(concat(p.handover_id, ':', p.handover_version, ':', l.xmin, ':', o.xmin, ':', d.xmin),
                                     ',' ORDER BY p.page_position), '')
            FROM accord_queue_page(owner, unassigned, view, after_due, after_rank, after_fit, after_decided, after_id,
                                   page_size) p
            JOIN leads l ON l.workspace_id = workspace AND l.id = p.lead_id
            LEFT JOIN members o ON o.workspace_id = workspace AND o.id = p.owner_id
            LEFT JOIN members d ON d.workspace_id = workspace AND d.id = p.decided_by);
      END
      $$`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION accord_queue_page TO accord_app`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION accord_queue_fingerprint TO accord_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION accord_queue_fingerprint`);
    await queryRunner.query(`DROP FUNCTION accord_queue_page`);
    await queryRunner.query(`DROP INDEX "handovers_team_queue_idx"`);
    await queryRunner.query(`DROP INDEX "handovers_queue_idx"`);
    await queryRunner.query(`
      CREATE INDEX "handovers_queue_idx" ON "handovers" ("workspace_id", "owner_id", "due_at") WHERE decided_at IS NULL`);
    await queryRunner.query(`
      CREATE INDEX "handovers_team_queue_idx" ON "handovers" ("workspace_id", "due_at") WHERE decided_at IS NULL`);
  }
}
