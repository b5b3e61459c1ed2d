import { MigrationInterface, QueryRunner } from 'typeorm';

const FIELDS = ['industry', 'source', 'campaign'] as const;

/**
 * One spelling per workspace of each lead industry, source and campaign, whatever its case: `lead_spellings` keeps
 * the spelling every later write of a value in another case is stored in (the first one stored; see
 * libs/domain/leads spellings.ts). Leads stored before are respelt here, each value in its most used spelling
 * (ties: the first in sort order), and the dashboard's rollup of each workspace with a lead respelt is forgotten, so
 * that the rollup job counts it again from scratch with its segments and filters as one (the dashboard reads the
 * raw tables meanwhile). Case is all that is folded, as
 * scoring folds it, so no lead's score changes.
 */
export class LeadSpellings1795700500000 implements MigrationInterface {
  name = 'LeadSpellings1795700500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "lead_spellings" (
        "workspace_id" uuid NOT NULL,
        "field" character varying(16) NOT NULL,
        "key" text NOT NULL,
        "spelling" character varying(200) NOT NULL,
        CONSTRAINT "lead_spellings_field_check" CHECK ("field" IN ('industry', 'source', 'campaign')),
        CONSTRAINT "lead_spellings_pkey" PRIMARY KEY ("workspace_id", "field", "key"),
        CONSTRAINT "lead_spellings_workspace_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`GRANT SELECT, INSERT ON lead_spellings TO accord_app`);
    await queryRunner.query(`ALTER TABLE lead_spellings ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE lead_spellings FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY lead_spellings_tenant ON lead_spellings
      USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace())`);

    // Every workspace's leads: the owner passes row-level security only while it is not forced.
    await queryRunner.query(`ALTER TABLE "leads" NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "lead_spellings" NO FORCE ROW LEVEL SECURITY`);
    const respelt = new Set<string>();
    for (const field of FIELDS) {
      const used = (await queryRunner.query(
        `SELECT workspace_id, ${field} AS value FROM leads WHERE ${field} IS NOT NULL
          GROUP BY workspace_id, ${field} ORDER BY workspace_id, count(*) DESC, ${field}`,
      )) as { workspace_id: string; value: string }[];
      // The first row of each (workspace, key) is its most used spelling. The key is spellingKey's as of this
      // migration: case folded by toLowerCase.
      const spellings = new Map<string, { workspaceId: string; key: string; spelling: string }>();
      const changes: { workspaceId: string; given: string; spelling: string }[] = [];
      for (const { workspace_id: workspaceId, value } of used) {
        const key = value.toLowerCase();
        const known = spellings.get(`${workspaceId} ${key}`);
        if (known) changes.push({ workspaceId, given: value, spelling: known.spelling });
        else spellings.set(`${workspaceId} ${key}`, { workspaceId, key, spelling: value });
      }
      const rows = [...spellings.values()];
      await queryRunner.query(
        `INSERT INTO lead_spellings (workspace_id, field, key, spelling)
         SELECT s.workspace_id, $1, s.key, s.spelling FROM unnest($2::uuid[], $3::text[], $4::text[]) AS s(workspace_id, key, spelling)`,
        [
          field,
          rows.map((row) => row.workspaceId),
          rows.map((row) => row.key),
          rows.map((row) => row.spelling),
        ],
      );
      if (changes.length === 0) continue;
      const [updated] = (await queryRunner.query(
        `UPDATE leads l SET ${field} = c.spelling
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS c(workspace_id, given, spelling)
          WHERE l.workspace_id = c.workspace_id AND l.${field} = c.given
        RETURNING l.workspace_id`,
        [
          changes.map((change) => change.workspaceId),
          changes.map((change) => change.given),
          changes.map((change) => change.spelling),
        ],
      )) as [{ workspace_id: string }[], number];
      for (const row of updated) respelt.add(row.workspace_id);
    }
    await queryRunner.query(`ALTER TABLE "dashboard_rollup_state" NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`DELETE FROM "dashboard_rollup_state" WHERE "workspace_id" = ANY($1::uuid[])`, [
      [...respelt],
    ]);
    await queryRunner.query(`ALTER TABLE "dashboard_rollup_state" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "lead_spellings" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "leads" FORCE ROW LEVEL SECURITY`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "lead_spellings"`);
  }
}
