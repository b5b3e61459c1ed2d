import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A rescore run's heartbeat: moved by every batch it saves, so a run that takes longer than the abandonment
 * threshold (a very large workspace) is not taken for dead and claimed a second time while it still works. Runs
 * from before have none; their start time stands in for it.
 */
export class RescoreHeartbeat1795700490000 implements MigrationInterface {
  name = 'RescoreHeartbeat1795700490000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rescore_runs" ADD "heartbeat_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rescore_runs" DROP COLUMN "heartbeat_at"`);
  }
}
