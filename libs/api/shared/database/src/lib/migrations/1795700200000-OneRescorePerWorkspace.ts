import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * At most one rescore run of a workspace runs at a time, whichever replica claims it: two at once could flip the
 * scoring pointer out of order (an older version put back in force) or drop the partition the other is writing.
 */
export class OneRescorePerWorkspace1795700200000 implements MigrationInterface {
  name = 'OneRescorePerWorkspace1795700200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "rescore_runs_one_running_key" ON "rescore_runs" ("workspace_id") WHERE status = 'RUNNING'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."rescore_runs_one_running_key"`);
  }
}
