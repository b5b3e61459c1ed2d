import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Confirmed e-mail addresses: `members.email_verified_at`, set when a member uses a confirmation link (purpose
 * `VERIFY_EMAIL` in `invitations`, sharing its token-hash scope and unique key), or accepts an invitation or a reset
 * link that was e-mailed to them — `invitations.mailed` says which were (rows from before say false: unknown).
 * Members who could already sign in before this migration count as confirmed from when they were created: an
 * upgrade must not stop an admin who has been inviting their team from inviting more.
 */
export class EmailVerification1795700480000 implements MigrationInterface {
  name = 'EmailVerification1795700480000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "members" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    // Every workspace's members: the owner passes row-level security only while it is not forced.
    await queryRunner.query(`ALTER TABLE "members" NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `UPDATE "members" SET "email_verified_at" = "created_at" WHERE "status" <> 'INVITED'`,
    );
    await queryRunner.query(`ALTER TABLE "members" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD "mailed" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "invitations_purpose_check"`);
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "invitations_purpose_check" CHECK ("purpose" IN ('INVITATION', 'PASSWORD_RESET', 'VERIFY_EMAIL'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitations" NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`DELETE FROM "invitations" WHERE "purpose" = 'VERIFY_EMAIL'`);
    await queryRunner.query(`ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "invitations_purpose_check"`);
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "invitations_purpose_check" CHECK ("purpose" IN ('INVITATION', 'PASSWORD_RESET'))`,
    );
    await queryRunner.query(`ALTER TABLE "invitations" DROP COLUMN "mailed"`);
    await queryRunner.query(`ALTER TABLE "members" DROP COLUMN "email_verified_at"`);
  }
}
