import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

import { TestDatabase, createTestDatabase } from '@accord/api/shared/testing';
import { starterAgreement } from '@accord/domain/agreement';
import { emailDomainOf, prepareScoring } from '@accord/domain/scoring';

import { SeedRefused } from './workspace-plan';
import { seedWorkspace } from './write-workspace';

const NOW = new Date('2026-11-25T09:00:00.000Z');
const PUBLISHED = new Date('2026-11-20T09:00:00.000Z');

interface Workspace {
  id: string;
  versionId: string;
  reps: string[];
}

describe('seedWorkspace on PostgreSQL', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  /** A workspace with a marketing member, two sales reps (one signs for sales) and v1 published on PUBLISHED. */
  async function newWorkspace(): Promise<Workspace> {
    const id = randomUUID();
    const versionId = randomUUID();
    const marketing = randomUUID();
    const reps = [randomUUID(), randomUUID()];
    await client.query(`INSERT INTO workspaces (id, name, time_zone) VALUES ($1, 'Seeded', 'UTC')`, [id]);
    for (const [memberId, roles, approver, name] of [
      [marketing, ['MARKETING'], true, 'mia'],
      [reps[0], ['SALES'], true, 'sam'],
      [reps[1], ['SALES'], false, 'riley'],
    ] as const)
      await client.query(
        `INSERT INTO members (workspace_id, id, email, name, roles, approver, status)
         VALUES ($1, $2, $3, $4, $5, $6, 'ACTIVE')`,
        [id, memberId, `${name}@${id.slice(0, 8)}.example`, name, roles, approver],
      );
    await client.query(
      `INSERT INTO agreement_versions (workspace_id, id, number, status, revision, document, created_by_id,
         updated_by_id, created_at, updated_at, published_at, effective_at)
       VALUES ($1, $2, 1, 'PUBLISHED', 1, $3, $4, $4, $5, $5, $5, $5)`,
      [id, versionId, JSON.stringify(starterAgreement(reps)), marketing, PUBLISHED],
    );
    await client.query(
      `INSERT INTO agreement_events (workspace_id, version_id, action, revision, details, at)
       VALUES ($1, $2, 'PUBLISHED', 1, jsonb_build_object('effectiveAt', $3::text), $4)`,
      [id, versionId, PUBLISHED.toISOString(), PUBLISHED],
    );
    return { id, versionId, reps };
  }

  async function seed(
    workspace: Workspace,
    leads: number,
    options: { copy?: boolean; append?: boolean } = {},
  ) {
    await client.query('BEGIN');
    try {
      const result = await seedWorkspace(client, {
        workspaceId: workspace.id,
        leads,
        seed: 42,
        months: 13,
        now: NOW,
        copy: options.copy ?? !database.embedded,
        append: options.append,
        batch: 150,
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }

  async function rows<T>(sql: string, workspace: Workspace): Promise<T[]> {
    return (await client.query(sql, [workspace.id])).rows as T[];
  }

  it('writes a history whose every fact agrees with the others and with the agreement in force', async () => {
    const workspace = await newWorkspace();
    const result = await seed(workspace, 400);

    // v1 now scores the whole history: moved back before its start, with its lifecycle.
    expect(result.backdated).toEqual({
      number: 1,
      from: PUBLISHED,
      to: new Date(NOW.getTime() - Math.round(13 * 30.44) * 86_400_000 - 86_400_000),
    });
    // Its publication's event moved with it, and still says when it took effect.
    const published = await rows<{ effective: Date; said: string }>(
      `SELECT v.effective_at AS effective, e.details->>'effectiveAt' AS said
         FROM agreement_versions v JOIN agreement_events e ON e.version_id = v.id AND e.action = 'PUBLISHED'
        WHERE v.workspace_id = $1 AND v.number = 1`,
      workspace,
    );
    expect(published.map((row) => [row.effective.toISOString(), row.said])).toEqual([
      [result.backdated?.to.toISOString(), result.backdated?.to.toISOString()],
    ]);
    const [counts] = await rows<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM leads WHERE workspace_id = $1) AS leads,
              (SELECT count(*)::int FROM lead_evaluations WHERE workspace_id = $1) AS evaluations,
              (SELECT count(*)::int FROM signals WHERE workspace_id = $1) AS signals,
              (SELECT count(*)::int FROM lead_transitions WHERE workspace_id = $1) AS transitions,
              (SELECT count(*)::int FROM handovers WHERE workspace_id = $1) AS handovers,
              (SELECT count(*)::int FROM opportunities WHERE workspace_id = $1) AS opportunities`,
      workspace,
    );
    expect(counts).toEqual({
      leads: 400,
      evaluations: 400,
      signals: result.counts['signals'],
      transitions: result.counts['lead_transitions'],
      handovers: result.counts['handovers'],
      opportunities: result.counts['opportunities'],
    });
    expect(counts['handovers']).toBeGreaterThan(20);
    expect(counts['opportunities']).toBeGreaterThan(3);

    const problems = await rows<{ problem: string; count: number }>(
      `SELECT problem, count(*)::int AS count FROM (
         SELECT 'transition before the lead' AS problem FROM lead_transitions t JOIN leads l
             ON l.workspace_id = t.workspace_id AND l.id = t.lead_id
          WHERE t.workspace_id = $1 AND t.at < l.created_at
         UNION ALL
         SELECT 'transition under no version in force' FROM lead_transitions t JOIN agreement_versions v
             ON v.workspace_id = t.workspace_id AND v.id = t.version_id
          WHERE t.workspace_id = $1 AND v.effective_at > t.at
         UNION ALL
         SELECT 'stage is not the last move' FROM leads l
          WHERE l.workspace_id = $1 AND l.stage <> (SELECT to_stage FROM lead_transitions t
                  WHERE t.workspace_id = l.workspace_id AND t.lead_id = l.id ORDER BY t.id DESC LIMIT 1)
         UNION ALL
         SELECT 'handover not of a move into MQL' FROM handovers h JOIN lead_transitions t
             ON t.workspace_id = h.workspace_id AND t.id = h.transition_id
          WHERE h.workspace_id = $1 AND (t.to_stage <> 'MQL' OR t.lead_id <> h.lead_id OR t.at <> h.handed_over_at)
         UNION ALL
         SELECT 'accepted without SAL' FROM handovers h
          WHERE h.workspace_id = $1 AND h.status = 'ACCEPTED' AND NOT EXISTS (SELECT 1 FROM lead_transitions t
                WHERE t.workspace_id = h.workspace_id AND t.lead_id = h.lead_id AND t.to_stage = 'SAL'
                  AND t.at = h.decided_at AND t.actor_id = h.decided_by)
         UNION ALL
         SELECT 'MQL left for the opener' FROM lead_transitions
          WHERE workspace_id = $1 AND to_stage = 'MQL' AND handover_checked_at IS NULL
         UNION ALL
         SELECT 'won without an opportunity' FROM leads l
          WHERE l.workspace_id = $1 AND l.stage = 'WON' AND NOT EXISTS (SELECT 1 FROM opportunities o
                WHERE o.workspace_id = l.workspace_id AND o.lead_id = l.id AND o.stage = 'WON')
         UNION ALL
         SELECT 'summary disagrees with signals' FROM leads l
          WHERE l.workspace_id = $1 AND l.signal_count <> (SELECT count(*) FROM signals s
                WHERE s.workspace_id = l.workspace_id AND s.lead_id = l.id)
         UNION ALL
         SELECT 'handover owner is not the lead owner' FROM handovers h JOIN leads l
             ON l.workspace_id = h.workspace_id AND l.id = h.lead_id
          WHERE h.workspace_id = $1 AND h.owner_id IS DISTINCT FROM l.owner_id
            AND h.handed_over_at = (SELECT max(handed_over_at) FROM handovers x
                  WHERE x.workspace_id = h.workspace_id AND x.lead_id = h.lead_id)
       ) found GROUP BY problem ORDER BY problem`,
      workspace,
    );
    expect(problems).toEqual([]);

    // The scoring pointer names v1, and the stored scores are the engine's.
    const [pointer] = await rows<{ version_id: string }>(
      `SELECT version_id FROM workspace_scoring WHERE workspace_id = $1`,
      workspace,
    );
    expect(pointer.version_id).toBe(workspace.versionId);
    const score = prepareScoring(starterAgreement(workspace.reps));
    const scored = await rows<Record<string, never>>(
      `SELECT l.*, e.fit_score, e.intent_score, e.grade, e.temperature, e.outcome FROM leads l
         JOIN lead_evaluations e ON e.workspace_id = l.workspace_id AND e.lead_id = l.id
        WHERE l.workspace_id = $1 ORDER BY l.id LIMIT 100`,
      workspace,
    );
    for (const lead of scored) {
      const scores = score(
        {
          employeeCount: lead['employee_count'],
          annualRevenue: lead['annual_revenue'],
          industry: lead['industry'],
          country: lead['country'],
          technologies: lead['technologies'],
          seniority: lead['seniority'],
          department: lead['department'],
          emailDomain: emailDomainOf(lead['email']),
          title: lead['title'],
          budgetAuthority: lead['budget_authority'],
        },
        lead['signal_summary'],
        NOW.getTime(),
      );
      expect([
        lead['fit_score'],
        lead['grade'],
        lead['intent_score'],
        lead['temperature'],
        lead['outcome'],
      ]).toEqual([scores.fitScore, scores.grade, scores.intentScore, scores.temperature, scores.outcome]);
    }
  });

  it('refuses a workspace that has leads unless appending, and appends without clashing', async () => {
    const workspace = await newWorkspace();
    await seed(workspace, 60);
    await expect(seed(workspace, 60)).rejects.toThrow(SeedRefused);
    await seed(workspace, 60, { append: true });
    const [{ count }] = await rows<{ count: number }>(
      `SELECT count(*)::int AS count FROM leads WHERE workspace_id = $1`,
      workspace,
    );
    expect(count).toBe(120);
  });

  it('writes the same rows with INSERT as with COPY', async () => {
    if (database.embedded) return;
    const [copied, inserted] = [await newWorkspace(), await newWorkspace()];
    await seed(copied, 80, { copy: true });
    await seed(inserted, 80, { copy: false });
    const summary = (workspace: Workspace) =>
      rows(
        `SELECT email, stage, stage_changed_at, technologies, signal_summary, owner_id IS NULL AS unowned
           FROM leads WHERE workspace_id = $1 ORDER BY email`,
        workspace,
      );
    expect(await summary(inserted)).toEqual(await summary(copied));
  });
});
