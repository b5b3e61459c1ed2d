import { INestApplicationContext } from '@nestjs/common';

// The test walks the whole funnel through the real services: publishing, scoring, the handover, qualifying.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AgreementsModule, AgreementsService } from '@accord/api/agreements/feature';
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  HandoverOpener,
  HandoversModule,
  HandoversService,
  QualificationService,
} from '@accord/api/handovers/feature';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { LeadsModule, LeadsService, RescoreWorker, SignalIngestionService } from '@accord/api/leads/feature';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import {
  FrozenClock,
  TestDatabase,
  createTeam,
  createTestDatabase,
  testModule,
} from '@accord/api/shared/testing';

import { LeadTimelineService } from './lead-timeline.service';
import { MeetingsService } from './meetings.service';
import { OpportunitiesService } from './opportunities.service';
import { PipelineModule } from './pipeline.module';

const HOUR = 3_600_000;

describe('the funnel from MQL to won, through the handover', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  const clock = new FrozenClock();

  beforeAll(async () => {
    database = await createTestDatabase();
    const moduleRef = await testModule(
      database,
      clock,
      [MembersDataAccessModule, AgreementsModule, LeadsModule, HandoversModule, PipelineModule],
      { poolSize: 6 },
    ).compile();
    app = await moduleRef.init();
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('counts only the meeting held after acceptance, and records every move with its actor and version', async () => {
    const { workspaceId, marketing, sales } = await createTeam(app, {
      marketing: { name: 'Mia', roles: ['MARKETING'], approver: true },
      sales: { name: 'Sue', roles: ['SALES'], approver: true },
    });
    // v1, routing every handover to Sue.
    const agreements = app.get(AgreementsService);
    const draft = await agreements.createDraft(marketing, {});
    const document = structuredClone(draft.document);
    document.handover.routing = { mode: 'ROUND_ROBIN', memberIds: [sales.id] };
    const saved = await agreements.save(marketing, {
      versionId: draft.id,
      baseRevision: draft.revision,
      document,
    });
    await agreements.propose(marketing, { versionId: saved.id, revision: saved.revision });
    await agreements.sign(marketing, { versionId: saved.id, revision: saved.revision, side: 'MARKETING' });
    await agreements.sign(sales, { versionId: saved.id, revision: saved.revision, side: 'SALES' });
    await app.get(RescoreWorker).drain();

    // A good-fit lead that a demo request and a pricing visit make a hot MQL.
    const lead = await app.get(LeadsService).create(marketing, {
      email: 'vp@bigco.example',
      title: 'VP Marketing',
      seniority: 'VP',
      budgetAuthority: true,
      employeeCount: 500,
      industry: 'Software',
      country: 'US',
    });
    await app.get(SignalIngestionService).ingest(
      { workspaceId },
      ['DEMO_REQUEST', 'PRICING_PAGE_VISIT'].map((type) => ({
        externalId: `${lead.id}-${type}`,
        type,
        occurredAt: new Date(clock.current.getTime() - HOUR).toISOString(),
        lead: { id: lead.id },
      })),
      clock.now(),
      'now',
    );
    await app.get(HandoverOpener).drain();

    // A first call before sales accepted; then acceptance, qualification and a demo.
    const meetings = app.get(MeetingsService);
    const before = await meetings.book(sales, {
      leadId: lead.id,
      scheduledAt: new Date('2026-11-25T08:30:00Z'),
    });
    clock.current = new Date('2026-11-25T10:00:00Z');
    const handovers = app.get(HandoversService);
    const [{ node }] = (await handovers.queue(sales, { scope: 'MINE', view: 'UNDECIDED', first: 10 })).edges;
    await handovers.accept(sales, node.id);
    const qualifying = app.get(QualificationService);
    const checklist = await qualifying.qualification(sales, lead.id);
    await qualifying.answerQualification(sales, {
      leadId: lead.id,
      answers: (checklist?.items ?? []).map((item) => ({ key: item.key, met: true })),
    });
    const demo = await meetings.book(sales, {
      leadId: lead.id,
      scheduledAt: new Date('2026-11-25T11:00:00Z'),
    });
    clock.current = new Date('2026-11-25T12:00:00Z');
    expect(await meetings.mark(sales, { meetingId: before.id, status: 'HELD' })).toMatchObject({
      qualified: false,
    });
    expect(await meetings.mark(sales, { meetingId: demo.id, status: 'HELD' })).toMatchObject({
      qualified: true,
    });

    const opportunities = app.get(OpportunitiesService);
    const opened = await opportunities.open(sales, { leadId: lead.id, amount: 48_000 });
    clock.current = new Date('2026-11-26T12:00:00Z');
    await opportunities.move(sales, { opportunityId: opened.id, stage: 'PROOF_OF_CONCEPT' });
    const won = await opportunities.move(sales, {
      opportunityId: opened.id,
      stage: 'WON',
      closeDate: '2026-11-26',
    });
    expect(won.transitions.map((t) => [t.toStage, t.actorName, t.versionNumber])).toEqual([
      ['DISCOVERY', 'Sue', 1],
      ['PROOF_OF_CONCEPT', 'Sue', 1],
      ['WON', 'Sue', 1],
    ]);

    const detail = await app.get(LeadsService).detail(marketing, lead.id);
    expect(detail.lead.stage).toBe('WON');
    expect([...detail.transitions].reverse().map((t) => [t.fromStage, t.toStage, t.versionNumber])).toEqual([
      [null, 'LEAD', 1],
      ['LEAD', 'NURTURE', 1],
      ['NURTURE', 'MQL', 1],
      ['MQL', 'SAL', 1],
      ['SAL', 'SQL', 1],
      ['SQL', 'OPPORTUNITY', 1],
      ['OPPORTUNITY', 'WON', 1],
    ]);
    const timeline = await app.get(LeadTimelineService).timeline(marketing, lead.id);
    expect(timeline.filter((entry) => entry.kind === 'MEETING_MARKED').map((entry) => entry.summary)).toEqual(
      ['Meeting held — a qualified meeting held', 'Meeting held'],
    );
  });
});
