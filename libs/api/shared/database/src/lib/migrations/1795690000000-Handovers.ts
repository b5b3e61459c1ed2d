import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = ['handovers', 'handover_events', 'handover_routing', 'lead_qualifications'];

/**
 * Handovers join the tenant boundary. The history tables are append-only for the application. Two narrow system
 * reads let the background jobs find due work of any workspace before they enter it: moves into MQL still
 * waiting for a handover (the opener) and open handovers past due (the expirer). The opener marks a move
 * checked, the one column of lead_transitions the application may change.
 */
async function secure(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `GRANT SELECT, INSERT, UPDATE ON handovers, handover_routing, lead_qualifications TO accord_app`,
  );
  await queryRunner.query(`GRANT SELECT, INSERT ON handover_events TO accord_app`);
  await queryRunner.query(`GRANT UPDATE (handover_checked_at) ON lead_transitions TO accord_app`);
  for (const table of TENANT_TABLES) {
    await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
            CREATE POLICY ${table}_tenant ON ${table}
            USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace())`);
  }
  await queryRunner.query(`
        CREATE POLICY handovers_expirer ON handovers FOR SELECT
        USING (current_setting('app.system', true) = 'on')`);
  await queryRunner.query(`
        CREATE POLICY lead_transitions_handover_opener ON lead_transitions FOR SELECT
        USING (current_setting('app.system', true) = 'on')`);
}

async function unsecure(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP POLICY lead_transitions_handover_opener ON lead_transitions`);
  await queryRunner.query(`DROP POLICY handovers_expirer ON handovers`);
  for (const table of TENANT_TABLES) await queryRunner.query(`DROP POLICY ${table}_tenant ON ${table}`);
  await queryRunner.query(`REVOKE UPDATE (handover_checked_at) ON lead_transitions FROM accord_app`);
  await queryRunner.query(`REVOKE ALL ON ${TENANT_TABLES.join(', ')} FROM accord_app`);
}

export class Handovers1795690000000 implements MigrationInterface {
  name = 'Handovers1795690000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "handovers" (
                "workspace_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "lead_id" uuid NOT NULL,
                "transition_id" bigint NOT NULL,
                "version_id" uuid NOT NULL,
                "owner_id" uuid,
                "status" character varying(16) NOT NULL,
                "grade" character varying(1) NOT NULL,
                "temperature" character varying(8) NOT NULL,
                "temperature_rank" smallint NOT NULL,
                "outcome" character varying(16) NOT NULL,
                "fit_score" double precision NOT NULL,
                "intent_score" double precision NOT NULL,
                "explanation" character varying(1000) NOT NULL,
                "handed_over_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expired_at" TIMESTAMP WITH TIME ZONE,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "decided_by" uuid,
                "within_sla" boolean,
                "reason_key" character varying(63),
                "reason_label" character varying(120),
                "note" text,
                CONSTRAINT "PK_8b3091f36d155a534aa6b4c1091" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "handovers_transition_key" ON "handovers" ("workspace_id", "transition_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "handovers_lead_idx" ON "handovers" ("workspace_id", "lead_id", "handed_over_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "handovers_due_idx" ON "handovers" ("workspace_id", "due_at")
            WHERE status = 'OPEN'
        `);
    await queryRunner.query(`
            CREATE INDEX "handovers_queue_idx" ON "handovers" ("workspace_id", "owner_id", "due_at")
            WHERE decided_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "handovers_team_queue_idx" ON "handovers" ("workspace_id", "due_at")
            WHERE decided_at IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "handovers_open_lead_key" ON "handovers" ("workspace_id", "lead_id")
            WHERE decided_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "handover_events" (
                "workspace_id" uuid NOT NULL,
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "handover_id" uuid NOT NULL,
                "kind" character varying(16) NOT NULL,
                "actor_id" uuid,
                "owner_id" uuid,
                "version_id" uuid NOT NULL,
                "detail" character varying(200) NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_e06c91cf5a2caae91cb75965ac3" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "handover_events_handover_idx" ON "handover_events" ("workspace_id", "handover_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "handover_routing" (
                "workspace_id" uuid NOT NULL,
                "cursors" jsonb NOT NULL DEFAULT '{}',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_3be5e5d8405063523dbb5c7776f" PRIMARY KEY ("workspace_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "lead_qualifications" (
                "workspace_id" uuid NOT NULL,
                "lead_id" uuid NOT NULL,
                "item_key" character varying(63) NOT NULL,
                "met" boolean NOT NULL,
                "note" character varying(2000),
                "version_id" uuid NOT NULL,
                "answered_by" uuid NOT NULL,
                "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_057953bde9ecd71e680af69b62e" PRIMARY KEY ("workspace_id", "lead_id", "item_key")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "lead_transitions"
            ADD "handover_checked_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            CREATE INDEX "lead_transitions_handover_due_idx" ON "lead_transitions" ("workspace_id", "id")
            WHERE to_stage = 'MQL'
                AND handover_checked_at IS NULL
        `);
    await secure(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await unsecure(queryRunner);
    await queryRunner.query(`
            DROP INDEX "public"."lead_transitions_handover_due_idx"
        `);
    await queryRunner.query(`
            ALTER TABLE "lead_transitions" DROP COLUMN "handover_checked_at"
        `);
    await queryRunner.query(`
            DROP TABLE "lead_qualifications"
        `);
    await queryRunner.query(`
            DROP TABLE "handover_routing"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."handover_events_handover_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "handover_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."handovers_open_lead_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."handovers_queue_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."handovers_team_queue_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."handovers_due_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."handovers_lead_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."handovers_transition_key"
        `);
    await queryRunner.query(`
            DROP TABLE "handovers"
        `);
  }
}
