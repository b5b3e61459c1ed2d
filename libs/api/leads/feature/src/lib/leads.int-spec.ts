import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

// The test publishes versions through the real agreement lifecycle, which is what queues a rescore.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AgreementsModule, AgreementsService } from '@accord/api/agreements/feature';
import { ScoringLockPatience, ScoringStateRepository } from '@accord/api/leads/data-access';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { OwnerDb, TenantDb } from '@accord/api/shared/database';
import { AppError, ErrorCode } from '@accord/api/shared/graphql';
import {
  FrozenClock,
  SHARED_SCORING_LOCK,
  TestDatabase,
  TestTeam,
  createTeam,
  createTestDatabase,
  heldOpen,
  testModule,
  untilLockWaits,
} from '@accord/api/shared/testing';
import type { AgreementDocument } from '@accord/domain/agreement';

import { ApiKeysService } from './api-keys.service';
import { LeadUpsertService } from './lead-upsert.service';
import { LeadsModule } from './leads.module';
import { LeadsService } from './leads.service';
import { RescoreRunner, partitionName } from './rescore.runner';
import { RescoreWorker } from './rescore.worker';
import { SignalApplier } from './signal-applier';
import { SignalIngestionService, UnknownApiKey } from './signal-ingestion.service';

type Team = TestTeam<'marketing' | 'sales' | 'admin'>;

