import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One read-only statement in a workspace's scope, in one round trip (TenantDb.readInWorkspace): hot reads that
 * need a single statement — a cached page's fingerprint on every reload — spent three more round trips on the
 * transaction around it. SECURITY INVOKER and the application role: it grants nothing the caller does not have,
 * and row-level security sees the workspace exactly as in a tenant transaction. Statements come from the
 * application's code, never from a client; their arguments travel as a text array (`($1[n])::type`).
 */
export class ReadInWorkspace1795700100000 implements MigrationInterface {
  name = 'ReadInWorkspace1795700100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION accord_read_in_workspace(workspace uuid, statement text, args text[])
      RETURNS SETOF jsonb
      LANGUAGE plpgsql VOLATILE SECURITY INVOKER
      AS $$
      BEGIN
        PERFORM set_config('role', 'accord_app', true), set_config('app.workspace_id', workspace::text, true);
        RETURN QUERY EXECUTE 'SELECT to_jsonb(result) FROM (' || statement || ') result' USING args;
      END
      $$`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION accord_read_in_workspace TO accord_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION accord_read_in_workspace`);
  }
}
