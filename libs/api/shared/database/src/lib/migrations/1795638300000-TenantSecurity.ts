import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenant isolation enforced by PostgreSQL: the application runs as `accord_app` (no superuser, no BYPASSRLS,
 * owns nothing), and every tenant table is guarded by FORCE'd row-level security keyed on transaction-local
 * settings. With no setting, no tenant row is visible.
 */
export class TenantSecurity1795638300000 implements MigrationInterface {
  name = 'TenantSecurity1795638300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$ BEGIN
        CREATE ROLE accord_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      EXCEPTION WHEN duplicate_object THEN NULL;
      END $$`);
    // The migrating user must be able to switch to the role (a superuser already can).
    await queryRunner.query(`
      DO $$ BEGIN
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
          EXECUTE format('GRANT accord_app TO %I', current_user);
        END IF;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION accord_current_workspace() RETURNS uuid
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT nullif(current_setting('app.workspace_id', true), '')::uuid $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO accord_app`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON workspaces, members, invitations TO accord_app`,
    );
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION accord_current_workspace() TO accord_app`);

    for (const table of ['workspaces', 'members', 'invitations']) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`
      CREATE POLICY workspaces_tenant ON workspaces
      USING (id = accord_current_workspace()) WITH CHECK (id = accord_current_workspace())`);
    await queryRunner.query(`
      CREATE POLICY members_tenant ON members
      USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace())`);
    // Sign-in must find an e-mail's memberships before it knows the workspace: read-only, by exact e-mail.
    await queryRunner.query(`
      CREATE POLICY members_sign_in ON members FOR SELECT
      USING (email = nullif(current_setting('app.login_email', true), ''))`);
    await queryRunner.query(`
      CREATE POLICY invitations_tenant ON invitations
      USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace())`);
    // Accepting an invitation finds it by the hash of its secret token: read-only, one row.
    await queryRunner.query(`
      CREATE POLICY invitations_accept ON invitations FOR SELECT
      USING (token_hash = nullif(current_setting('app.invitation_token_hash', true), ''))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY invitations_accept ON invitations`);
    await queryRunner.query(`DROP POLICY invitations_tenant ON invitations`);
    await queryRunner.query(`DROP POLICY members_sign_in ON members`);
    await queryRunner.query(`DROP POLICY members_tenant ON members`);
    await queryRunner.query(`DROP POLICY workspaces_tenant ON workspaces`);
    for (const table of ['workspaces', 'members', 'invitations']) {
      await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`REVOKE ALL ON workspaces, members, invitations FROM accord_app`);
    await queryRunner.query(`DROP FUNCTION accord_current_workspace()`);
  }
}
