import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * accord_store_signals as migration SignalInbox made it (see there), but for the key its insert does nothing on:
 * a stored event is the same event when it has the same id in the workspace (here), or for the same lead (before).
 */
function storeSignals(conflictKey: string): string {
  return `
      CREATE OR REPLACE FUNCTION accord_store_signals(
        key_hash text, external_ids text[], types text[], occurred timestamptz[], sources text[],
        lead_refs uuid[], emails text[], domains text[], received timestamptz)
      RETURNS TABLE (workspace_id uuid, input_position int, lead_id uuid, stored boolean)
      LANGUAGE plpgsql VOLATILE SECURITY INVOKER
      AS $$
      #variable_conflict use_column
      DECLARE
        key_id uuid;
        key_workspace uuid;
      BEGIN
        IF key_hash IS NOT NULL THEN
          PERFORM set_config('role', 'accord_app', true),
                  set_config('app.api_key_hash', key_hash, true),
                  set_config('app.workspace_id', '', true);
          SELECT k.id, k.workspace_id INTO key_id, key_workspace
            FROM api_keys k WHERE k.secret_hash = key_hash AND k.revoked_at IS NULL;
          IF key_id IS NULL THEN
            RETURN;
          END IF;
          PERFORM set_config('app.workspace_id', key_workspace::text, true);
          -- A hint for admins, written at most once a minute per key.
          UPDATE api_keys k SET last_used_at = received
           WHERE k.id = key_id AND (k.last_used_at IS NULL OR k.last_used_at < received - interval '1 minute');
        END IF;
        RETURN QUERY
          WITH input AS (
            SELECT * FROM unnest(external_ids, types, occurred, sources, lead_refs, emails, domains)
                   WITH ORDINALITY AS i(external_id, type, occurred_at, source, lead_ref, email, domain, position)),
          matched AS (
            SELECT i.*, coalesce(
                     (SELECT l.id FROM leads l WHERE l.id = i.lead_ref),
                     (SELECT l.id FROM leads l WHERE l.email = i.email),
                     (SELECT l.id FROM leads l WHERE l.company_domain = i.domain ORDER BY l.created_at, l.id LIMIT 1)
                   ) AS matched_lead
              FROM input i),
          inserted AS (
            INSERT INTO signals AS s (workspace_id, external_id, lead_id, type, occurred_at, source, received_at)
            SELECT accord_current_workspace(), m.external_id, m.matched_lead, m.type, m.occurred_at, m.source, received
              FROM matched m WHERE m.matched_lead IS NOT NULL
            ON CONFLICT (${conflictKey}) DO NOTHING
            RETURNING s.lead_id, s.external_id, s.type, s.occurred_at),
          queued AS (
            INSERT INTO signal_inbox (workspace_id, lead_id, type, occurred_at)
            SELECT accord_current_workspace(), n.lead_id, n.type, n.occurred_at FROM inserted n)
          SELECT accord_current_workspace(), m.position::int, m.matched_lead, n.external_id IS NOT NULL
            FROM matched m LEFT JOIN inserted n ON n.lead_id = m.matched_lead AND n.external_id = m.external_id
           ORDER BY m.position;
      END
      $$`;
}

/**
 * A sender's event id is stored once per workspace, not once per lead: a re-sent event that now matches another
 * lead — the lead its e-mail names was created after the first send matched the event by company domain — is a
 * duplicate, not a second signal. Events already stored twice under one id (for two leads) keep their rows, so
 * every lead's summary stays true; all but the first get the lead's id appended to theirs.
 */
export class SignalIdPerWorkspace1795700390000 implements MigrationInterface {
  name = 'SignalIdPerWorkspace1795700390000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Every workspace's rows, whatever role runs migrations: the owner passes row-level security unless forced.
    await queryRunner.query(`ALTER TABLE signals NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      UPDATE signals s SET external_id = left(d.external_id, 163) || '@' || d.lead_id::text
        FROM (SELECT workspace_id, lead_id, external_id,
                     row_number() OVER (PARTITION BY workspace_id, external_id ORDER BY received_at, lead_id) AS nth
                FROM signals
               WHERE (workspace_id, external_id) IN (
                       SELECT workspace_id, external_id FROM signals
                        GROUP BY workspace_id, external_id HAVING count(*) > 1)) d
       WHERE d.nth > 1 AND s.workspace_id = d.workspace_id AND s.lead_id = d.lead_id
         AND s.external_id = d.external_id`);
    await queryRunner.query(`ALTER TABLE signals FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "signals_external_id_key" ON "signals" ("workspace_id", "external_id")`,
    );
    await queryRunner.query(storeSignals('workspace_id, external_id'));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(storeSignals('workspace_id, lead_id, external_id'));
    await queryRunner.query(`DROP INDEX "signals_external_id_key"`);
  }
}
