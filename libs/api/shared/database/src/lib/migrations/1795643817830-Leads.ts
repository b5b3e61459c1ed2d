import { MigrationInterface, QueryRunner } from 'typeorm';

export class Leads1795643817830 implements MigrationInterface {
  name = 'Leads1795643817830';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "leads" (
                "workspace_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "email" character varying(254) NOT NULL,
                "first_name" character varying(100),
                "last_name" character varying(100),
                "title" character varying(200),
                "seniority" character varying(16),
                "department" character varying(100),
                "budget_authority" boolean,
                "company_name" character varying(200),
                "company_domain" character varying(253),
                "employee_count" integer,
                "annual_revenue" double precision,
                "industry" character varying(100),
                "country" character varying(2),
                "technologies" text array NOT NULL DEFAULT '{}',
                "source" character varying(100),
                "campaign" character varying(200),
                "owner_id" uuid,
                "stage" character varying(16) NOT NULL DEFAULT 'LEAD',
                "stage_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "recycle_until" TIMESTAMP WITH TIME ZONE,
                "signal_summary" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "signal_count" integer NOT NULL DEFAULT '0',
                "last_signal_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "leads_stage_check" CHECK (
                    "stage" IN (
                        'LEAD',
                        'MQL',
                        'SAL',
                        'SQL',
                        'OPPORTUNITY',
                        'WON',
                        'LOST',
                        'NURTURE',
                        'DISQUALIFIED'
                    )
                ),
                CONSTRAINT "PK_142430da46515098688b6718d67" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "leads_stage_idx" ON "leads" ("workspace_id", "stage")
        `);
    await queryRunner.query(`
            CREATE INDEX "leads_company_domain_idx" ON "leads" ("workspace_id", "company_domain")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "leads_email_key" ON "leads" ("workspace_id", "email")
        `);
    await queryRunner.query(`
            CREATE TABLE "lead_evaluations" (
                "workspace_id" uuid NOT NULL,
                "version_id" uuid NOT NULL,
                "lead_id" uuid NOT NULL,
                "fit_score" double precision NOT NULL,
                "grade" character(1) NOT NULL,
                "intent_score" double precision NOT NULL,
                "temperature" character varying(4) NOT NULL,
                "outcome" character varying(10) NOT NULL,
                "evaluated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_91cfa90cf8a38fc728a838cb1d4" PRIMARY KEY ("workspace_id", "version_id", "lead_id")
            ) PARTITION BY LIST ("version_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "lead_transitions" (
                "workspace_id" uuid NOT NULL,
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "lead_id" uuid NOT NULL,
                "from_stage" character varying(16),
                "to_stage" character varying(16) NOT NULL,
                "version_id" uuid,
                "actor_id" uuid,
                "reason" character varying(200) NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_b2ad36ccb06f5c62bc3dde4404f" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "lead_transitions_lead_idx" ON "lead_transitions" ("workspace_id", "lead_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "signals" (
                "workspace_id" uuid NOT NULL,
                "external_id" character varying(200) NOT NULL,
                "lead_id" uuid NOT NULL,
                "type" character varying(50) NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "source" character varying(100),
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_74931d91d585337a7dade63bf5b" PRIMARY KEY ("workspace_id", "lead_id", "external_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "workspace_scoring" (
                "workspace_id" uuid NOT NULL,
                "version_id" uuid NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_89e8fa2d656b632a5c0b4a57e02" PRIMARY KEY ("workspace_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "rescore_runs" (
                "workspace_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "version_id" uuid NOT NULL,
                "status" character varying(8) NOT NULL,
                "run_after" TIMESTAMP WITH TIME ZONE NOT NULL,
                "total" integer NOT NULL DEFAULT '0',
                "processed" integer NOT NULL DEFAULT '0',
                "last_lead_id" uuid,
                "attempts" integer NOT NULL DEFAULT '0',
                "error" text,
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "rescore_runs_status_check" CHECK (
                    "status" IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')
                ),
                CONSTRAINT "PK_aabf973636b14485bba0caf6fdf" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "api_keys" (
                "workspace_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "name" character varying(120) NOT NULL,
                "prefix" character varying(16) NOT NULL,
                "secret_hash" character(64) NOT NULL,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_b08b43033d3d3a40cf23b5b7583" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys" ("secret_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "ingest_requests" (
                "workspace_id" uuid NOT NULL,
                "idempotency_key" character varying(200) NOT NULL,
                "body_hash" character(64) NOT NULL,
                "status_code" integer NOT NULL,
                "response" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e1ec40374a2241b68099607e057" PRIMARY KEY ("workspace_id", "idempotency_key")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_events"
            ALTER COLUMN "details"
            SET DEFAULT '{}'::jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "leads"
            ADD CONSTRAINT "leads_workspace_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "leads" DROP CONSTRAINT "leads_workspace_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_events"
            ALTER COLUMN "details"
            SET DEFAULT '{}'
        `);
    await queryRunner.query(`
            DROP TABLE "ingest_requests"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."api_keys_secret_hash_key"
        `);
    await queryRunner.query(`
            DROP TABLE "api_keys"
        `);
    await queryRunner.query(`
            DROP TABLE "rescore_runs"
        `);
    await queryRunner.query(`
            DROP TABLE "workspace_scoring"
        `);
    await queryRunner.query(`
            DROP TABLE "signals"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."lead_transitions_lead_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "lead_transitions"
        `);
    await queryRunner.query(`
            DROP TABLE "lead_evaluations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."leads_email_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."leads_company_domain_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."leads_stage_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "leads"
        `);
  }
}
