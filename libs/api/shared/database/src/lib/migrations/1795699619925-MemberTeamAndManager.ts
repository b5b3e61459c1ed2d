import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member's team (or region) and manager, as the sales-reps import fills them. The manager is a member of the
 * same workspace — the foreign key leads with workspace_id, so it cannot point across tenants — and never the
 * member themself; members are deactivated, never deleted, so no delete rule is needed.
 */
export class MemberTeamAndManager1795699619925 implements MigrationInterface {
  name = 'MemberTeamAndManager1795699619925';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "members"
            ADD "team" character varying(100)
        `);
    await queryRunner.query(`
            ALTER TABLE "members"
            ADD "manager_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "members"
            ADD CONSTRAINT "members_manager_check" CHECK ("manager_id" <> "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "members"
            ADD CONSTRAINT "members_manager_fkey" FOREIGN KEY ("workspace_id", "manager_id") REFERENCES "members"("workspace_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "members" DROP CONSTRAINT "members_manager_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "members" DROP CONSTRAINT "members_manager_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "members" DROP COLUMN "manager_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "members" DROP COLUMN "team"
        `);
  }
}
