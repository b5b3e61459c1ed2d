import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox of signals stored but not yet applied to their lead's summary and score: ingestion only stores, and
 * the applier folds them in micro-batches. Tenant rows like every other table; the applier's poll may also see
 * which workspaces have rows waiting (`app.system`), read-only.
 */
export class SignalInbox1795659376578 implements MigrationInterface {
  name = 'SignalInbox1795659376578';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "signal_inbox" (
                "workspace_id" uuid NOT NULL,
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "lead_id" uuid NOT NULL,
                "type" character varying(50) NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_ea07644d958df5d7d0cd187bb93" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON signal_inbox TO accord_app`);
    await queryRunner.query(`ALTER TABLE signal_inbox ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE signal_inbox FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY signal_inbox_tenant ON signal_inbox
      USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace())`);
    await queryRunner.query(`
      CREATE POLICY signal_inbox_worker ON signal_inbox FOR SELECT
      USING (current_setting('app.system', true) = 'on')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "signal_inbox"`);
  }
}
