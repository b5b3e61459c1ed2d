import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Authentication's member lookup in one statement: every authenticated request re-reads its member (a deactivated
 * one is refused at once), and as a tenant transaction that lookup cost four round trips (begin, scope, select,
 * commit). The function scopes its own implicit transaction the way the tenant transaction would — the
 * application role and the token's workspace, so row-level security still decides what it sees — then reads the
 * one member.
 */
export class SignedInMember1795700000000 implements MigrationInterface {
  name = 'SignedInMember1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION accord_signed_in_member(workspace uuid, member uuid)
      RETURNS TABLE (id uuid, workspace_id uuid, email text, name text, roles text[], approver boolean, status text)
      LANGUAGE plpgsql VOLATILE SECURITY INVOKER
      AS $$
      BEGIN
        PERFORM set_config('role', 'accord_app', true), set_config('app.workspace_id', workspace::text, true);
        RETURN QUERY
          SELECT m.id, m.workspace_id, m.email::text, m.name::text, m.roles, m.approver, m.status::text
            FROM members m WHERE m.id = member;
      END
      $$`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION accord_signed_in_member TO accord_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION accord_signed_in_member`);
  }
}
