import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * At most one unfinished (queued or running) backtest per revision and version in force: two members starting
 * the same backtest at once made two runs, each reading the workspace's whole history. Duplicates made before
 * are FAILED, saying why, all but the newest — the one `latestBacktest` shows; a worker still running one stops
 * at its next save, as it does when its claim is taken over.
 */
export class OneUnfinishedBacktestRun1795700410000 implements MigrationInterface {
  name = 'OneUnfinishedBacktestRun1795700410000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Every workspace's rows, whatever role runs migrations: the owner passes row-level security unless forced.
    await queryRunner.query(`ALTER TABLE backtest_runs NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      UPDATE backtest_runs r
         SET status = 'FAILED', finished_at = now(),
             error = 'A duplicate of backtest ' || d.kept || ', which runs instead'
        FROM (SELECT workspace_id, id,
                     first_value(id) OVER same AS kept, row_number() OVER same AS nth
                FROM backtest_runs
               WHERE status IN ('QUEUED', 'RUNNING')
              WINDOW same AS (PARTITION BY workspace_id, version_id, revision, baseline_version_id
                              ORDER BY created_at DESC, id DESC)) d
       WHERE d.nth > 1 AND r.workspace_id = d.workspace_id AND r.id = d.id`);
    await queryRunner.query(`ALTER TABLE backtest_runs FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "backtest_runs_one_unfinished_key"
          ON "backtest_runs" ("workspace_id", "version_id", "revision", "baseline_version_id")
       WHERE status IN ('QUEUED', 'RUNNING')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."backtest_runs_one_unfinished_key"`);
  }
}
