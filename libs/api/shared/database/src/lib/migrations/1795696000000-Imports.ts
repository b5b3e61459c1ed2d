import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = ['imports', 'import_report_lines', 'import_mappings', 'import_keys'];

/**
 * CSV imports: one row per run (dry or real) with its counts, the lines of its per-row report, the mapping
 * saved per workspace and kind, and the natural keys of imported records that have no column of their own for
 * them (a CRM's opportunity id → the opportunity). Tenant tables like every other: row-level security on the
 * workspace. Report lines are facts: inserted and read, never rewritten.
 */
export class Imports1795696000000 implements MigrationInterface {
  name = 'Imports1795696000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "imports" (
                "workspace_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "kind" character varying(16) NOT NULL,
                "file_name" character varying(255),
                "dry_run" boolean NOT NULL,
                "status" character varying(8) NOT NULL,
                "mapping" jsonb NOT NULL,
                "headers" text array NOT NULL,
                "bytes" bigint NOT NULL DEFAULT '0',
                "rows" integer NOT NULL DEFAULT '0',
                "created" integer NOT NULL DEFAULT '0',
                "updated" integer NOT NULL DEFAULT '0',
                "unchanged" integer NOT NULL DEFAULT '0',
                "skipped" integer NOT NULL DEFAULT '0',
                "refused" integer NOT NULL DEFAULT '0',
                "cleaned" integer NOT NULL DEFAULT '0',
                "report_lines" integer NOT NULL DEFAULT '0',
                "error" character varying(1000),
                "created_by_id" uuid,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "imports_kind_check" CHECK (
                    "kind" IN ('LEADS', 'ACCOUNTS', 'OPPORTUNITIES', 'SIGNALS', 'SALES_REPS')
                ),
                CONSTRAINT "imports_status_check" CHECK ("status" IN ('RUNNING', 'DONE', 'FAILED')),
                CONSTRAINT "imports_pkey" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "imports_newest_idx" ON "imports" ("workspace_id", "started_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "import_report_lines" (
                "workspace_id" uuid NOT NULL,
                "import_id" uuid NOT NULL,
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "row" integer NOT NULL,
                "outcome" character varying(9) NOT NULL,
                "column" character varying(200) NOT NULL,
                "message" character varying(1000) NOT NULL,
                CONSTRAINT "import_report_lines_pkey" PRIMARY KEY ("workspace_id", "import_id", "id"),
                CONSTRAINT "import_report_lines_import_fkey" FOREIGN KEY ("workspace_id", "import_id")
                    REFERENCES "imports"("workspace_id", "id") ON DELETE CASCADE
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "import_mappings" (
                "workspace_id" uuid NOT NULL,
                "kind" character varying(16) NOT NULL,
                "headers" text array NOT NULL,
                "mapping" jsonb NOT NULL,
                "updated_by_id" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "import_mappings_pkey" PRIMARY KEY ("workspace_id", "kind")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "import_keys" (
                "workspace_id" uuid NOT NULL,
                "kind" character varying(16) NOT NULL,
                "external_id" character varying(200) NOT NULL,
                "target_id" uuid NOT NULL,
                CONSTRAINT "import_keys_pkey" PRIMARY KEY ("workspace_id", "kind", "external_id")
            )
        `);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ${TENANT_TABLES.join(', ')} TO accord_app`,
    );
    await queryRunner.query(`REVOKE UPDATE, DELETE ON import_report_lines FROM accord_app`);
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`
              CREATE POLICY ${table}_tenant ON ${table}
              USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace())`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) await queryRunner.query(`DROP POLICY ${table}_tenant ON ${table}`);
    await queryRunner.query(`REVOKE ALL ON ${TENANT_TABLES.join(', ')} FROM accord_app`);
    await queryRunner.query(`DROP TABLE "import_keys"`);
    await queryRunner.query(`DROP TABLE "import_mappings"`);
    await queryRunner.query(`DROP TABLE "import_report_lines"`);
    await queryRunner.query(`DROP INDEX "public"."imports_newest_idx"`);
    await queryRunner.query(`DROP TABLE "imports"`);
  }
}
