import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

// The drafts are made and edited through the real agreement lifecycle, which is what moves their revision.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AgreementsModule, AgreementsService } from '@accord/api/agreements/feature';
import { BacktestHistoryRepository, BacktestRunsRepository } from '@accord/api/backtest/data-access';
import { seedWorkspace } from '@accord/api/demo-data';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { OwnerDb, TenantDb } from '@accord/api/shared/database';
import { AppError, ErrorCode } from '@accord/api/shared/graphql';
import {
  FrozenClock,
  TestDatabase,
  TestTeam,
  createTeam,
  createTestDatabase,
  testModule,
} from '@accord/api/shared/testing';
import { type AgreementDocument, starterAgreement } from '@accord/domain/agreement';
import type { BacktestResult, LiftRow } from '@accord/domain/backtest';
import { type LifecycleStage, leadFacts, stageAfterEvaluation } from '@accord/domain/leads';
import { type SignalFact, evaluateLead, prepareScoring } from '@accord/domain/scoring';

import { BacktestModule } from './backtest.module';
import { BacktestRunner } from './backtest.runner';
import { BacktestService } from './backtest.service';
import { BacktestWorker } from './backtest.worker';
import type { BacktestRun } from './models/backtest.model';

type Team = TestTeam<'marketing' | 'sales'>;

const NOW = new Date('2026-11-25T09:00:00.000Z');
const DAY = 86_400_000;

/** A lead row of the tables (snake_case columns) as the scoring engine reads it. */
function factsOfRow(row: Record<string, unknown>) {
  return leadFacts({
    email: row['email'] as string,
    title: row['title'] as string | null,
    seniority: row['seniority'] as string | null,
    department: row['department'] as string | null,
    budgetAuthority: row['budget_authority'] as boolean | null,
    employeeCount: row['employee_count'] as number | null,
    annualRevenue: row['annual_revenue'] as number | null,
    industry: row['industry'] as string | null,
    country: row['country'] as string | null,
    technologies: row['technologies'] as string[],
  });
}

