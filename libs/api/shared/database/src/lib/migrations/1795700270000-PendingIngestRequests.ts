import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key is reserved before its request runs, as a row without a response yet (pending), and the
 * response is filled in when the request is answered: a second request with the same key, arriving meanwhile,
 * finds it taken instead of running the same batch again beside it.
 */
export class PendingIngestRequests1795700270000 implements MigrationInterface {
  name = 'PendingIngestRequests1795700270000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ingest_requests" ALTER COLUMN "status_code" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "ingest_requests" ALTER COLUMN "response" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "ingest_requests" WHERE "status_code" IS NULL`);
    await queryRunner.query(`ALTER TABLE "ingest_requests" ALTER COLUMN "response" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "ingest_requests" ALTER COLUMN "status_code" SET NOT NULL`);
  }
}