describe('leads, signals and scoring on PostgreSQL', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let leads: LeadsService;
  let agreements: AgreementsService;
  let ingestion: SignalIngestionService;
  let worker: RescoreWorker;
  const clock = new FrozenClock();

  async function newTeam(): Promise<Team> {
    return createTeam(app, {
      marketing: { name: 'mia', roles: ['MARKETING'], approver: true },
      sales: { name: 'sam', roles: ['SALES'], approver: true },
      admin: { name: 'ada', roles: ['ADMIN'], approver: true },
    });
  }

  /** Drafts (optionally changed), proposes and co-signs a version; returns it. */
  async function publish(team: Team, change: (document: AgreementDocument) => void = () => undefined) {
    // Versions take effect one after another; a frozen clock needs a nudge between publications.
    clock.current = new Date(clock.current.getTime() + 60_000);
    const draft = await agreements.createDraft(team.marketing, {});
    const document = structuredClone(draft.document);
    change(document);
    const saved = await agreements.save(team.marketing, {
      versionId: draft.id,
      baseRevision: draft.revision,
      document,
    });
    await agreements.propose(team.marketing, { versionId: saved.id, revision: saved.revision });
    await agreements.sign(team.marketing, {
      versionId: saved.id,
      revision: saved.revision,
      side: 'MARKETING',
    });
    return agreements.sign(team.sales, { versionId: saved.id, revision: saved.revision, side: 'SALES' });
  }

  const untilWaiting = (workspaceId: string, locktype: 'advisory' | 'transactionid') =>
    untilLockWaits(app.get(OwnerDb), workspaceId, locktype);

  /** The workspace's latest rescore run: how many attempts it took, and how it ended. */
  const latestRun = (team: Team): Promise<{ attempts: number; status: string }[]> =>
    app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        manager.query(`SELECT attempts, status FROM rescore_runs ORDER BY created_at DESC LIMIT 1`),
      );

  const fitLead = {
    email: 'vp@bigco.example',
    title: 'VP Marketing',
    seniority: 'VP',
    budgetAuthority: true,
    employeeCount: 500,
    industry: 'Software',
    country: 'US',
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const moduleRef = await testModule(
      database,
      clock,
      [MembersDataAccessModule, AgreementsModule, LeadsModule],
      { poolSize: 6 },
    )
      // Short waits, so that a flip gives way and tries again within a moment here; the product's are seconds.
      .overrideProvider(ScoringLockPatience)
      .useValue({ waitMs: 300, correctionPausesMs: [], flipPauseMs: 100, respellWaitMs: 300 })
      .compile();
    app = await moduleRef.init();
    leads = app.get(LeadsService);
    agreements = app.get(AgreementsService);
    ingestion = app.get(SignalIngestionService);
    worker = app.get(RescoreWorker);
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('leaves leads unscored until a version is in force, then rescores all of them under it', async () => {
    const team = await newTeam();
    const created = await leads.create(team.marketing, fitLead);
    const student = await leads.create(team.marketing, { email: 'kid@gmail.com', seniority: 'STUDENT' });
    expect(created).toMatchObject({ stage: 'LEAD', evaluation: null, companyDomain: 'bigco.example' });

    const v1 = await publish(team);
    expect((await leads.scoringStatus(team.sales)).latestRun).toMatchObject({
      status: 'QUEUED',
      versionNumber: 1,
    });
    expect(await worker.drain()).toBe(1);

    const status = await leads.scoringStatus(team.sales);
    expect(status).toMatchObject({
      scoredVersionNumber: 1,
      latestRun: { status: 'DONE', total: 2, processed: 2 },
    });
    const page = await leads.list(team.sales, { sort: 'FIT', first: 10 });
    expect(
      page.edges.map((edge) => [
        edge.node.email,
        edge.node.evaluation?.grade,
        edge.node.evaluation?.versionId,
      ]),
    ).toEqual([
      ['vp@bigco.example', 'A', v1.id],
      ['kid@gmail.com', 'D', v1.id],
    ]);
    // Cold leads go to nurture; the transition names the version.
    const detail = await leads.detail(team.sales, student.id);
    expect(detail.lead.stage).toBe('NURTURE');
    expect(detail.transitions[0]).toMatchObject({ fromStage: 'LEAD', toStage: 'NURTURE', versionNumber: 1 });
    expect(detail.explanation?.fit.map((line) => line.key)).toEqual(['student', 'personal-email']);
  });

  it('rescores a lead as its signals arrive, explains the score and moves it to MQL', async () => {
    const team = await newTeam();
    await publish(team);
    await worker.drain();
    const lead = await leads.create(team.marketing, fitLead);
    expect(lead).toMatchObject({ stage: 'NURTURE', evaluation: { grade: 'A', temperature: 'COLD' } });

    const report = await ingestion.ingest(
      { workspaceId: team.workspaceId },
      [
        {
          externalId: 'demo-1',
          type: 'DEMO_REQUEST',
          occurredAt: '2026-11-24T09:00:00Z',
          lead: { email: 'VP@bigco.example' },
        },
        {
          externalId: 'price-1',
          type: 'PRICING_PAGE_VISIT',
          occurredAt: '2026-11-20T09:00:00Z',
          lead: { companyDomain: 'bigco.example' },
        },
        {
          externalId: 'price-1',
          type: 'PRICING_PAGE_VISIT',
          occurredAt: '2026-11-20T09:00:00Z',
          lead: { id: lead.id },
        },
        {
          externalId: 'mail-1',
          type: 'EMAIL_SENT',
          occurredAt: '2026-11-24T10:00:00Z',
          lead: { id: lead.id },
        },
        { externalId: 'x', type: 'DEMO_REQUEST', occurredAt: '2026-02-30T09:00:00Z', lead: { id: lead.id } },
        {
          externalId: 'who',
          type: 'DEMO_REQUEST',
          occurredAt: '2026-11-24T09:00:00Z',
          lead: { email: 'nobody@else.example' },
        },
      ],
      clock.now(),
      'now',
    );
    expect(report.items.map((item) => item.status)).toEqual([
      'STORED',
      'STORED',
      'DUPLICATE',
      'STORED',
      'REFUSED',
      'UNMATCHED',
    ]);
    expect(report.items[4].problems).toEqual([
      { path: 'occurredAt', message: 'is not a real date and time' },
    ]);

    const detail = await leads.detail(team.sales, lead.id);
    expect(detail.lead).toMatchObject({ stage: 'MQL', signalCount: 3, evaluation: { temperature: 'HOT' } });
    expect(detail.transitions.map((t) => t.toStage)).toEqual(['MQL', 'NURTURE', 'LEAD']);
    expect(detail.explanation?.summary).toContain('Demo request');
    expect(detail.explanation?.activity).toEqual([{ type: 'EMAIL_SENT', count: 1 }]);
    expect(detail.signals.map((signal) => signal.externalId)).toEqual(['mail-1', 'demo-1', 'price-1']);

    // The same batch again stores nothing twice.
    const again = await ingestion.ingest(
      { workspaceId: team.workspaceId },
      [
        {
          externalId: 'demo-1',
          type: 'DEMO_REQUEST',
          occurredAt: '2026-11-24T09:00:00Z',
          lead: { id: lead.id },
        },
      ],
      clock.now(),
      'now',
    );
    expect(again).toMatchObject({ stored: 0, duplicates: 1 });
    expect((await leads.detail(team.sales, lead.id)).lead.signalCount).toBe(3);
  });

  it('stores an event id once in the workspace, even when its re-send now matches another lead', async () => {
    const team = await newTeam();
    await publish(team);
    await worker.drain();
    const first = await leads.create(team.marketing, {
      ...fitLead,
      email: 'first@samecorp.example',
      companyDomain: 'samecorp.example',
    });
    const event = {
      externalId: 'visit-42',
      type: 'PRICING_PAGE_VISIT',
      occurredAt: '2026-11-24T09:00:00Z',
      lead: { email: 'later@samecorp.example', companyDomain: 'samecorp.example' },
    };
    // No lead has the e-mail yet: the event goes to the company's first lead.
    const sent = await ingestion.ingest({ workspaceId: team.workspaceId }, [event], clock.now(), 'now');
    expect(sent.items).toEqual([expect.objectContaining({ status: 'STORED', leadId: first.id })]);
    // The lead it names arrives, then the sender retries: the same event, not a second one.
    const later = await leads.create(team.marketing, {
      ...fitLead,
      email: 'later@samecorp.example',
      companyDomain: 'samecorp.example',
    });
    const again = await ingestion.ingest({ workspaceId: team.workspaceId }, [event], clock.now(), 'now');
    expect(again).toMatchObject({ stored: 0, duplicates: 1 });
    const stored = await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        manager.query(`SELECT lead_id AS "leadId" FROM signals WHERE external_id = 'visit-42'`),
      );
    expect(stored).toEqual([{ leadId: first.id }]);
    expect((await leads.detail(team.sales, later.id)).lead.signalCount).toBe(0);
  });

  it('applies queued signals exactly once, however many appliers run at once', async () => {
    const team = await newTeam();
    await publish(team);
    await worker.drain();
    const lead = await leads.create(team.marketing, fitLead);
    const events = Array.from({ length: 300 }, (_, index) => ({
      externalId: `visit-${index}`,
      type: 'PRICING_PAGE_VISIT',
      occurredAt: new Date(Date.parse('2026-11-20T00:00:00Z') + index * 60_000).toISOString(),
      lead: { email: fitLead.email },
    }));
    const applier = app.get(SignalApplier);
    // Three requests at once, each waking the applier, and two more appliers draining alongside.
    const send = (from: number, to: number) =>
      ingestion.ingest({ workspaceId: team.workspaceId }, events.slice(from, to), clock.now(), 'soon');
    const [first, second, third] = await Promise.all([
      send(0, 100),
      send(100, 200),
      send(50, 300),
      applier.drain(),
      applier.drain(),
    ]);
    expect(first.stored + second.stored + third.stored).toBe(300);
    await applier.settled();
    await applier.drain();

    const detail = await leads.detail(team.sales, lead.id);
    expect(detail.lead.signalCount).toBe(300);
    // Each stage change recorded once, however the batches fell.
    const stages = detail.transitions.map((t) => t.toStage);
    expect(new Set(stages).size).toBe(stages.length);
    const [{ waiting }] = await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        manager.query(`SELECT count(*)::int AS waiting FROM signal_inbox`),
      );
    expect(waiting).toBe(0);
  });

  it('answers many machine requests at once, each for its own events, storing every event once', async () => {
    const team = await newTeam();
    await leads.create(team.marketing, fitLead);
    const keys = app.get(ApiKeysService);
    const { secret } = await keys.create(team.admin, 'Website');
    const apiKeyHash = keys.hashOf(secret) as string;
    // 60 requests of one event each, every external id sent twice: the two may land in one statement or two.
    const requests = Array.from({ length: 60 }, (_, index) => [
      {
        externalId: `visit-${index % 30}`,
        type: 'PRICING_PAGE_VISIT',
        occurredAt: '2026-11-24T09:00:00Z',
        lead: { email: fitLead.email },
      },
    ]);
    const reports = await Promise.all(
      requests.map((events) => ingestion.ingest({ apiKeyHash }, events, clock.now(), 'soon')),
    );
    const statuses = new Map<string, string[]>();
    reports.forEach((report, index) => {
      const id = requests[index][0].externalId;
      statuses.set(id, [...(statuses.get(id) ?? []), report.items[0].status].sort());
    });
    expect(new Set([...statuses.values()].map((both) => both.join()))).toEqual(new Set(['DUPLICATE,STORED']));
    expect(reports.every((report) => report.workspaceId === team.workspaceId)).toBe(true);

    // Another hash: the last digit changed (a hash ending in 0 stays itself under replace(/.$/, '0')).
    const wrongHash = `${apiKeyHash.slice(0, -1)}${apiKeyHash.endsWith('0') ? '1' : '0'}`;
    await expect(
      ingestion.ingest({ apiKeyHash: wrongHash }, requests[0], clock.now(), 'soon'),
    ).rejects.toBeInstanceOf(UnknownApiKey);
    await app.get(SignalApplier).settled();
    await app.get(SignalApplier).drain();
    const lead = (await leads.list(team.sales, { sort: 'FIT', first: 1 })).edges[0].node;
    expect(lead.signalCount).toBe(30);
  });

  it('reports a duplicate, never an error, when several requests send the same events at once', async () => {
    const team = await newTeam();
    await leads.create(team.marketing, fitLead);
    // The same 300 events from 8 requests at once, over several rounds: inserts of one id race for its key, and
    // the loser reports a duplicate. (A second unique index of signals once made this fail, rarely: see migration
    // SignalsKeyedByEventId.)
    for (let round = 0; round < 10; round++) {
      const events = Array.from({ length: 300 }, (_, index) => ({
        externalId: `race-${round}-${index}`,
        type: 'PRICING_PAGE_VISIT',
        occurredAt: '2026-11-24T09:00:00Z',
        lead: { email: fitLead.email },
      }));
      const reports = await Promise.all(
        Array.from({ length: 8 }, () =>
          ingestion.ingest({ workspaceId: team.workspaceId }, events, clock.now(), 'soon'),
        ),
      );
      expect(reports.reduce((sum, report) => sum + report.stored, 0)).toBe(300);
      expect(reports.reduce((sum, report) => sum + report.duplicates, 0)).toBe(7 * 300);
    }
    await app.get(SignalApplier).settled();
    await app.get(SignalApplier).drain();
    const lead = (await leads.list(team.sales, { sort: 'FIT', first: 1 })).edges[0].node;
    expect(lead.signalCount).toBe(10 * 300);
  });

  it('rescores the whole workspace on the next version, and only then shows the new version', async () => {
    const team = await newTeam();
    const v1 = await publish(team);
    await worker.drain();
    for (let index = 0; index < 30; index++) {
      await leads.create(team.marketing, {
        ...fitLead,
        email: `p${index}@bigco.example`,
        employeeCount: 100 + index * 50,
      });
    }
    const v2 = await publish(team, (document) => (document.fit.grades.A = 95));
    // Until the run finishes, every lead is still read under v1.
    const before = await leads.list(team.sales, { sort: 'NEWEST', first: 100 });
    expect(new Set(before.edges.map((edge) => edge.node.evaluation?.versionId))).toEqual(new Set([v1.id]));

    await worker.drain();
    const after = await leads.list(team.sales, { sort: 'NEWEST', first: 100 });
    expect(after.totalCount).toBe(30);
    expect(new Set(after.edges.map((edge) => edge.node.evaluation?.versionId))).toEqual(new Set([v2.id]));
    expect(after.edges.some((edge) => edge.node.evaluation?.grade === 'A')).toBe(false);
  });

  it('starts an abandoned run over and never leaves a mix', async () => {
    const team = await newTeam();
    await publish(team);
    await worker.drain();
    await leads.create(team.marketing, fitLead);
    const v2 = await publish(team, (document) => (document.fit.grades.A = 90));
    // A worker died half-way: its run is RUNNING since long ago, with a half-written partition left behind.
    await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        manager.query(`UPDATE rescore_runs SET status = 'RUNNING', started_at = $1 WHERE version_id = $2`, [
          new Date('2026-11-24T00:00:00Z'),
          v2.id,
        ]),
      );
    await app.get(OwnerDb).inWorkspace(team.workspaceId, async (client) => {
      await client.query(`CREATE TABLE "${partitionName(v2.id)}" (LIKE lead_evaluations)`);
      await client.query(
        `INSERT INTO "${partitionName(v2.id)}" VALUES ($1, $2, gen_random_uuid(), 1, 'D', 0, 'COLD', 'NURTURE', now())`,
        [team.workspaceId, v2.id],
      );
    });

    expect(await worker.drain()).toBe(1);
    const status = await leads.scoringStatus(team.sales);
    expect(status).toMatchObject({
      scoredVersionNumber: 2,
      latestRun: { status: 'DONE', total: 1, processed: 1 },
    });
    const page = await leads.list(team.sales, { sort: 'FIT', first: 10 });
    expect(page.edges.map((edge) => edge.node.evaluation?.versionNumber)).toEqual([2]);
  });

  it("runs one rescore of a workspace at a time: a queued run waits for the live one, others' runs do not", async () => {
    const [team, other] = [await newTeam(), await newTeam()];
    await publish(team);
    await publish(other);
    const v2 = await publish(team, (document) => (document.fit.grades.A = 90));
    // Another replica is running this workspace's v1 run right now.
    const inTeam = (sql: string, values: unknown[] = []): Promise<unknown> =>
      app.get(TenantDb).inWorkspace(team.workspaceId, (manager) => manager.query(sql, values));
    await inTeam(`UPDATE rescore_runs SET status = 'RUNNING', started_at = $1 WHERE version_id <> $2`, [
      clock.now(),
      v2.id,
    ]);

    expect(await worker.drain()).toBe(1); // the other workspace's run only
    expect(await inTeam(`SELECT status FROM rescore_runs WHERE version_id = $1`, [v2.id])).toEqual([
      { status: 'QUEUED' },
    ]);
    await inTeam(`UPDATE rescore_runs SET status = 'DONE' WHERE version_id <> $1`, [v2.id]);
    expect(await worker.drain()).toBe(1);
    expect((await leads.scoringStatus(team.sales)).scoredVersionNumber).toBe(2);
  });

  it('stops a run between batches for a shutdown and queues it again at once, spending no attempt', async () => {
    const team = await newTeam();
    await publish(team);
    await worker.drain();
    for (const name of ['p', 'q', 'r'])
      await leads.create(team.marketing, { ...fitLead, email: `${name}@stopping.example` });
    await publish(team, (document) => (document.fit.grades.A = 95));
    // The process is shutting down as the run starts: it stops at its first batch.
    const runner = app.get(RescoreRunner);
    const run = runner.run.bind(runner);
    const stopping = jest
      .spyOn(runner, 'run')
      .mockImplementationOnce((claimed, now) => run(claimed, now, () => true));
    expect(await worker.drain()).toBe(0);
    stopping.mockRestore();
    const attempts = () =>
      app
        .get(TenantDb)
        .inWorkspace(team.workspaceId, (manager) =>
          manager.query(`SELECT attempts FROM rescore_runs ORDER BY created_at DESC LIMIT 1`),
        );
    // Still read under v1 (no mix), the run waiting for the next worker, no attempt spent.
    expect(await leads.scoringStatus(team.sales)).toMatchObject({
      scoredVersionNumber: 1,
      latestRun: { status: 'QUEUED' },
    });
    expect(await attempts()).toEqual([{ attempts: 0 }]);

    expect(await worker.drain()).toBe(1);
    expect(await leads.scoringStatus(team.sales)).toMatchObject({
      scoredVersionNumber: 2,
      latestRun: { status: 'DONE', total: 3 },
    });
    expect(await attempts()).toEqual([{ attempts: 1 }]);
  });

  it('catches up a change stamped just before the run started but committed after its copy', async () => {
    const team = await newTeam();
    await publish(team);
    await worker.drain();
    const [late, control] = [
      await leads.create(team.marketing, { ...fitLead, email: 'late@catch-up.example' }),
      await leads.create(team.marketing, { ...fitLead, email: 'control@catch-up.example', employeeCount: 3 }),
    ];
    await publish(team, (document) => (document.fit.grades.A = 95));
    // A writer that read its clock a minute before the run was claimed commits only once the copy is done.
    const runner = app.get<RescoreRunner, { copyEvaluations: (...args: unknown[]) => Promise<void> }>(
      RescoreRunner,
    );
    const copy = runner.copyEvaluations.bind(runner);
    const writer = jest
      .spyOn(runner, 'copyEvaluations')
      .mockImplementationOnce(async (...args: unknown[]) => {
        await copy(...args);
        await app
          .get(TenantDb)
          .inWorkspace(team.workspaceId, (manager) =>
            manager.query(`UPDATE leads SET employee_count = 3, updated_at = $2 WHERE id = $1`, [
              late.id,
              new Date(clock.current.getTime() - 60_000),
            ]),
          );
      });
    expect(await worker.drain()).toBe(1);
    writer.mockRestore();
    const [lateNow, controlNow] = [
      await leads.detail(team.sales, late.id),
      await leads.detail(team.sales, control.id),
    ];
    expect(lateNow.lead.evaluation?.versionNumber).toBe(2);
    // Scored under v2 from what it holds now, not from the copy's snapshot.
    expect(lateNow.lead.evaluation?.fitScore).toBe(controlNow.lead.evaluation?.fitScore);
  });

  it("lets a lead's edit and a rescore's flip meet without waiting for each other", async () => {
    // One connection: the embedded server runs transactions one after the other, so none waits on another's lock.
    if (database.embedded) return;
    const team = await newTeam();
    await publish(team);
    await worker.drain();
    const lead = await leads.create(team.marketing, { ...fitLead, email: 'edited@flip.example' });
    await publish(team, (document) => (document.fit.grades.A = 95));
    // Once the flip holds the scoring lock, marketing edits the lead: the edit locks the lead, then waits for that
    // lock to score it. The flip goes on to catch the lead up (it changed during the run).
    const scoring = app.get(ScoringStateRepository);
    const lockForFlip = scoring.lockForFlip.bind(scoring);
    let edit: Promise<unknown> = Promise.resolve();
    const flip = jest
      .spyOn(scoring, 'lockForFlip')
      .mockImplementationOnce(async (manager, workspaceId, waitMs) => {
        await lockForFlip(manager, workspaceId, waitMs);
        edit = leads.update(team.marketing, lead.id, { employeeCount: 3 });
        await untilWaiting(team.workspaceId, 'advisory');
      });

    // Before the flip read the leads it catches up without locking them, the two waited for each other until
    // PostgreSQL broke the deadlock by failing one: the edit, or the run's attempt.
    expect(await worker.drain()).toBe(1);
    flip.mockRestore();
    await expect(edit).resolves.toMatchObject({ employeeCount: 3 });
    expect(await latestRun(team)).toEqual([{ attempts: 1, status: 'DONE' }]);
    const scored = await leads.detail(team.sales, lead.id);
    // The edit scored after the flip, under the new version and with its own change.
    expect([scored.lead.evaluation?.versionNumber, scored.lead.employeeCount]).toEqual([2, 3]);
  });

  it("lets a long transaction holding the scoring lock delay a rescore's flip, never the workspace's writers", async () => {
    if (database.embedded) return;
    const team = await newTeam();
    await publish(team);
    await worker.drain();
    const lead = await leads.create(team.marketing, { ...fitLead, email: 'waiting@flip.example' });
    await publish(team, (document) => (document.fit.grades.A = 95));
    // An import's dry run holds the scoring lock, shared, until it ends.
    const dryRun = await heldOpen(app.get(TenantDb), team.workspaceId, [SHARED_SCORING_LOCK]);
    const drained = worker.drain();
    await untilWaiting(team.workspaceId, 'advisory');
    // An edit asks for the lock behind the waiting flip: it goes on as the flip gives way, under the version in force.
    await leads.update(team.marketing, lead.id, { employeeCount: 3 });
    expect((await leads.detail(team.sales, lead.id)).lead.evaluation?.versionNumber).toBe(1);

    await dryRun.release();
    expect(await drained).toBe(1);
    // One attempt: the flip tried again until it had the lock, and caught the edited lead up.
    expect(await latestRun(team)).toEqual([{ attempts: 1, status: 'DONE' }]);
    const scored = await leads.detail(team.sales, lead.id);
    expect([scored.lead.evaluation?.versionNumber, scored.lead.employeeCount]).toEqual([2, 3]);
  });

  it('keeps a long run its claim while it beats, and a stalled one taken over stops without flipping', async () => {
    const team = await newTeam();
    await publish(team);
    await worker.drain();
    await leads.create(team.marketing, fitLead);
    await publish(team, (document) => (document.fit.grades.A = 95));
    const minutes = (count: number) => (clock.current = new Date(clock.current.getTime() + count * 60_000));
    /** Another replica polling for due runs now: what it claims, if anything. */
    const otherReplicaClaims = () =>
      app
        .get(TenantDb)
        .run({ system: true }, (manager) =>
          app
            .get(ScoringStateRepository)
            .claimDue(manager, clock.now(), new Date(clock.now().getTime() - 15 * 60_000)),
        );
    const runner = app.get<RescoreRunner, { copyEvaluations: (...args: unknown[]) => Promise<void> }>(
      RescoreRunner,
    );
    const copy = runner.copyEvaluations.bind(runner);
    let claimedMidRun: unknown[] = [];
    const slow = jest.spyOn(runner, 'copyEvaluations').mockImplementationOnce(async (...args: unknown[]) => {
      // Twenty minutes into the run, its copy saves progress: the heartbeat keeps it from looking abandoned.
      minutes(20);
      await copy(...args);
      const whileBeating = await otherReplicaClaims();
      // Then it stalls past the threshold, and another replica takes the run over.
      minutes(16);
      const afterStalling = await otherReplicaClaims();
      claimedMidRun = [whileBeating, afterStalling?.attempts];
    });

    expect(await worker.drain()).toBe(1);
    slow.mockRestore();
    expect(claimedMidRun).toEqual([null, 2]);
    // The stalled attempt found its claim gone at the flip: the pointer stayed, and the run is the other's.
    const status = await leads.scoringStatus(team.sales);
    expect([status.scoredVersionNumber, status.latestRun?.status]).toEqual([1, 'RUNNING']);

    // The other replica dies too; once its heartbeat is stale the run is started over and finishes.
    minutes(16);
    expect(await worker.drain()).toBe(1);
    expect((await leads.scoringStatus(team.sales)).scoredVersionNumber).toBe(2);
  });

  it('resumes the stage moves of a run that stopped after its flip, moving each lead once', async () => {
    const team = await newTeam();
    const created = await Promise.all(
      ['a', 'b', 'c'].map((name) => leads.create(team.marketing, { email: `${name}@gmail.com` })),
    );
    await publish(team);
    // The first attempt dies after the pointer flipped, before any lead moved; the worker queues it again and
    // the second attempt, finding the pointer on its version, applies the moves without rescoring.
    const scoring = app.get(ScoringStateRepository);
    const moves = jest
      .spyOn(scoring, 'applyPlannedMoves')
      .mockRejectedValueOnce(new Error('connection lost'));
    const copies = jest.spyOn(app.get(OwnerDb), 'client');
    expect(await worker.drain()).toBe(1);
    // The failed attempt waits a minute before the next: it is not spent on the same fault moments later.
    expect(await worker.drain()).toBe(0);
    clock.current = new Date(clock.current.getTime() + 60_000);
    expect(await worker.drain()).toBe(1);
    expect(copies).toHaveBeenCalledTimes(database.embedded ? 0 : 1);
    moves.mockRestore();
    copies.mockRestore();
    expect((await leads.scoringStatus(team.sales)).latestRun).toMatchObject({ status: 'DONE', total: 3 });
    const runs = await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) => manager.query(`SELECT attempts FROM rescore_runs`));
    expect(runs).toEqual([{ attempts: 2 }]);
    for (const lead of created) {
      const detail = await leads.detail(team.sales, lead.id);
      expect(detail.lead.stage).toBe('NURTURE');
      expect(detail.transitions.map((t) => [t.fromStage, t.toStage, t.versionNumber])).toEqual([
        ['LEAD', 'NURTURE', 1],
        [null, 'LEAD', null],
      ]);
    }
  });

  it('rescores in place when a run is queued for the version already in force', async () => {
    const team = await newTeam();
    const v1 = await publish(team);
    await worker.drain();
    // Loaded behind the product's back (as a bulk import might): no evaluation yet.
    const [{ id }] = await app.get(OwnerDb).inWorkspace(
      team.workspaceId,
      async (client) =>
        (
          await client.query<{ id: string }>(
            `INSERT INTO leads (workspace_id, id, email, stage, created_at, updated_at, stage_changed_at)
             VALUES ($1, gen_random_uuid(), 'late@gmail.com', 'LEAD', now(), now(), now()) RETURNING id`,
            [team.workspaceId],
          )
        ).rows,
    );
    await app.get(TenantDb).inWorkspace(team.workspaceId, (manager) =>
      app.get(ScoringStateRepository).enqueue(manager, {
        workspaceId: team.workspaceId,
        id: randomUUID(),
        versionId: v1.id,
        runAfter: clock.now(),
      }),
    );

    expect(await worker.drain()).toBe(1);
    const detail = await leads.detail(team.sales, id);
    expect(detail.lead).toMatchObject({ stage: 'NURTURE', evaluation: { versionId: v1.id } });
    expect((await leads.scoringStatus(team.sales)).latestRun).toMatchObject({ status: 'DONE', total: 1 });
  });

  it('refuses bad lead input, naming the field, and keeps e-mails unique', async () => {
    const team = await newTeam();
    await expect(
      leads.create(team.marketing, { email: 'a@b.example', employeeCount: -5 }),
    ).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      fields: [{ field: 'employeeCount', message: 'must be at least 0' }],
    });
    await leads.create(team.marketing, { email: 'a@b.example' });
    await expect(leads.create(team.sales, { email: 'A@B.example' })).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
    });
  });

  it("fills a new lead's blank company facts from its colleagues' at the domain, the latest first", async () => {
    const team = await newTeam();
    await leads.create(team.marketing, { email: 'a@acme.example', employeeCount: 90, industry: 'Retail' });
    clock.current = new Date(clock.current.getTime() + 1000);
    await leads.create(team.marketing, {
      email: 'b@acme.example',
      employeeCount: 120,
      technologies: ['HubSpot'],
    });
    const created = await leads.create(team.marketing, { email: 'c@acme.example', country: 'FR' });
    expect(created).toMatchObject({
      employeeCount: 120,
      industry: 'Retail',
      technologies: ['HubSpot'],
      country: 'FR',
      companyName: null,
    });
    // Another workspace's leads at the same domain lend nothing.
    const other = await newTeam();
    expect(await leads.create(other.marketing, { email: 'd@acme.example' })).toMatchObject({
      employeeCount: null,
      industry: null,
    });
  });

  it("stores an industry, source or campaign in the workspace's first spelling, whatever a later one's case", async () => {
    const team = await newTeam();
    const first = await leads.create(team.marketing, {
      email: 'a@spelt.example',
      industry: 'Software',
      source: 'LinkedIn',
      campaign: 'Q3 Push',
    });
    const second = await leads.create(team.marketing, {
      email: 'b@spelt.example',
      industry: ' SOFTWARE ',
      source: 'linkedin',
      campaign: 'q3 push',
    });
    expect(second).toMatchObject({ industry: 'Software', source: 'LinkedIn', campaign: 'Q3 Push' });
    // An edit is respelt too; a new value is stored as given, and becomes the spelling of later ones.
    expect(await leads.update(team.marketing, first.id, { source: 'LINKEDIN' })).toMatchObject({
      source: 'LinkedIn',
    });
    expect(await leads.update(team.marketing, first.id, { source: 'Webinar' })).toMatchObject({
      source: 'Webinar',
    });
    expect(await leads.update(team.marketing, second.id, { source: 'WEBINAR' })).toMatchObject({
      source: 'Webinar',
    });
    // So do machines': a lead that already reads so is unchanged.
    const { secret } = await app.get(ApiKeysService).create(team.admin, 'CRM sync');
    const report = await app.get(LeadUpsertService).upsert(secret, [
      { email: 'c@spelt.example', source: 'WEBinar', campaign: 'Q3 PUSH' },
      { email: 'a@spelt.example', source: 'webinar' },
    ]);
    expect(report?.items.map((item) => item.status)).toEqual(['CREATED', 'UNCHANGED']);
    const [created] = (
      await leads.list(team.sales, { sort: 'NEWEST', first: 1, filter: { search: 'c@spelt.example' } })
    ).edges;
    expect(created.node).toMatchObject({ email: 'c@spelt.example', source: 'Webinar', campaign: 'Q3 Push' });
    // Another workspace spells its own.
    const other = await newTeam();
    expect(
      await leads.create(other.marketing, { email: 'd@spelt.example', source: 'LINKEDIN' }),
    ).toMatchObject({ source: 'LINKEDIN' });
  });

  it('gives a lead the spelling another writer stored first, once that writer commits', async () => {
    // One connection: the embedded server runs transactions one after the other, so none waits on another's.
    if (database.embedded) return;
    const team = await newTeam();
    // Another writer has stored "Paid Social" and recorded its spelling, and has not committed yet.
    const other = await heldOpen(app.get(TenantDb), team.workspaceId, [
      `INSERT INTO lead_spellings (workspace_id, field, key, spelling)
       VALUES (accord_current_workspace(), 'source', 'paid social', 'Paid Social')`,
    ]);
    const created = leads.create(team.marketing, { email: 'late@at-once.example', source: 'PAID SOCIAL' });
    // The create stores its lead, then waits for the other writer's spelling before it records its own.
    await untilWaiting(team.workspaceId, 'transactionid');
    await other.release();
    expect(await created).toMatchObject({ source: 'Paid Social' });
  });

  it("refuses an edit's over-long industry, source or campaign as bad input, recording no spelling", async () => {
    const team = await newTeam();
    const lead = await leads.create(team.marketing, { email: 'long@spelt.example' });
    await expect(leads.update(team.marketing, lead.id, { source: 'x'.repeat(300) })).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      fields: [{ field: 'source', message: 'must be at most 100 characters' }],
    });
    const spellings: unknown[] = await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) => manager.query(`SELECT key FROM lead_spellings`));
    expect(spellings).toEqual([]);
  });

  it('authenticates machine clients by API key until the key is revoked', async () => {
    const team = await newTeam();
    const keys = app.get(ApiKeysService);
    const { apiKey, secret } = await keys.create(team.admin, 'Website');
    expect(await keys.authenticate(secret)).toEqual({
      workspaceId: team.workspaceId,
      keyId: apiKey.id,
      imports: false,
      createdById: team.admin.id,
    });
    // Allowed to import when the admin says so; every key sends leads and signals.
    const importing = await keys.create(team.admin, 'Nightly CRM export', true);
    expect([importing.apiKey.imports, (await keys.authenticate(importing.secret))?.imports]).toEqual([
      true,
      true,
    ]);
    expect(await keys.authenticate(`${secret}x`)).toBeNull();
    await keys.revoke(team.admin, apiKey.id);
    expect(await keys.authenticate(secret)).toBeNull();
    await expect(keys.revoke(team.admin, apiKey.id)).rejects.toBeInstanceOf(AppError);
    expect((await keys.list(team.admin)).map((key) => [key.name, key.revokedAt !== null])).toEqual([
      ['Nightly CRM export', false],
      ['Website', true],
    ]);
  });

  it('pages by cursor, and refuses a cursor of another sort or an owner that is not an id', async () => {
    const team = await newTeam();
    for (const name of ['ana', 'ben', 'cleo']) {
      await leads.create(team.marketing, { email: `${name}@bigco.example` });
      clock.advance(1_000);
    }
    const emails: string[] = [];
    let after: string | null = null;
    do {
      const page = await leads.list(team.sales, { sort: 'NEWEST', first: 2, after });
      emails.push(...page.edges.map((edge) => edge.node.email));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(emails).toEqual(['cleo@bigco.example', 'ben@bigco.example', 'ana@bigco.example']);

    // A client that changes the sort but keeps its cursor holds a time where a score goes.
    const newest = await leads.list(team.sales, { sort: 'NEWEST', first: 1 });
    await expect(
      leads.list(team.sales, { sort: 'FIT', first: 1, after: newest.pageInfo.endCursor }),
    ).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    await expect(
      leads.create(team.marketing, { email: 'dee@bigco.example', ownerId: 'x' }),
    ).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
  });

  it('finds leads by a full name, a first or last name, part of the e-mail or the company', async () => {
    const team = await newTeam();
    await leads.create(team.marketing, {
      email: 'noah@bigco.example',
      firstName: 'Noah',
      lastName: 'Schmidt',
      companyName: 'Big Co',
    });
    await leads.create(team.marketing, {
      email: 'mia@other.example',
      firstName: 'Mia',
      companyName: 'Noahs Ark',
    });
    await leads.create(team.marketing, { email: 'x_y@bigco.example' });
    const found = async (search: string) =>
      (await leads.list(team.sales, { sort: 'NEWEST', first: 10, filter: { search } })).edges
        .map((edge) => edge.node.email)
        .sort();
    expect([
      await found('Noah Schmidt'),
      await found('noah'),
      await found('schmidt'),
      await found('Big Co'),
      await found('x_y'),
      await found('Mia Schmidt'),
    ]).toEqual([
      ['noah@bigco.example'],
      ['mia@other.example', 'noah@bigco.example'],
      ['noah@bigco.example'],
      // x_y took its company's name from noah, its colleague at bigco.example.
      ['noah@bigco.example', 'x_y@bigco.example'],
      ['x_y@bigco.example'],
      [],
    ]);
  });

  it("lists a member's leads or the leads no one owns, but not both at once", async () => {
    const team = await newTeam();
    await leads.create(team.marketing, { email: 'owned@bigco.example', ownerId: team.sales.id });
    await leads.create(team.marketing, { email: 'nobody@bigco.example' });
    const emails = async (filter: { ownerId?: string; unassigned?: boolean }) => {
      const page = await leads.list(team.sales, { sort: 'NEWEST', first: 10, filter });
      return [page.totalCount, page.edges.map((edge) => edge.node.email).sort()];
    };
    expect(await emails({ unassigned: true })).toEqual([1, ['nobody@bigco.example']]);
    expect(await emails({ ownerId: team.sales.id })).toEqual([1, ['owned@bigco.example']]);
    expect(await emails({ unassigned: false })).toEqual([2, ['nobody@bigco.example', 'owned@bigco.example']]);
    await expect(emails({ ownerId: team.sales.id, unassigned: true })).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
    });
  });

  it("never shows one workspace's leads to another", async () => {
    const team = await newTeam();
    const lead = await leads.create(team.marketing, fitLead);
    const stranger = await newTeam();
    await expect(leads.detail(stranger.sales, lead.id)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    expect((await leads.list(stranger.sales, { sort: 'FIT', first: 10 })).totalCount).toBe(0);
    const report = await ingestion.ingest(
      { workspaceId: stranger.workspaceId },
      [{ externalId: 'e', type: 'DEMO_REQUEST', occurredAt: '2026-11-24T09:00:00Z', lead: { id: lead.id } }],
      clock.now(),
      'soon',
    );
    expect(report.items[0].status).toBe('UNMATCHED');
  });
});
