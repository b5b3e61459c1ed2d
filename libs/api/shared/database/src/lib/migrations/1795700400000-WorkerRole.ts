import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read-only system policies of the tenant tables that grow: leads, handovers and their transitions with the
 * workspace, the signal inbox with a bulk ingest, webhook deliveries with time. (The run tables' worker policies,
 * which claim runs, and the workspaces' stay as they are: those tables hold a few rows per workspace.)
 */
const WORKER_POLICIES = [
  { name: 'leads_recycle_sweep', table: 'leads' },
  { name: 'handovers_expirer', table: 'handovers' },
  { name: 'lead_transitions_handover_opener', table: 'lead_transitions' },
  { name: 'signal_inbox_worker', table: 'signal_inbox' },
  { name: 'webhook_deliveries_worker', table: 'webhook_deliveries' },
] as const;

/**
 * The background jobs' system scope gets a role of its own, `accord_worker` (everything `accord_app` may do, as a
 * member of it), and the system read policies of the large tables (below) apply to that role only.
 *
 * Why: PostgreSQL ORs the permissive policies that apply to a role. While the system policy applied to the
 * application role too, every tenant read of these tables filtered on `workspace_id = … OR app.system = 'on'`,
 * which cannot lead an index on (workspace_id, …): a lead read by id or e-mail scanned the whole index (≈5 ms at
 * 100,000 leads, growing with the table) instead of probing it. Policies for another role are not considered at
 * all, so the application role's reads keep their index again.
 */
export class WorkerRole1795700400000 implements MigrationInterface {
  name = 'WorkerRole1795700400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$ BEGIN
        CREATE ROLE accord_worker NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE INHERIT;
      EXCEPTION WHEN duplicate_object THEN NULL;
      END $$`);
    // Each grant only when missing: an administrator may have made them, and repeating one needs admin rights.
    await queryRunner.query(`
      DO $$ BEGIN
        IF NOT pg_has_role('accord_worker', 'accord_app', 'MEMBER') THEN
          GRANT accord_app TO accord_worker;
        END IF;
        IF NOT pg_has_role(current_user, 'accord_worker', 'MEMBER') THEN
          EXECUTE format('GRANT accord_worker TO %I', current_user);
        END IF;
      END $$`);
    for (const { name, table } of WORKER_POLICIES) {
      await queryRunner.query(`DROP POLICY ${name} ON ${table}`);
      await queryRunner.query(`
        CREATE POLICY ${name} ON ${table} FOR SELECT TO accord_worker
        USING (current_setting('app.system', true) = 'on')`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { name, table } of WORKER_POLICIES) {
      await queryRunner.query(`DROP POLICY ${name} ON ${table}`);
      await queryRunner.query(`
        CREATE POLICY ${name} ON ${table} FOR SELECT
        USING (current_setting('app.system', true) = 'on')`);
    }
    await queryRunner.query(`REVOKE accord_app FROM accord_worker`);
  }
}
