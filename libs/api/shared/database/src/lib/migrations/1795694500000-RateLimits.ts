import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request counters for the rate limits (rate-limiter-flexible's PostgreSQL store), shared by every replica.
 * UNLOGGED: counters are worth nothing after a crash, and a write-ahead log entry per request is not free.
 * Not tenant data (keys are member ids and hashes, never a workspace's rows), but every table is guarded the same
 * way: row-level security is forced, with a policy that opens the counters to the application role only.
 */
export class RateLimits1795694500000 implements MigrationInterface {
  name = 'RateLimits1795694500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE rate_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limits TO accord_app`);
    await queryRunner.query(`ALTER TABLE rate_limits ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE rate_limits FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY rate_limits_counters ON rate_limits TO accord_app USING (true) WITH CHECK (true)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE rate_limits`);
  }
}
