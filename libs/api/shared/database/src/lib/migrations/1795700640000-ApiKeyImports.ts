import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether an API key may also import CSV files over the HTTP API (`/api/v1/imports/…`), acting as the admin who
 * created it. Every key sends leads and signals; importing, which can rewrite accounts, opportunities and members,
 * is given to a key only when an admin says so. The keys made before keep to sending.
 */
export class ApiKeyImports1795700640000 implements MigrationInterface {
  name = 'ApiKeyImports1795700640000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_keys" ADD "imports" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_keys" DROP COLUMN "imports"`);
  }
}
