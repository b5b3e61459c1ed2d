import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = ['dashboard_rollup', 'dashboard_rollup_state', 'dashboard_lead_segments'];

/**
 * The dashboard's rollup: the facts of each local day counted once per slice (see dashboard-rollup.ts in the
 * dashboard's data access), kept by a background job that rebuilds the days touched since its last pass. The
 * indexes on the fact tables let it — and the dashboard's raw path — read one day's or one period's facts
 * without scanning the workspace's whole history; the one on signals is partial, so ingesting an intent signal pays
 * nothing for it (new signals are found through their lead's updated_at, not through an index of their own).
 */
export class DashboardRollup1795693000000 implements MigrationInterface {
  name = 'DashboardRollup1795693000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "dashboard_rollup" (
                "workspace_id" uuid NOT NULL,
                "day" date NOT NULL,
                "dims" smallint NOT NULL,
                "version_id" uuid,
                "owner_id" uuid,
                "industry" character varying(100),
                "employee_band" smallint,
                "country" character varying(2),
                "source" character varying(100),
                "campaign" character varying(200),
                "fact" character varying(32) NOT NULL,
                "n" integer NOT NULL,
                "amount" numeric NOT NULL,
                "grade" character varying(1),
                "reason_key" character varying(63),
                "lead_source" character varying(100),
                "reason_label" character varying(120),
                "decided_last_at" TIMESTAMP WITH TIME ZONE,
                "sales_days" double precision array,
                "opportunity_days" double precision array
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "dashboard_rollup_slice_idx" ON "dashboard_rollup"
            ("workspace_id", "dims", "owner_id", "industry", "employee_band", "country", "source", "campaign", "day")
            INCLUDE ("fact", "version_id", "n", "amount")
        `);
    await queryRunner.query(`
            CREATE INDEX "dashboard_rollup_day_idx" ON "dashboard_rollup" ("workspace_id", "day")
        `);
    await queryRunner.query(`
            CREATE TABLE "dashboard_rollup_state" (
                "workspace_id" uuid NOT NULL,
                "time_zone" character varying(64) NOT NULL,
                "built_at" TIMESTAMP WITH TIME ZONE,
                "watermark" TIMESTAMP WITH TIME ZONE NOT NULL,
                "segments" jsonb NOT NULL,
                CONSTRAINT "dashboard_rollup_state_pkey" PRIMARY KEY ("workspace_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "dashboard_lead_segments" (
                "workspace_id" uuid NOT NULL,
                "lead_id" uuid NOT NULL,
                "segment" text NOT NULL,
                CONSTRAINT "dashboard_lead_segments_pkey" PRIMARY KEY ("workspace_id", "lead_id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "lead_transitions_at_idx" ON "lead_transitions" ("workspace_id", "at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "opportunity_transitions_at_idx" ON "opportunity_transitions" ("workspace_id", "at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "handovers_decided_idx" ON "handovers" ("workspace_id", "decided_at") WHERE "decided_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "handovers_expired_idx" ON "handovers" ("workspace_id", "expired_at") WHERE "expired_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "handovers_handed_over_idx" ON "handovers" ("workspace_id", "handed_over_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "meetings_marked_idx" ON "meetings" ("workspace_id", "marked_at") WHERE "marked_at" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "leads_updated_idx" ON "leads" ("workspace_id", "updated_at")`);
    await queryRunner.query(
      `CREATE INDEX "opportunities_updated_idx" ON "opportunities" ("workspace_id", "updated_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "signals_activity_idx" ON "signals" ("workspace_id", "occurred_at")
       WHERE "type" IN ('EMAIL_SENT', 'CALL_MADE', 'MEETING_BOOKED')`,
    );

    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ${TENANT_TABLES.join(', ')} TO accord_app`,
    );
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`
            CREATE POLICY ${table}_tenant ON ${table}
            USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace())`);
    }
    // The rollup job lists the workspaces it keeps before it enters each one.
    await queryRunner.query(`
        CREATE POLICY workspaces_dashboard_rollup ON workspaces FOR SELECT
        USING (current_setting('app.system', true) = 'on')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY workspaces_dashboard_rollup ON workspaces`);
    for (const table of TENANT_TABLES) await queryRunner.query(`DROP POLICY ${table}_tenant ON ${table}`);
    await queryRunner.query(`REVOKE ALL ON ${TENANT_TABLES.join(', ')} FROM accord_app`);
    for (const index of [
      'signals_activity_idx',
      'opportunities_updated_idx',
      'leads_updated_idx',
      'meetings_marked_idx',
      'handovers_handed_over_idx',
      'handovers_expired_idx',
      'handovers_decided_idx',
      'opportunity_transitions_at_idx',
      'lead_transitions_at_idx',
    ])
      await queryRunner.query(`DROP INDEX "public"."${index}"`);
    for (const table of [...TENANT_TABLES].reverse()) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
