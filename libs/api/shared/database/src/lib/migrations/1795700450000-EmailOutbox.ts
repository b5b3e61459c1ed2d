import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The e-mail outbox: each message Accord sends on its own (a proposal to sign, handovers escalated on expiry) is a
 * row committed with the change it reports, then sent by a worker and retried, so that neither a crash nor a mail
 * server that is down for an hour loses it. A tenant table like every other; the worker's poll finds which
 * workspaces have mail due through the worker role's read-only policy, then claims rows in each workspace's scope.
 * `about_ids` names the records a message reports (the handovers of an escalation), so that a digest not yet sent
 * can take in more.
 */
export class EmailOutbox1795700450000 implements MigrationInterface {
  name = 'EmailOutbox1795700450000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "mail_outbox" (
        "workspace_id" uuid NOT NULL,
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" character varying(32) NOT NULL,
        "recipient" character varying(320) NOT NULL,
        "subject" character varying(200) NOT NULL,
        "body" text NOT NULL,
        "about_ids" uuid array NOT NULL DEFAULT '{}',
        "status" character varying(8) NOT NULL DEFAULT 'PENDING',
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE,
        "last_error" character varying(500),
        "sent_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "mail_outbox_status_check" CHECK ("status" IN ('PENDING', 'SENT', 'LOGGED', 'FAILED')),
        CONSTRAINT "mail_outbox_due_check" CHECK (("status" = 'PENDING') = ("next_attempt_at" IS NOT NULL)),
        CONSTRAINT "mail_outbox_pkey" PRIMARY KEY ("workspace_id", "id"),
        CONSTRAINT "mail_outbox_workspace_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" ("next_attempt_at") WHERE "status" = 'PENDING'`);
    await queryRunner.query(`
      CREATE INDEX "mail_outbox_newest_idx" ON "mail_outbox" ("workspace_id", "created_at")`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON mail_outbox TO accord_app`);
    await queryRunner.query(`ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY mail_outbox_tenant ON mail_outbox
      USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace())`);
    await queryRunner.query(`
      CREATE POLICY mail_outbox_worker ON mail_outbox FOR SELECT TO accord_worker
      USING (current_setting('app.system', true) = 'on')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mail_outbox"`);
  }
}
