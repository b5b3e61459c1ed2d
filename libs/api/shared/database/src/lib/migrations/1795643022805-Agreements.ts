import { MigrationInterface, QueryRunner } from 'typeorm';

export class Agreements1795643022805 implements MigrationInterface {
  name = 'Agreements1795643022805';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "agreement_versions" (
                "workspace_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "number" integer NOT NULL,
                "status" character varying(16) NOT NULL,
                "revision" integer NOT NULL DEFAULT '1',
                "document" jsonb NOT NULL,
                "based_on_id" uuid,
                "requested_effective_at" TIMESTAMP WITH TIME ZONE,
                "effective_at" TIMESTAMP WITH TIME ZONE,
                "superseded_at" TIMESTAMP WITH TIME ZONE,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_by_id" uuid,
                "updated_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "agreement_versions_revision_check" CHECK (
                    "revision" > 0
                    AND "number" > 0
                ),
                CONSTRAINT "agreement_versions_superseded_check" CHECK (
                    "superseded_at" IS NULL
                    OR "superseded_at" > "effective_at"
                ),
                CONSTRAINT "agreement_versions_published_check" CHECK (
                    ("status" = 'PUBLISHED') = (
                        "effective_at" IS NOT NULL
                        AND "published_at" IS NOT NULL
                    )
                ),
                CONSTRAINT "agreement_versions_status_check" CHECK ("status" IN ('DRAFT', 'PROPOSED', 'PUBLISHED')),
                CONSTRAINT "PK_a4fadcdc349bb4ba15b1cfcabce" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "agreement_versions_effective_key" ON "agreement_versions" ("workspace_id", "effective_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "agreement_versions_one_latest_key" ON "agreement_versions" ("workspace_id")
            WHERE status = 'PUBLISHED'
                AND superseded_at IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "agreement_versions_one_open_key" ON "agreement_versions" ("workspace_id")
            WHERE status IN ('DRAFT', 'PROPOSED')
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "agreement_versions_number_key" ON "agreement_versions" ("workspace_id", "number")
        `);
    await queryRunner.query(`
            CREATE TABLE "agreement_signatures" (
                "workspace_id" uuid NOT NULL,
                "version_id" uuid NOT NULL,
                "revision" integer NOT NULL,
                "side" character varying(16) NOT NULL,
                "member_id" uuid NOT NULL,
                "comment" character varying(2000),
                "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "agreement_signatures_side_check" CHECK ("side" IN ('MARKETING', 'SALES')),
                CONSTRAINT "PK_d286527ec3981bcbae0828213a3" PRIMARY KEY ("workspace_id", "version_id", "revision", "side")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "agreement_signatures_member_key" ON "agreement_signatures" (
                "workspace_id",
                "version_id",
                "revision",
                "member_id"
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "agreement_events" (
                "workspace_id" uuid NOT NULL,
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "version_id" uuid NOT NULL,
                "action" character varying(16) NOT NULL,
                "revision" integer NOT NULL,
                "actor_id" uuid,
                "comment" character varying(2000),
                "details" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "agreement_events_action_check" CHECK (
                    "action" IN (
                        'CREATED',
                        'EDITED',
                        'PROPOSED',
                        'SIGNED',
                        'SENT_BACK',
                        'PUBLISHED'
                    )
                ),
                CONSTRAINT "PK_3a49b478cff3b79cc3ad948ac0f" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "agreement_events_version_idx" ON "agreement_events" ("workspace_id", "version_id", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_versions"
            ADD CONSTRAINT "agreement_versions_workspace_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_signatures"
            ADD CONSTRAINT "FK_3af189253638fcf6e639ea50e6d" FOREIGN KEY ("workspace_id", "version_id") REFERENCES "agreement_versions"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_signatures"
            ADD CONSTRAINT "FK_6f82f8ace8c4aae34bfa4d63e91" FOREIGN KEY ("workspace_id", "member_id") REFERENCES "members"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_events"
            ADD CONSTRAINT "FK_7741d449aae3c1b68c7c8560f21" FOREIGN KEY ("workspace_id", "version_id") REFERENCES "agreement_versions"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "agreement_events" DROP CONSTRAINT "FK_7741d449aae3c1b68c7c8560f21"
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_signatures" DROP CONSTRAINT "FK_6f82f8ace8c4aae34bfa4d63e91"
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_signatures" DROP CONSTRAINT "FK_3af189253638fcf6e639ea50e6d"
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_versions" DROP CONSTRAINT "agreement_versions_workspace_fkey"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."agreement_events_version_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "agreement_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."agreement_signatures_member_key"
        `);
    await queryRunner.query(`
            DROP TABLE "agreement_signatures"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."agreement_versions_number_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."agreement_versions_one_open_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."agreement_versions_one_latest_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."agreement_versions_effective_key"
        `);
    await queryRunner.query(`
            DROP TABLE "agreement_versions"
        `);
  }
}
