import { MigrationInterface, QueryRunner } from 'typeorm';

import { storeSignals } from './1795700390000-SignalIdPerWorkspace';

/**
 * accord_store_signals does nothing on a conflict with any unique index of `signals`, not only with
 * (workspace_id, external_id). An ON CONFLICT naming one index treats the others as plain constraints: when two
 * requests sent the same event at once, the second could meet the first's row in the primary key
 * (workspace_id, lead_id, external_id) before it met it in the named index, and fail with a unique violation
 * instead of reporting a duplicate. Every primary-key conflict is also a conflict on (workspace_id, external_id),
 * so what counts as the same event does not change.
 */
export class SignalConflictOnAnyKey1795700460000 implements MigrationInterface {
  name = 'SignalConflictOnAnyKey1795700460000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(storeSignals(null));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(storeSignals('workspace_id, external_id'));
  }
}
