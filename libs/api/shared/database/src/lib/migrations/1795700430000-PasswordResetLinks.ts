import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password resets: a one-time link for an active member to set a new password. They live in `invitations`, marked
 * by `purpose`, so that they share its token-hash scope (`app.invitation_token_hash`, read-only, one row) and its
 * one unique key on the hash; every row before this migration is an invitation. Queries of either kind name their
 * purpose, so a reset link never accepts an invitation, and resets neither count against nor void invitations.
 */
export class PasswordResetLinks1795700430000 implements MigrationInterface {
  name = 'PasswordResetLinks1795700430000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD "purpose" character varying(16) NOT NULL DEFAULT 'INVITATION'`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "invitations_purpose_check" CHECK ("purpose" IN ('INVITATION', 'PASSWORD_RESET'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Without the column a reset link would read as an invitation: delete them, in every workspace (the owner
    // passes row-level security only while it is not forced).
    await queryRunner.query(`ALTER TABLE "invitations" NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`DELETE FROM "invitations" WHERE "purpose" <> 'INVITATION'`);
    await queryRunner.query(`ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "invitations_purpose_check"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP COLUMN "purpose"`);
  }
}
