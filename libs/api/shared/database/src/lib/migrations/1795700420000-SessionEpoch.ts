import { MigrationInterface, QueryRunner } from 'typeorm';

const SIGNED_IN_COLUMNS =
  'id uuid, workspace_id uuid, email text, name text, roles text[], approver boolean, status text';

/**
 * Revoking a member's sessions: access tokens are stateless, so a stolen one, or one of a member who changed a
 * leaked password, would otherwise work until it expires. Each token carries the member's `session_epoch` as it
 * was when it was issued; ending their sessions moves the epoch on, and a token of an earlier one is refused.
 * Authentication's one-statement member lookup (migration SignedInMember) returns it beside the member.
 */
export class SessionEpoch1795700420000 implements MigrationInterface {
  name = 'SessionEpoch1795700420000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "members" ADD "session_epoch" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`DROP FUNCTION accord_signed_in_member(uuid, uuid)`);
    await queryRunner.query(
      signedInMember(`${SIGNED_IN_COLUMNS}, session_epoch integer`, ', m.session_epoch'),
    );
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION accord_signed_in_member TO accord_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION accord_signed_in_member(uuid, uuid)`);
    await queryRunner.query(signedInMember(SIGNED_IN_COLUMNS, ''));
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION accord_signed_in_member TO accord_app`);
    await queryRunner.query(`ALTER TABLE "members" DROP COLUMN "session_epoch"`);
  }
}

function signedInMember(columns: string, extra: string): string {
  return `
    CREATE FUNCTION accord_signed_in_member(workspace uuid, member uuid)
    RETURNS TABLE (${columns})
    LANGUAGE plpgsql VOLATILE SECURITY INVOKER
    AS $$
    BEGIN
      PERFORM set_config('role', 'accord_app', true), set_config('app.workspace_id', workspace::text, true);
      RETURN QUERY
        SELECT m.id, m.workspace_id, m.email::text, m.name::text, m.roles, m.approver, m.status::text${extra}
          FROM members m WHERE m.id = member;
    END
    $$`;
}
