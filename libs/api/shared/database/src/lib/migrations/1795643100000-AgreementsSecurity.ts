import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['agreement_versions', 'agreement_signatures', 'agreement_events'];

/** The agreement tables join the tenant boundary: forced row-level security on the workspace setting. */
export class AgreementsSecurity1795643100000 implements MigrationInterface {
  name = 'AgreementsSecurity1795643100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON ${TABLES.join(', ')} TO accord_app`);
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY ${table}_tenant ON ${table}
        USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace())`);
    }
    // The audit trail is append-only for the application: it may add events, never change or remove them.
    await queryRunner.query(`REVOKE UPDATE ON agreement_events FROM accord_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`DROP POLICY ${table}_tenant ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`REVOKE ALL ON ${TABLES.join(', ')} FROM accord_app`);
  }
}