describe('backtests on PostgreSQL', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let service: BacktestService;
  let worker: BacktestWorker;
  let agreements: AgreementsService;
  let tenantDb: TenantDb;
  const clock = new FrozenClock();

  beforeAll(async () => {
    database = await createTestDatabase();
    const moduleRef = await testModule(database, clock, [
      MembersDataAccessModule,
      AgreementsModule,
      BacktestModule,
    ]).compile();
    app = await moduleRef.init();
    service = app.get(BacktestService);
    worker = app.get(BacktestWorker);
    agreements = app.get(AgreementsService);
    tenantDb = app.get(TenantDb);
    clock.current = NOW;
  }, 120_000);

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  /** A workspace with v1 (the starter agreement) published before its history starts. */
  async function workspace(): Promise<{ team: Team; v1: string }> {
    const team = await createTeam(app, {
      marketing: { name: 'mia', roles: ['MARKETING'], approver: true },
      sales: { name: 'sam', roles: ['SALES'], approver: true },
    });
    const v1 = randomUUID();
    const published = new Date(NOW.getTime() - 500 * DAY);
    await tenantDb.inWorkspace(team.workspaceId, (manager) =>
      manager.query(
        `INSERT INTO agreement_versions (workspace_id, id, number, status, revision, document, created_by_id,
           updated_by_id, created_at, updated_at, published_at, effective_at)
         VALUES ($1, $2, 1, 'PUBLISHED', 1, $3, $4, $4, $5, $5, $5, $5)`,
        [
          team.workspaceId,
          v1,
          JSON.stringify(starterAgreement([team.sales.id])),
          team.marketing.id,
          published,
        ],
      ),
    );
    return { team, v1 };
  }

  /** Generated history: the demo generator's leads, signals, handovers, meetings and opportunities. */
  async function seed(workspaceId: string, leads: number): Promise<void> {
    const owner = app.get(OwnerDb);
    await owner.inWorkspace(workspaceId, (client) =>
      seedWorkspace(client, { workspaceId, leads, seed: 7, months: 13, now: NOW, copy: owner.concurrent }),
    );
  }

  /** A draft of the next version with `change` applied, saved through the agreement's lifecycle. */
  async function draft(team: Team, change: (document: AgreementDocument) => void) {
    const created = await agreements.createDraft(team.marketing, {});
    const document = structuredClone(created.document);
    change(document);
    return agreements.save(team.marketing, {
      versionId: created.id,
      baseRevision: created.revision,
      document,
    });
  }

  async function backtest(team: Team, versionId: string): Promise<BacktestResult> {
    const started = await service.start(team.marketing, { versionId });
    expect(started.status).toBe('QUEUED');
    await worker.drain();
    const run = await service.get(team.sales, started.id);
    expect(run).toMatchObject({ status: 'DONE', progress: 1, stale: false, error: null });
    expect(run.processed).toBe(run.total);
    return run.result as unknown as BacktestResult;
  }

  const PLANTED = (document: AgreementDocument) => {
    document.fit.criteria.push(
      {
        key: 'planted',
        label: 'Uses Planted',
        field: 'technologies',
        condition: { kind: 'ANY_OF', values: ['Planted'] },
        points: 10,
      },
      {
        key: 'useless',
        label: 'Uses Useless',
        field: 'technologies',
        condition: { kind: 'ANY_OF', values: ['Useless'] },
        points: 10,
      },
    );
  };

  describe('on generated history with a planted effect', () => {
    let team: Team;
    let result: BacktestResult;
    let draftId: string;

    beforeAll(async () => {
      const made = await workspace();
      team = made.team;
      await seed(team.workspaceId, 1500);
      // Planted: 13 in 16 of the leads that were won, and 2 in 16 of the others, use "Planted": it predicts wins.
      // Useless: half the leads, chosen by a hash of the id alone — independent of every outcome.
      await tenantDb.inWorkspace(team.workspaceId, async (manager) => {
        await manager.query(
          `UPDATE leads l SET technologies = array_append(technologies, 'Planted')
            WHERE CASE WHEN EXISTS (SELECT 1 FROM opportunities o
                                     WHERE o.workspace_id = l.workspace_id AND o.lead_id = l.id AND o.stage = 'WON')
                       THEN left(md5(l.id::text || 'planted'), 1) < 'd'
                       ELSE left(md5(l.id::text || 'planted'), 1) < '2' END`,
        );
        await manager.query(
          `UPDATE leads SET technologies = array_append(technologies, 'Useless') WHERE left(md5(id::text), 1) < '8'`,
        );
      });
      const saved = await draft(team, PLANTED);
      draftId = saved.id;
      result = await backtest(team, draftId);
    }, 180_000);

    const lift = (key: string): LiftRow => {
      const row = result.draft.signalValue.find((item) => item.key === key);
      if (!row) throw new Error(`no lift row for ${key}`);
      return row;
    };

    it('finds the criterion that truly predicts wins, and none in the useless one', () => {
      const planted = lift('planted');
      expect(planted.winLift).toBeGreaterThan(3);
      // Its win rate's interval lies wholly above the rate without it.
      expect(planted.winWith.low).toBeGreaterThan(planted.winWithout.high ?? 1);

      const useless = lift('useless');
      expect(useless.winLift).toBeGreaterThan(0.6);
      expect(useless.winLift).toBeLessThan(1.6);
      // The two intervals overlap: no evidence either way.
      expect(useless.winWith.low).toBeLessThan(useless.winWithout.high ?? 0);
      expect(useless.winWithout.low).toBeLessThan(useless.winWith.high ?? 0);
    });

    it('agrees with a direct computation from the tables', async () => {
      const from = new Date(result.window.from);
      const to = new Date(result.window.to);
      const [direct] = await tenantDb.inWorkspace(team.workspaceId, (manager) =>
        manager.query(
          `WITH firsts AS (
             SELECT l.id, l.technologies,
                    (SELECT min(at) FROM lead_transitions t WHERE t.lead_id = l.id AND t.to_stage = 'MQL' AND t.at < $2) AS mql_at,
                    EXISTS (SELECT 1 FROM opportunities o WHERE o.lead_id = l.id AND o.stage = 'WON' AND o.closed_at < $2) AS won,
                    EXISTS (SELECT 1 FROM opportunities o WHERE o.lead_id = l.id AND o.opened_at < $2) AS opened,
                    EXISTS (SELECT 1 FROM handovers h WHERE h.lead_id = l.id AND h.status = 'ACCEPTED' AND h.decided_at < $2) AS accepted,
                    EXISTS (SELECT 1 FROM lead_transitions t WHERE t.lead_id = l.id AND t.to_stage = 'SQL' AND t.at < $2) AS sql,
                    (SELECT coalesce(sum(amount), 0)::float8 FROM opportunities o WHERE o.lead_id = l.id AND o.stage = 'WON' AND o.closed_at < $2) AS revenue
               FROM leads l WHERE l.created_at < $2),
           window_leads AS (SELECT * FROM firsts WHERE mql_at IS NULL OR mql_at >= $1)
           SELECT (SELECT count(*)::int FROM window_leads) AS leads,
                  (SELECT count(*)::int FROM window_leads WHERE mql_at IS NOT NULL) AS mqls,
                  (SELECT count(*)::int FROM window_leads WHERE mql_at IS NOT NULL AND won) AS won,
                  (SELECT count(*)::int FROM window_leads WHERE mql_at IS NOT NULL AND opened) AS opened,
                  (SELECT count(*)::int FROM window_leads WHERE mql_at IS NOT NULL AND accepted) AS accepted,
                  (SELECT count(*)::int FROM window_leads WHERE mql_at IS NOT NULL AND sql) AS sql,
                  (SELECT coalesce(sum(revenue), 0)::float8 FROM window_leads WHERE mql_at IS NOT NULL) AS revenue,
                  (SELECT count(*)::int FROM window_leads WHERE 'Planted' = ANY (technologies)) AS planted,
                  (SELECT count(*)::int FROM window_leads WHERE 'Planted' = ANY (technologies) AND won AND mql_at IS NOT NULL) AS planted_won`,
          [from, to],
        ),
      );
      expect(result.leadsInWindow).toBe(direct.leads);
      expect(result.recorded.mqls).toBe(direct.mqls);
      expect(result.recorded.ofMqls).toMatchObject({
        won: direct.won,
        opportunity: direct.opened,
        accepted: direct.accepted,
        sql: direct.sql,
      });
      expect(direct.opened).toBeLessThan(direct.mqls);
      expect(result.recorded.ofMqls.revenue).toBeCloseTo(direct.revenue, 2);
      expect(lift('planted').withLeads).toBe(direct.planted);
      expect(lift('planted').winWith.successes).toBe(direct.planted_won);
      expect(result.recorded.mqls).toBeGreaterThan(50);
    });

    it("counts the version in force's MQLs as the explaining engine does, signal by signal", async () => {
      // An independent path: the signals table (not the summary) and evaluateLead (not the prepared scorer).
      const { v1Document, leads } = await tenantDb.inWorkspace(team.workspaceId, async (manager) => {
        const [version]: { id: string; document: AgreementDocument }[] = await manager.query(
          `SELECT id, document FROM agreement_versions WHERE status = 'PUBLISHED'`,
        );
        const rows: Record<string, unknown>[] = await manager.query(
          `SELECT l.*, (SELECT min(at) FROM lead_transitions t WHERE t.lead_id = l.id AND t.to_stage = 'MQL' AND t.at < $1) AS mql_at,
                  coalesce((SELECT json_agg(json_build_object('type', s.type, 'at', s.occurred_at)) FROM signals s WHERE s.lead_id = l.id), '[]') AS signal_rows
             FROM leads l WHERE l.created_at < $1`,
          [new Date(result.window.to)],
        );
        return { v1Document: version, leads: rows };
      });
      const from = Date.parse(result.window.from);
      const to = Date.parse(result.window.to);
      let mqls = 0;
      for (const row of leads) {
        const mqlAt = row['mql_at'] as Date | null;
        if (mqlAt && (mqlAt.getTime() < from || mqlAt.getTime() >= to)) continue;
        const signals: SignalFact[] = (row['signal_rows'] as { type: string; at: string }[]).map((s) => ({
          type: s.type,
          occurredAt: new Date(s.at),
        }));
        const created = (row['created_at'] as Date).getTime();
        const moments = [
          created,
          ...signals.map((s) => s.occurredAt.getTime()),
          ...(mqlAt ? [mqlAt.getTime()] : []),
        ]
          .filter((at) => at >= created && at < to)
          .sort((a, b) => a - b);
        const lead = factsOfRow(row);
        const first = moments.find((at) => {
          const outcome = evaluateLead({
            lead,
            signals: signals.filter((s) => s.occurredAt.getTime() <= at),
            version: v1Document,
            now: new Date(at),
          }).outcome;
          return outcome === 'MQL' || outcome === 'FAST_TRACK';
        });
        if (first !== undefined && first >= from) mqls += 1;
      }
      expect(result.baseline.mqls).toBe(mqls);
      expect(result.baseline.mqlsPerMonth.reduce((sum, month) => sum + month.count, 0)).toBe(mqls);
    });

    it("counts today's nurtured leads each version would hand over on publish, as the explaining engine does", async () => {
      const to = new Date(result.window.to);
      const { documents, leads } = await tenantDb.inWorkspace(team.workspaceId, async (manager) => {
        const versions: { id: string; document: AgreementDocument }[] = await manager.query(
          `SELECT id, document FROM agreement_versions WHERE id IN ($1, $2)`,
          [draftId, result.baseline.versionId],
        );
        const rows: Record<string, unknown>[] = await manager.query(
          `SELECT l.*, coalesce((SELECT json_agg(json_build_object('type', s.type, 'at', s.occurred_at))
                                   FROM signals s WHERE s.lead_id = l.id AND s.occurred_at <= $1), '[]') AS signal_rows
             FROM leads l WHERE l.created_at < $1 AND l.stage IN ('LEAD', 'NURTURE')`,
          [to],
        );
        return { documents: new Map(versions.map((v) => [v.id, v])), leads: rows };
      });
      const handovers = (versionId: string) => {
        const version = documents.get(versionId);
        if (!version) throw new Error(`no version ${versionId}`);
        let count = 0;
        for (const row of leads) {
          const { outcome } = evaluateLead({
            lead: factsOfRow(row),
            signals: (row['signal_rows'] as { type: string; at: string }[]).map((signal) => ({
              type: signal.type,
              occurredAt: new Date(signal.at),
            })),
            version,
            now: to,
          });
          const stage = row['stage'] as LifecycleStage;
          if (stageAfterEvaluation(stage, outcome, row['recycle_until'] as Date | null, to) === 'MQL')
            count += 1;
        }
        return count;
      };
      expect(result.draft.onPublish?.handovers).toBe(handovers(draftId));
      expect(result.baseline.onPublish?.handovers).toBe(handovers(result.baseline.versionId));
    });

    it('marks the results stale once the draft is edited, and keeps them', async () => {
      const before = await service.latest(team.sales, draftId);
      const version = await agreements.get(team.marketing, draftId);
      const document = structuredClone<AgreementDocument>(version.document);
      document.fit.grades.A += 1;
      await agreements.save(team.marketing, { versionId: draftId, baseRevision: version.revision, document });
      const after = await service.latest(team.sales, draftId);
      expect(before?.stale).toBe(false);
      expect(after).toMatchObject({ id: before?.id, stale: true, status: 'DONE' });
      expect(after?.result).toEqual(before?.result);
    });

    it('resumes after a crash from its saved cursor and counts no lead twice (keyset batches)', async () => {
      const history = app.get(BacktestHistoryRepository);
      const runner = app.get(BacktestRunner);
      const read = history.batch.bind(history);
      const run = runner.run.bind(runner);
      let reads = 0;
      // The third batch's read fails, as a dropped connection would: two batches are saved, nothing else.
      const failing = jest.spyOn(history, 'batch').mockImplementation(async (...args) => {
        reads += 1;
        if (reads === 3) throw new Error('connection lost');
        return read(...args);
      });
      // Small batches, so that the crash falls in the middle of the run.
      const small = jest
        .spyOn(runner, 'run')
        .mockImplementation((claim, now) => run(claim, now, { batchSize: 400, stream: false }));
      let crashed: BacktestRun;
      try {
        const started = await service.start(team.marketing, { versionId: draftId });
        await worker.drain();
        crashed = await service.get(team.sales, started.id);
      } finally {
        failing.mockRestore();
        small.mockRestore();
      }
      const [{ attempts }] = await tenantDb.inWorkspace(team.workspaceId, (manager) =>
        manager.query(`SELECT attempts FROM backtest_runs WHERE id = $1`, [crashed.id]),
      );
      expect(attempts).toBe(2);
      expect(crashed).toMatchObject({ status: 'DONE', processed: crashed.total });

      // The same revision again, in one go: the same figures.
      const clean = await service.start(team.marketing, { versionId: draftId });
      expect(clean.id).not.toBe(crashed.id);
      await worker.drain();
      const cleanRun = await service.get(team.sales, clean.id);
      expect(crashed.result).toEqual(cleanRun.result);
      expect((crashed.result as unknown as BacktestResult).leadsRead).toBe(1500);
    });

    it('resumes a streamed run after a failed save from the last saved lead', async () => {
      if (!app.get(OwnerDb).concurrent) return; // the embedded database has no stream: the keyset test covers it
      const runs = app.get(BacktestRunsRepository);
      const runner = app.get(BacktestRunner);
      const save = runs.saveBatch.bind(runs);
      const run = runner.run.bind(runner);
      let saves = 0;
      // The third save fails, as a dropped connection would: the stream stops; two saves hold.
      const failing = jest.spyOn(runs, 'saveBatch').mockImplementation(async (...args) => {
        saves += 1;
        if (saves === 3) throw new Error('connection lost');
        return save(...args);
      });
      const often = jest
        .spyOn(runner, 'run')
        .mockImplementation((claim, now) => run(claim, now, { saveEvery: 300 }));
      let crashed: BacktestRun;
      try {
        const started = await service.start(team.marketing, { versionId: draftId });
        await worker.drain();
        crashed = await service.get(team.sales, started.id);
      } finally {
        failing.mockRestore();
        often.mockRestore();
      }
      expect(saves).toBeGreaterThan(3);
      const [{ attempts }] = await tenantDb.inWorkspace(team.workspaceId, (manager) =>
        manager.query(`SELECT attempts FROM backtest_runs WHERE id = $1`, [crashed.id]),
      );
      expect(attempts).toBe(2);
      const clean = await service.start(team.marketing, { versionId: draftId });
      await worker.drain();
      expect(crashed.result).toEqual((await service.get(team.sales, clean.id)).result);
    });
  });

  describe('starting', () => {
    it('queues one run when two members start the same backtest at once, and gives both that run', async () => {
      const { team, v1 } = await workspace();
      const runs = app.get(BacktestRunsRepository);
      const read = runs.findPending.bind(runs);
      let reads = 0;
      let release!: () => void;
      const bothRead = new Promise<void>((resolve) => {
        release = resolve;
      });
      // Each start's first look finds nothing, and neither goes on until both have looked: the race, every time.
      // The embedded database serves one connection, which runs the two starts one after the other: no race to
      // force there, and holding the first start would keep the second from ever looking.
      const lookTogether = jest.spyOn(runs, 'findPending').mockImplementation(async (...args) => {
        const found = await read(...args);
        reads += 1;
        if (reads === 2 || database.embedded) release();
        if (reads <= 2) await bothRead;
        return found;
      });
      let started: BacktestRun[];
      try {
        started = await Promise.all([
          service.start(team.marketing, { versionId: v1 }),
          service.start(team.sales, { versionId: v1 }),
        ]);
      } finally {
        lookTogether.mockRestore();
      }

      const [{ count }] = await tenantDb.inWorkspace(team.workspaceId, (manager) =>
        manager.query(`SELECT count(*)::int AS count FROM backtest_runs WHERE version_id = $1`, [v1]),
      );
      expect({ ids: new Set(started.map((run) => run.id)).size, count }).toEqual({ ids: 1, count: 1 });
      await worker.drain();
      const again = await service.start(team.sales, { versionId: v1 });
      expect(again.id).not.toBe(started[0].id);
      await worker.drain();
    });
  });

  describe('point in time and isolation', () => {
    it('never counts a signal received after the moment a lead was handed over', async () => {
      const { team, v1 } = await workspace();
      const leadId = randomUUID();
      const created = new Date(NOW.getTime() - 60 * DAY);
      const handedOver = new Date(NOW.getTime() - 30 * DAY);
      const demoAfter = handedOver.getTime() + DAY;
      await tenantDb.inWorkspace(team.workspaceId, async (manager) => {
        await manager.query(
          `INSERT INTO leads (workspace_id, id, email, seniority, employee_count, industry, country, budget_authority,
             stage, stage_changed_at, signal_summary, signal_count, created_at, updated_at)
           VALUES ($1, $2, 'vp@fit.example', 'VP', 500, 'Software', 'US', true, 'SAL', $3, $4, 1, $5, $5)`,
          [team.workspaceId, leadId, handedOver, JSON.stringify({ DEMO_REQUEST: [demoAfter] }), created],
        );
        const [transition]: { id: string }[] = await manager.query(
          `INSERT INTO lead_transitions (workspace_id, lead_id, from_stage, to_stage, version_id, reason, at)
           VALUES ($1, $2, 'LEAD', 'MQL', $3, 'scored', $4) RETURNING id`,
          [team.workspaceId, leadId, v1, handedOver],
        );
        await manager.query(
          `INSERT INTO handovers (workspace_id, id, lead_id, transition_id, version_id, owner_id, status, grade,
             temperature, temperature_rank, outcome, fit_score, intent_score, explanation, handed_over_at, due_at,
             decided_at, decided_by, within_sla)
           VALUES ($1, $2, $3, $4, $5, $6, 'ACCEPTED', 'A', 'COLD', 0, 'MQL', 90, 0, 'fit', $7, $8, $8, $6, true)`,
          [
            team.workspaceId,
            randomUUID(),
            leadId,
            transition.id,
            v1,
            team.sales.id,
            handedOver,
            new Date(handedOver.getTime() + 3600_000),
          ],
        );
      });
      const document = starterAgreement([team.sales.id]);
      const score = prepareScoring(document);
      const facts = leadFacts({
        email: 'vp@fit.example',
        title: null,
        seniority: 'VP',
        department: null,
        budgetAuthority: true,
        employeeCount: 500,
        annualRevenue: null,
        industry: 'Software',
        country: 'US',
        technologies: [],
      });
      const without = score(facts, {}, handedOver.getTime());
      const withLater = score(facts, { DEMO_REQUEST: [demoAfter] }, demoAfter);
      // The test means something only if the later signal would change the temperature.
      expect(withLater.temperature).not.toBe(without.temperature);

      const result = await backtest(team, v1);
      const byHeat = Object.fromEntries(
        result.baseline.calibration.byTemperature.map((row) => [row.key, row.handedOver]),
      );
      expect(byHeat[without.temperature]).toBe(1);
      expect(byHeat[withLater.temperature]).toBe(0);
      const demo = result.baseline.signalValue.find((row) => row.key === 'DEMO_REQUEST');
      expect(demo).toMatchObject({ withLeads: 0, withoutLeads: 1 });
    });

    it('counts the nurtured leads a looser matrix would hand over on publish, not those still recycling', async () => {
      const { team } = await workspace();
      await tenantDb.inWorkspace(team.workspaceId, async (manager) => {
        const created = new Date(NOW.getTime() - 40 * DAY);
        const insert = (email: string, employees: number, recycleUntil: Date | null) =>
          manager.query(
            `INSERT INTO leads (workspace_id, id, email, seniority, employee_count, industry, country, budget_authority,
               stage, stage_changed_at, recycle_until, created_at, updated_at)
             VALUES ($1, $2, $3, 'VP', $4, 'Software', 'US', true, 'NURTURE', $5, $6, $5, $5)`,
            [team.workspaceId, randomUUID(), email, employees, created, recycleUntil],
          );
        // Grade A and COLD, which the starter agreement nurtures and the draft hands over.
        await insert('ready@fit.example', 500, null);
        await insert('recycled@fit.example', 500, new Date(NOW.getTime() + 10 * DAY));
        await insert('was-recycled@fit.example', 500, new Date(NOW.getTime() - DAY));
        // Too small to be an A.
        await insert('small@fit.example', 3, null);
      });
      const loose = await draft(team, (document) => {
        document.handover.matrix.A.COLD = 'MQL';
      });
      const result = await backtest(team, loose.id);
      expect(result.baseline.onPublish).toEqual({
        handovers: 0,
        perRep: 0,
        byTemperature: { COLD: 0, WARM: 0, HOT: 0 },
      });
      expect(result.draft.onPublish).toEqual({
        handovers: 2,
        perRep: 2,
        byTemperature: { COLD: 2, WARM: 0, HOT: 0 },
      });
    });

    it("reads only the workspace's own history and shows runs to no other workspace", async () => {
      const a = await workspace();
      const b = await workspace();
      await seed(a.team.workspaceId, 120);
      await seed(b.team.workspaceId, 80);
      const started = await service.start(a.team.marketing, { versionId: a.v1 });
      await worker.drain();
      const run = await service.get(a.team.sales, started.id);
      expect((run.result as unknown as BacktestResult).leadsRead).toBe(120);
      await expect(service.get(b.team.sales, started.id)).rejects.toMatchObject({
        code: ErrorCode.NOT_FOUND,
      });
      await expect(service.start(b.team.marketing, { versionId: a.v1 })).rejects.toBeInstanceOf(AppError);
      expect(await service.latest(b.team.sales, a.v1)).toBeNull();
      // Definition quality is the version in force backtested against itself.
      expect(await service.definitionQuality(a.team.sales)).toMatchObject({
        id: started.id,
        versionId: a.v1,
      });
      expect(await service.definitionQuality(b.team.sales)).toBeNull();
    });
  });
});
