import { INestApplicationContext } from '@nestjs/common';

// A published agreement is what scores the signals; the test publishes one through the real lifecycle.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AgreementsModule, AgreementsService } from '@accord/api/agreements/feature';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { OwnerDb, TenantDb } from '@accord/api/shared/database';
import {
  FrozenClock,
  TestDatabase,
  TestTeam,
  createTeam,
  createTestDatabase,
  failingInsert,
  terminateWhileWriting,
  testModule,
} from '@accord/api/shared/testing';

import { LeadsModule } from './leads.module';
import { LeadsService } from './leads.service';
import { RescoreWorker } from './rescore.worker';
import { SignalApplier } from './signal-applier';
import { SignalIngestionService } from './signal-ingestion.service';

type Team = TestTeam<'marketing' | 'sales'>;

/**
 * The signal applier when it dies mid-transaction — after it took signals from the inbox and folded them into
 * their lead, before it committed — and the poll after it, on another process.
 */
describe('the signal applier after a pass dies mid-transaction', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  const clock = new FrozenClock();

  function startApp(): Promise<INestApplicationContext> {
    return testModule(database, clock, [MembersDataAccessModule, AgreementsModule, LeadsModule])
      .compile()
      .then((moduleRef) => moduleRef.init());
  }

  /** A workspace with a version in force, so that signals score and move leads. */
  async function newTeam(): Promise<Team> {
    const team = await createTeam(app, {
      marketing: { name: 'Mia', roles: ['MARKETING'], approver: true },
      sales: { name: 'Sue', roles: ['SALES'], approver: true },
    });
    const agreements = app.get(AgreementsService);
    const draft = await agreements.createDraft(team.marketing, {});
    await agreements.propose(team.marketing, { versionId: draft.id, revision: draft.revision });
    await agreements.sign(team.marketing, {
      versionId: draft.id,
      revision: draft.revision,
      side: 'MARKETING',
    });
    await agreements.sign(team.sales, { versionId: draft.id, revision: draft.revision, side: 'SALES' });
    await app.get(RescoreWorker).drain();
    return team;
  }

  /** A demo request and a pricing visit for a good-fit lead: enough to make it an MQL. */
  function hotSignals(leadId: string) {
    return ['DEMO_REQUEST', 'PRICING_PAGE_VISIT'].map((type) => ({
      externalId: `${leadId}-${type}`,
      type,
      occurredAt: new Date(clock.current.getTime() - 3_600_000).toISOString(),
      lead: { id: leadId },
    }));
  }

  /** Everything applying the lead's signals changes, and what waits in the inbox. */
  async function applied(team: Team, leadId: string) {
    const [state] = await app.get(TenantDb).inWorkspace(team.workspaceId, (manager) =>
      manager.query(
        `SELECT l.stage, l.signal_count AS "signalCount", l.signal_summary IS NOT NULL AND l.signal_summary <> '{}'::jsonb AS summarised,
                (SELECT array_agg(t.to_stage ORDER BY t.id) FROM lead_transitions t WHERE t.lead_id = l.id) AS moves,
                (SELECT count(*)::int FROM signals s WHERE s.lead_id = l.id) AS stored,
                (SELECT count(*)::int FROM signal_inbox i WHERE i.lead_id = l.id) AS waiting
           FROM leads l WHERE l.id = $1`,
        [leadId],
      ),
    );
    return state;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  // Checks that taking signals from the inbox and applying them commit together: were they taken in a
  // transaction of their own, the dead pass would have emptied the inbox and the signals would never count;
  // applied twice, the lead would count four.
  it.each([
    ['its connection was terminated as it recorded the move to MQL', 'terminated'],
    ['a statement after the summary was saved failed', 'failed'],
  ])('applies each signal once after an ingesting request’s pass died: %s', async (_, how) => {
    if (how === 'terminated' && database.embedded) return; // one connection: no lock to wait on
    const team = await newTeam();
    const lead = await app.get(LeadsService).create(team.marketing, {
      email: `vp-${team.workspaceId.slice(0, 8)}@bigco.example`,
      title: 'VP Marketing',
      seniority: 'VP',
      budgetAuthority: true,
      employeeCount: 500,
      industry: 'Software',
      country: 'US',
    });
    const before = await applied(team, lead.id);
    // The web app's ingest stores the signals, then applies them at once — and dies doing so.
    const ingest = (process: INestApplicationContext) =>
      process
        .get(SignalIngestionService)
        .ingest({ workspaceId: team.workspaceId }, hotSignals(lead.id), clock.now(), 'now');
    if (how === 'failed') {
      await failingInsert(app.get(OwnerDb), 'lead_transitions', `NEW.to_stage = 'MQL'`, () => ingest(app));
    } else {
      const replica = await startApp();
      try {
        await terminateWhileWriting(database.url, 'lead_transitions', () => ingest(replica));
      } finally {
        await replica.close().catch(() => undefined);
      }
    }
    expect(await applied(team, lead.id)).toEqual({ ...before, stored: 2, waiting: 2 });

    // The poll of another process applies them, once; a second poll finds nothing.
    const applier = app.get(SignalApplier);
    expect(await applier.drain()).toBe(2);
    expect(await applier.drain()).toBe(0);
    expect(await applied(team, lead.id)).toEqual({
      stage: 'MQL',
      signalCount: 2,
      summarised: true,
      moves: [...(before['moves'] ?? []), 'MQL'],
      stored: 2,
      waiting: 0,
    });
  });

  // Checks that the poll applies workspaces in turn, passing over one that fails: were it to stop at the first
  // failure, whichever workspace came after the failing one would keep its signals waiting for as long as that
  // one failed. The poll's order is the database's, so each of the two workspaces takes a turn at failing.
  it('applies the other workspaces when one fails, whichever comes first', async () => {
    const teams = [await newTeam(), await newTeam()];
    const applier = app.get(SignalApplier);
    for (const failing of [0, 1]) {
      const leads = await Promise.all(
        teams.map((team, index) =>
          app.get(LeadsService).create(team.marketing, {
            email: `vp-${failing}-${index}-${team.workspaceId.slice(0, 8)}@bigco.example`,
            title: 'VP Marketing',
            seniority: 'VP',
            budgetAuthority: true,
            employeeCount: 500,
            industry: 'Software',
            country: 'US',
          }),
        ),
      );
      // Both workspaces' signals wait in the inbox: their ingest's own pass died.
      await failingInsert(app.get(OwnerDb), 'lead_transitions', `NEW.to_stage = 'MQL'`, async () => {
        for (const [index, team] of teams.entries())
          await app
            .get(SignalIngestionService)
            .ingest({ workspaceId: team.workspaceId }, hotSignals(leads[index].id), clock.now(), 'now')
            .catch((error: unknown) => {
              if (index === teams.length - 1) throw error;
            });
      });

      const sick = teams[failing].workspaceId;
      await failingInsert(app.get(OwnerDb), 'lead_transitions', `NEW.workspace_id = '${sick}'`, () =>
        applier.drain(),
      );
      const healthy = 1 - failing;
      expect(await applied(teams[healthy], leads[healthy].id)).toMatchObject({ stage: 'MQL', waiting: 0 });
      expect(await applied(teams[failing], leads[failing].id)).toMatchObject({ waiting: 2 });

      // Once the failing workspace recovers, the next poll applies its signals too.
      expect(await applier.drain()).toBe(2);
      expect(await applied(teams[failing], leads[failing].id)).toMatchObject({ stage: 'MQL', waiting: 0 });
    }
  });
});
