import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workspace's reporting currency: every amount of the workspace (opportunities, quotas) is in it, so the
 * dashboard's pipeline and revenue add up without mixing currencies. Existing workspaces report in USD, the
 * default opportunities had.
 */
export class WorkspaceCurrency1795700380000 implements MigrationInterface {
  name = 'WorkspaceCurrency1795700380000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workspaces" ADD "currency" character(3) NOT NULL DEFAULT 'USD'`);
    await queryRunner.query(
      `ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workspaces" DROP CONSTRAINT "workspaces_currency_check"`);
    await queryRunner.query(`ALTER TABLE "workspaces" DROP COLUMN "currency"`);
  }
}
