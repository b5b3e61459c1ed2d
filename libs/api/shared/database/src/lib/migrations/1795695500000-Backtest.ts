import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Backtest runs, inside the tenant boundary like every tenant table. The worker finds due runs of any
 * workspace under `app.system` (as the rescore worker does) and then reads history and saves each batch in
 * the run's own workspace scope.
 */
export class Backtest1795695500000 implements MigrationInterface {
  name = 'Backtest1795695500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "backtest_runs" (
                "workspace_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "version_id" uuid NOT NULL,
                "revision" integer NOT NULL,
                "baseline_version_id" uuid NOT NULL,
                "document" jsonb NOT NULL,
                "status" character varying(8) NOT NULL,
                "window_from" TIMESTAMP WITH TIME ZONE NOT NULL,
                "window_to" TIMESTAMP WITH TIME ZONE NOT NULL,
                "total" integer NOT NULL DEFAULT '0',
                "processed" integer NOT NULL DEFAULT '0',
                "last_lead_id" uuid,
                "state" jsonb,
                "result" jsonb,
                "attempts" integer NOT NULL DEFAULT '0',
                "error" text,
                "requested_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE,
                "heartbeat_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "backtest_runs_window_check" CHECK ("window_from" < "window_to"),
                CONSTRAINT "backtest_runs_status_check" CHECK (
                    "status" IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')
                ),
                CONSTRAINT "PK_040995d956979b06bacdb4ca64e" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "backtest_runs_due_idx" ON "backtest_runs" ("created_at")
            WHERE status IN ('QUEUED', 'RUNNING')
        `);
    await queryRunner.query(`
            CREATE INDEX "backtest_runs_version_idx" ON "backtest_runs" ("workspace_id", "version_id", "created_at")
        `);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON backtest_runs TO accord_app`);
    await queryRunner.query(`ALTER TABLE backtest_runs ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE backtest_runs FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY backtest_runs_tenant ON backtest_runs
      USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace())`);
    await queryRunner.query(`
      CREATE POLICY backtest_runs_worker ON backtest_runs
      USING (current_setting('app.system', true) = 'on') WITH CHECK (current_setting('app.system', true) = 'on')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY backtest_runs_worker ON backtest_runs`);
    await queryRunner.query(`DROP POLICY backtest_runs_tenant ON backtest_runs`);
    await queryRunner.query(`REVOKE ALL ON backtest_runs FROM accord_app`);
    await queryRunner.query(`DROP INDEX "public"."backtest_runs_version_idx"`);
    await queryRunner.query(`DROP INDEX "public"."backtest_runs_due_idx"`);
    await queryRunner.query(`DROP TABLE "backtest_runs"`);
  }
}
