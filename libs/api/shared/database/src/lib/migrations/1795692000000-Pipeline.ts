import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = ['meetings', 'opportunities', 'opportunity_transitions'];

/**
 * Meetings and opportunities, and their tenant boundary: row-level security keyed on the workspace like every
 * tenant table. Opportunity transitions are facts: the application inserts and reads them, never rewrites them.
 */
export class Pipeline1795692000000 implements MigrationInterface {
  name = 'Pipeline1795692000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "meetings" (
                "workspace_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "lead_id" uuid NOT NULL,
                "owner_id" uuid NOT NULL,
                "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "title" character varying(200),
                "notes" character varying(2000),
                "status" character varying(10) NOT NULL DEFAULT 'BOOKED',
                "qualified" boolean NOT NULL DEFAULT false,
                "booked_by_id" uuid,
                "booked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "marked_by_id" uuid,
                "marked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "meetings_qualified_check" CHECK (
                    NOT "qualified"
                    OR "status" = 'HELD'
                ),
                CONSTRAINT "meetings_status_check" CHECK (
                    "status" IN ('BOOKED', 'HELD', 'NO_SHOW', 'CANCELLED')
                ),
                CONSTRAINT "PK_82d897b18fca8b6fd21b3f40fca" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "meetings_qualified_idx" ON "meetings" ("workspace_id", "scheduled_at")
            WHERE "qualified"
        `);
    await queryRunner.query(`
            CREATE INDEX "meetings_lead_idx" ON "meetings" ("workspace_id", "lead_id", "scheduled_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "opportunities" (
                "workspace_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "lead_id" uuid NOT NULL,
                "name" character varying(200),
                "owner_id" uuid NOT NULL,
                "stage" character varying(16) NOT NULL,
                "amount" numeric(14, 2) NOT NULL,
                "currency" character(3) NOT NULL DEFAULT 'USD',
                "close_date" date,
                "lost_reason" character varying(500),
                "revision" integer NOT NULL DEFAULT '1',
                "opened_by_id" uuid,
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "opportunities_lost_reason_check" CHECK (("stage" = 'LOST') = ("lost_reason" IS NOT NULL)),
                CONSTRAINT "opportunities_closed_check" CHECK (
                    ("stage" IN ('WON', 'LOST')) = (
                        "close_date" IS NOT NULL
                        AND "closed_at" IS NOT NULL
                    )
                ),
                CONSTRAINT "opportunities_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$'),
                CONSTRAINT "opportunities_amount_check" CHECK (
                    "amount" >= 0
                    AND "amount" <= 100000000000
                ),
                CONSTRAINT "opportunities_stage_check" CHECK (
                    "stage" IN (
                        'DISCOVERY',
                        'DEMO',
                        'PROOF_OF_CONCEPT',
                        'NEGOTIATION',
                        'WON',
                        'LOST'
                    )
                ),
                CONSTRAINT "PK_5daf29c9ccb458777ee5c5ba030" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "opportunities_open_lead_key" ON "opportunities" ("workspace_id", "lead_id")
            WHERE "stage" NOT IN ('WON', 'LOST')
        `);
    await queryRunner.query(`
            CREATE INDEX "opportunities_lead_idx" ON "opportunities" ("workspace_id", "lead_id", "opened_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "opportunity_transitions" (
                "workspace_id" uuid NOT NULL,
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "opportunity_id" uuid NOT NULL,
                "from_stage" character varying(16),
                "to_stage" character varying(16) NOT NULL,
                "amount" numeric(14, 2) NOT NULL,
                "actor_id" uuid,
                "version_id" uuid,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_1a7c7cb04f0f02d5ad81422afee" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "opportunity_transitions_opportunity_idx" ON "opportunity_transitions" ("workspace_id", "opportunity_id", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "meetings_lead_fkey" FOREIGN KEY ("workspace_id", "lead_id") REFERENCES "leads"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "meetings_owner_fkey" FOREIGN KEY ("workspace_id", "owner_id") REFERENCES "members"("workspace_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "opportunities"
            ADD CONSTRAINT "opportunities_lead_fkey" FOREIGN KEY ("workspace_id", "lead_id") REFERENCES "leads"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "opportunities"
            ADD CONSTRAINT "opportunities_owner_fkey" FOREIGN KEY ("workspace_id", "owner_id") REFERENCES "members"("workspace_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "opportunity_transitions"
            ADD CONSTRAINT "opportunity_transitions_opportunity_fkey" FOREIGN KEY ("workspace_id", "opportunity_id") REFERENCES "opportunities"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ${TENANT_TABLES.join(', ')} TO accord_app`,
    );
    await queryRunner.query(`REVOKE UPDATE, DELETE ON opportunity_transitions FROM accord_app`);
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`
              CREATE POLICY ${table}_tenant ON ${table}
              USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace())`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`DROP POLICY ${table}_tenant ON ${table}`);
    }
    await queryRunner.query(`REVOKE ALL ON ${TENANT_TABLES.join(', ')} FROM accord_app`);
    await queryRunner.query(`
            ALTER TABLE "opportunity_transitions" DROP CONSTRAINT "opportunity_transitions_opportunity_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "opportunities" DROP CONSTRAINT "opportunities_owner_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "opportunities" DROP CONSTRAINT "opportunities_lead_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "meetings_owner_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "meetings_lead_fkey"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."opportunity_transitions_opportunity_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "opportunity_transitions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."opportunities_lead_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."opportunities_open_lead_key"
        `);
    await queryRunner.query(`
            DROP TABLE "opportunities"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."meetings_lead_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."meetings_qualified_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "meetings"
        `);
  }
}
