import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's rollup keeps each rejection's lead campaign beside its source, so "why leads were rejected" is
 * answered by campaign from the rollup as it is by source. Rows counted before have no campaign: the rollup is
 * forgotten (TRUNCATE, which row-level security does not filter), so the next pass of the rollup job rebuilds
 * every workspace's days; until it has, the dashboard reads the raw tables, with the same numbers.
 */
export class DashboardRollupCampaign1795700361000 implements MigrationInterface {
  name = 'DashboardRollupCampaign1795700361000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dashboard_rollup" ADD "lead_campaign" character varying(200)`);
    await queryRunner.query(
      `TRUNCATE "dashboard_rollup", "dashboard_lead_segments", "dashboard_rollup_state"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `TRUNCATE "dashboard_rollup", "dashboard_lead_segments", "dashboard_rollup_state"`,
    );
    await queryRunner.query(`ALTER TABLE "dashboard_rollup" DROP COLUMN "lead_campaign"`);
  }
}
