import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recycled leads come back on their own: when a lead's recycle period ends, the recycle sweep evaluates it again
 * (a lead that still qualifies becomes an MQL and is handed over anew). The sweep finds the workspaces with such
 * leads under the system scope, read-only, by a partial index of the few leads waiting to come back.
 */
export class RecycleSweep1795700250000 implements MigrationInterface {
  name = 'RecycleSweep1795700250000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "leads_recycle_due_idx" ON "leads" ("recycle_until") WHERE stage = 'NURTURE' AND recycle_until IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE POLICY leads_recycle_sweep ON leads FOR SELECT
      USING (current_setting('app.system', true) = 'on')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY leads_recycle_sweep ON leads`);
    await queryRunner.query(`DROP INDEX "public"."leads_recycle_due_idx"`);
  }
}
