import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member's monthly quota: the revenue they are expected to win in a month, in the workspace's currency. The
 * dashboard's rep view sets each rep's revenue won beside their quota for the period, and beside their activity.
 */
export class MemberMonthlyQuota1795700370000 implements MigrationInterface {
  name = 'MemberMonthlyQuota1795700370000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "members" ADD "monthly_quota" numeric(14,2)`);
    await queryRunner.query(
      `ALTER TABLE "members" ADD CONSTRAINT "members_monthly_quota_check" CHECK ("monthly_quota" >= 0)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "members" DROP CONSTRAINT "members_monthly_quota_check"`);
    await queryRunner.query(`ALTER TABLE "members" DROP COLUMN "monthly_quota"`);
  }
}
