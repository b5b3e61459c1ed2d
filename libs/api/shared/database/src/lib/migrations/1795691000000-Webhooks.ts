import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = ['webhook_endpoints', 'webhook_events', 'webhook_deliveries'];

/**
 * Outgoing webhooks: admins' endpoints, events stored once, and one delivery (the outbox row) per event and
 * endpoint. Tenant rows like every other table. The delivery worker's poll may also see which workspaces have
 * deliveries due (`app.system`), read-only; it then claims them in each workspace's own scope.
 */
export class Webhooks1795691000000 implements MigrationInterface {
  name = 'Webhooks1795691000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "webhook_endpoints" (
                "workspace_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "url" character varying(2000) NOT NULL,
                "description" character varying(200) NOT NULL DEFAULT '',
                "events" character varying(40) array NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "secret_ciphertext" text NOT NULL,
                "secret_prefix" character varying(16) NOT NULL,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "webhook_endpoints_events_check" CHECK (cardinality("events") > 0),
                CONSTRAINT "PK_e646a090bbd327a64a3099c960d" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "webhook_events" (
                "workspace_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "type" character varying(40) NOT NULL,
                "payload" jsonb NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_3cbdf9e21aa566a9bfc47f2eee9" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "webhook_deliveries" (
                "workspace_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "event_id" uuid NOT NULL,
                "endpoint_id" uuid NOT NULL,
                "status" character varying(10) NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "next_attempt_at" TIMESTAMP WITH TIME ZONE,
                "last_attempt_at" TIMESTAMP WITH TIME ZONE,
                "last_status_code" integer,
                "last_error" character varying(500),
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "webhook_deliveries_due_check" CHECK (
                    ("status" = 'PENDING') = ("next_attempt_at" IS NOT NULL)
                ),
                CONSTRAINT "webhook_deliveries_status_check" CHECK ("status" IN ('PENDING', 'DELIVERED', 'FAILED')),
                CONSTRAINT "PK_9c87e28a4c1b217d778cb05b190" PRIMARY KEY ("workspace_id", "id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "webhook_deliveries_event_idx" ON "webhook_deliveries" ("workspace_id", "event_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" ("workspace_id", "endpoint_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "webhook_deliveries_newest_idx" ON "webhook_deliveries" ("workspace_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" ("next_attempt_at")
            WHERE "status" = 'PENDING'
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_endpoints"
            ADD CONSTRAINT "webhook_endpoints_workspace_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_events"
            ADD CONSTRAINT "webhook_events_workspace_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries"
            ADD CONSTRAINT "FK_ed29b5f401ef5a45fa32021f067" FOREIGN KEY ("workspace_id", "event_id") REFERENCES "webhook_events"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries"
            ADD CONSTRAINT "FK_90f8e4580eb512895222f3adac2" FOREIGN KEY ("workspace_id", "endpoint_id") REFERENCES "webhook_endpoints"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ${TENANT_TABLES.join(', ')} TO accord_app`,
    );
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`
              CREATE POLICY ${table}_tenant ON ${table}
              USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace())`);
    }
    await queryRunner.query(`
          CREATE POLICY webhook_deliveries_worker ON webhook_deliveries FOR SELECT
          USING (current_setting('app.system', true) = 'on')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY webhook_deliveries_worker ON webhook_deliveries`);
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`DROP POLICY ${table}_tenant ON ${table}`);
    }
    await queryRunner.query(`REVOKE ALL ON ${TENANT_TABLES.join(', ')} FROM accord_app`);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_90f8e4580eb512895222f3adac2"
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_ed29b5f401ef5a45fa32021f067"
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_events" DROP CONSTRAINT "webhook_events_workspace_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_endpoints" DROP CONSTRAINT "webhook_endpoints_workspace_fkey"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."webhook_deliveries_due_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."webhook_deliveries_newest_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."webhook_deliveries_endpoint_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."webhook_deliveries_event_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "webhook_deliveries"
        `);
    await queryRunner.query(`
            DROP TABLE "webhook_events"
        `);
    await queryRunner.query(`
            DROP TABLE "webhook_endpoints"
        `);
  }
}
