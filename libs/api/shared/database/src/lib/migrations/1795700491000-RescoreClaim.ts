import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A rescore run's claim: a new id at every claim, which every save of the run matches, so a worker that lost the
 * run to another (it stalled past the abandonment threshold) writes nothing more of it. `attempts` cannot serve:
 * a run stopped for a shutdown hands its attempt back, and its next claim has the same number.
 */
export class RescoreClaim1795700491000 implements MigrationInterface {
  name = 'RescoreClaim1795700491000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rescore_runs" ADD "claim_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rescore_runs" DROP COLUMN "claim_id"`);
  }
}
