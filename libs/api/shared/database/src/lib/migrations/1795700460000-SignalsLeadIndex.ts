import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A plain index of signals by lead, for each lead's timeline, ahead of migration SignalsKeyedByEventId, which stops
 * the primary key (workspace, lead, event id) from serving it. Built CONCURRENTLY, outside a transaction, so that
 * signals keep arriving while it builds over millions of rows. A build that failed part-way leaves an invalid index
 * behind: it is dropped and built again.
 */
export class SignalsLeadIndex1795700460000 implements MigrationInterface {
  name = 'SignalsLeadIndex1795700460000';
  transaction = false as const;

  public async up(queryRunner: QueryRunner): Promise<void> {
    const invalid = (await queryRunner.query(
      `SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE c.relname = 'signals_lead_idx' AND NOT i.indisvalid`,
    )) as unknown[];
    if (invalid.length > 0) await queryRunner.query(`DROP INDEX CONCURRENTLY "signals_lead_idx"`);
    await queryRunner.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "signals_lead_idx" ON "signals" ("workspace_id", "lead_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "signals_lead_idx"`);
  }
}
