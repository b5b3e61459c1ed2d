import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = [
  'leads',
  'lead_evaluations',
  'lead_transitions',
  'signals',
  'workspace_scoring',
  'rescore_runs',
  'api_keys',
  'ingest_requests',
];

/**
 * Leads, signals and their scoring join the tenant boundary. Two narrow scopes besides the workspace one:
 * the rescore worker finds due runs of any workspace (`app.system`), and an ingestion request finds its API
 * key by the key's hash before it knows the workspace (`app.api_key_hash`), read-only.
 *
 * lead_evaluations is partitioned by version: a rescore writes a new partition as the owner (COPY, which
 * row-level security would refuse), and the application reads and writes through the parent, where the policy
 * applies. The application role has no privilege on the partitions themselves.
 */
export class LeadsSecurity1795643900000 implements MigrationInterface {
  name = 'LeadsSecurity1795643900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ${TENANT_TABLES.join(', ')} TO accord_app`,
    );
    await queryRunner.query(`REVOKE UPDATE, DELETE ON lead_transitions FROM accord_app`);
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY ${table}_tenant ON ${table}
        USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace())`);
    }
    await queryRunner.query(`
      CREATE POLICY rescore_runs_worker ON rescore_runs
      USING (current_setting('app.system', true) = 'on') WITH CHECK (current_setting('app.system', true) = 'on')`);
    await queryRunner.query(`
      CREATE POLICY api_keys_lookup ON api_keys FOR SELECT
      USING (secret_hash = nullif(current_setting('app.api_key_hash', true), ''))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY api_keys_lookup ON api_keys`);
    await queryRunner.query(`DROP POLICY rescore_runs_worker ON rescore_runs`);
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`DROP POLICY ${table}_tenant ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`REVOKE ALL ON ${TENANT_TABLES.join(', ')} FROM accord_app`);
  }
}
