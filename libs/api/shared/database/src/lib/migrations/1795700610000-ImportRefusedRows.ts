import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A refused import row's cells as the file gave them, on its first report line: the import's refused rows can then
 * be downloaded as a file to fix and import again (GET /api/v1/imports/:id/refused.csv). Null on every other line,
 * and on the refused rows past an import's first 10,000.
 */
export class ImportRefusedRows1795700610000 implements MigrationInterface {
  name = 'ImportRefusedRows1795700610000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_report_lines" ADD "cells" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_report_lines" DROP COLUMN "cells"`);
  }
}
