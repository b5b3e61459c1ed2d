import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signals are keyed by the sender's event id in the workspace alone; the lead's index, which serves its timeline,
 * is no longer unique. accord_store_signals inserts ON CONFLICT (workspace_id, external_id) DO NOTHING, and such a
 * clause treats every other unique index as a plain constraint: when two requests sent the same event at once, the
 * second could meet the first's row in the old primary key (workspace_id, lead_id, external_id) before it met it in
 * the event id's index, and fail with a unique violation instead of reporting a duplicate (seen once in CI). With
 * one unique index the clause covers every conflict. A plain index is also cheaper to insert into than a unique
 * one, which checks its key. The event id's index becomes the primary key as it is, without a rebuild.
 */
export class SignalsKeyedByEventId1795700460000 implements MigrationInterface {
  name = 'SignalsKeyedByEventId1795700460000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "signals_lead_idx" ON "signals" ("workspace_id", "lead_id")`);
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
    await queryRunner.query(`DROP INDEX "signals_lead_idx"`);
  }
}
