import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795638264783 implements MigrationInterface {
  name = 'Foundation1795638264783';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "workspaces" ("id" uuid NOT NULL, "name" character varying(120) NOT NULL, "time_zone" character varying(64) NOT NULL DEFAULT 'UTC', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_098656ae401f3e1a4586f47fd8e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "members" ("workspace_id" uuid NOT NULL, "id" uuid NOT NULL, "email" character varying(254) NOT NULL, "name" character varying(120) NOT NULL, "roles" text array NOT NULL, "approver" boolean NOT NULL DEFAULT false, "status" character varying(16) NOT NULL, "password_hash" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_signed_in_at" TIMESTAMP WITH TIME ZONE, "deactivated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "members_email_check" CHECK ("email" = lower("email")), CONSTRAINT "members_roles_check" CHECK ("roles" <@ ARRAY['ADMIN','MARKETING','SALES','EXECUTIVE']::text[] AND cardinality("roles") > 0), CONSTRAINT "members_status_check" CHECK ("status" IN ('INVITED', 'ACTIVE', 'DEACTIVATED')), CONSTRAINT "PK_f3d22c1cb50c30fc12d95f87083" PRIMARY KEY ("workspace_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "members_workspace_email_key" ON "members"  ("workspace_id", "email") `,
    );
    await queryRunner.query(
      `CREATE TABLE "invitations" ("workspace_id" uuid NOT NULL, "id" uuid NOT NULL, "member_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_186e2f154815dc5a984ca0ce4bb" PRIMARY KEY ("workspace_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "invitations_member_idx" ON "invitations"  ("workspace_id", "member_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"  ("token_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "members" ADD CONSTRAINT "members_workspace_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "FK_88144e4037b6bb539f02f3a27a2" FOREIGN KEY ("workspace_id", "member_id") REFERENCES "members"("workspace_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "FK_88144e4037b6bb539f02f3a27a2"`);
    await queryRunner.query(`ALTER TABLE "members" DROP CONSTRAINT "members_workspace_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."invitations_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."invitations_member_idx"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
    await queryRunner.query(`DROP INDEX "public"."members_workspace_email_key"`);
    await queryRunner.query(`DROP TABLE "members"`);
    await queryRunner.query(`DROP TABLE "workspaces"`);
  }
}
