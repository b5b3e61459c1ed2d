import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox of signals stored but not yet applied to their lead's summary and score: ingestion only stores, and
 * the applier folds them in micro-batches. Tenant rows like every other table; the applier's poll may also see
 * which workspaces have rows waiting (`app.system`), read-only. The applier takes rows FOR UPDATE SKIP LOCKED,
 * which needs UPDATE.
 *
 * accord_store_signals stores a batch of validated signals in one statement: with a key hash it first
 * authenticates the API key and scopes itself to the key's workspace, so a machine client's request is a single
 * round trip (its own implicit transaction); without one it works in the calling transaction's scope (the web
 * app's). It runs with the caller's rights, as the application role, under row-level security.
 *
 * A rescore run also records when it flipped the scoring pointer: its stage moves follow the flip in batches,
 * and a run that stops between them resumes with the moves alone.
 */
export class SignalInbox1795659376578 implements MigrationInterface {
  name = 'SignalInbox1795659376578';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "signal_inbox" (
                "workspace_id" uuid NOT NULL,
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "lead_id" uuid NOT NULL,
                "type" character varying(50) NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_ea07644d958df5d7d0cd187bb93" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`ALTER TABLE "rescore_runs" ADD "flipped_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON signal_inbox TO accord_app`);
    await queryRunner.query(`ALTER TABLE signal_inbox ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE signal_inbox FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY signal_inbox_tenant ON signal_inbox
      USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace())`);
    await queryRunner.query(`
      CREATE POLICY signal_inbox_worker ON signal_inbox FOR SELECT
      USING (current_setting('app.system', true) = 'on')`);
    await queryRunner.query(`
      CREATE FUNCTION accord_store_signals(
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
            ON CONFLICT (workspace_id, lead_id, external_id) DO NOTHING
            RETURNING s.lead_id, s.external_id, s.type, s.occurred_at),
          queued AS (
            INSERT INTO signal_inbox (workspace_id, lead_id, type, occurred_at)
            SELECT accord_current_workspace(), n.lead_id, n.type, n.occurred_at FROM inserted n)
          SELECT accord_current_workspace(), m.position::int, m.matched_lead, n.external_id IS NOT NULL
            FROM matched m LEFT JOIN inserted n ON n.lead_id = m.matched_lead AND n.external_id = m.external_id
           ORDER BY m.position;
      END
      $$`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION accord_store_signals TO accord_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION accord_store_signals`);
    await queryRunner.query(`DROP TABLE "signal_inbox"`);
    await queryRunner.query(`ALTER TABLE "rescore_runs" DROP COLUMN "flipped_at"`);
  }
}
