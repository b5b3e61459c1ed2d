import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signals are keyed by the sender's event id in the workspace alone; the lead's index (migration SignalsLeadIndex)
 * serves its timeline and is not unique. accord_store_signals inserts ON CONFLICT (workspace_id, external_id) DO
 * NOTHING, and such a clause treats every other unique index as a plain constraint: when two requests sent the same
 * event at once, the second could meet the first's row in the old primary key (workspace_id, lead_id, external_id)
 * before it met it in the event id's index, and fail with a unique violation instead of reporting a duplicate (seen
 * once in CI). With one unique index the clause covers every conflict.
 *
 * No index is built here: the old key's index is dropped and the event id's index becomes the key as it is, both
 * changes of the catalog. They take the table's exclusive lock for that moment; waiting for it longer than 10 s
 * (a long read of signals in progress) fails the migration, to be run again, rather than queueing every ingest
 * behind it.
 */
export class SignalsKeyedByEventId1795700461000 implements MigrationInterface {
  name = 'SignalsKeyedByEventId1795700461000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL lock_timeout = '10s'`);
    await queryRunner.query(`ALTER TABLE "signals" DROP CONSTRAINT "PK_74931d91d585337a7dade63bf5b"`);
    await queryRunner.query(
      `ALTER TABLE "signals" ADD CONSTRAINT "PK_5387a994ded40975ff7f14f0c4e" PRIMARY KEY USING INDEX "signals_external_id_key"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "signals" DROP CONSTRAINT "PK_5387a994ded40975ff7f14f0c4e"`);
    await queryRunner.query(
      `ALTER TABLE "signals" ADD CONSTRAINT "PK_74931d91d585337a7dade63bf5b" PRIMARY KEY ("workspace_id", "lead_id", "external_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "signals_external_id_key" ON "signals" ("workspace_id", "external_id")`,
    );
  }
}
