import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A refused import row's cells as the file gave them, on its first report line: the import's refused rows can then
 * be downloaded as a file to fix and import again (GET /api/v1/imports/:id/refused.csv). Null on every other line,
 * and on the refused rows past an import's first 10,000 (or its first 16 million characters of cells). The import
 * counts the rows it kept, so the web app offers the file only when it holds some.
 */
export class ImportRefusedRows1795700620000 implements MigrationInterface {
  name = 'ImportRefusedRows1795700620000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_report_lines" ADD "cells" jsonb`);
    await queryRunner.query(`ALTER TABLE "imports" ADD "refused_rows_kept" integer NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "imports" DROP COLUMN "refused_rows_kept"`);
    await queryRunner.query(`ALTER TABLE "import_report_lines" DROP COLUMN "cells"`);
  }
}
