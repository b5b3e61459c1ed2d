import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import { LeadsRepository, ScoringStateRepository } from '@accord/api/leads/data-access';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { AuthMember, SharedAuthModule, TokenService } from '@accord/api/shared/auth';
import { TenantDb } from '@accord/api/shared/database';
import { ErrorCode, GraphqlSetupModule, createValidationPipe } from '@accord/api/shared/graphql';
import {
  FrozenClock,
  TestDatabase,
  TestTeam,
  createTeam,
  createTestDatabase,
  testModule,
} from '@accord/api/shared/testing';
import { WebhooksRepository } from '@accord/api/webhooks/data-access';
import type { LifecycleStage } from '@accord/domain/leads';

import { LeadTimelineService } from './lead-timeline.service';
import { MeetingsService } from './meetings.service';
import { OpportunitiesService } from './opportunities.service';
import { PipelineModule } from './pipeline.module';

type Team = TestTeam<'marketing' | 'sales' | 'rex' | 'manager' | 'admin'> & { versionId: string };

describe('meetings and opportunities on PostgreSQL', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let url: string;
  let meetings: MeetingsService;
  let opportunities: OpportunitiesService;
  let timeline: LeadTimelineService;
  const clock = new FrozenClock();

  /** A workspace with one member per role and a scoring pointer (the version in force). */
  async function newTeam(): Promise<Team> {
    const team: Team = {
      ...(await createTeam(app, {
        marketing: { name: 'mia', roles: ['MARKETING'] },
        sales: { name: 'sam', roles: ['SALES'] },
        rex: { name: 'rex', roles: ['SALES'] },
        manager: { name: 'sue', roles: ['SALES'], approver: true },
        admin: { name: 'ada', roles: ['ADMIN'] },
      })),
      versionId: randomUUID(),
    };
    const { workspaceId } = team;
    // The version leads are scored by: what the pipeline records as the version in force.
    await app
      .get(TenantDb)
      .inWorkspace(workspaceId, (manager) =>
        app.get(ScoringStateRepository).setPointer(manager, workspaceId, team.versionId, clock.now()),
      );
    return team;
  }

  /**
   * A lead at `stage`; SAL and later carry the acceptance transition at `acceptedAt`, as the handover writes it
   * (the handover API is built beside this one, so the test stores its outcome directly).
   */
  async function leadAt(team: Team, stage: LifecycleStage, acceptedAt = clock.now()): Promise<string> {
    const id = randomUUID();
    await app.get(TenantDb).inWorkspace(team.workspaceId, async (manager) => {
      const leads = app.get(LeadsRepository);
      await leads.insert(manager, {
        workspaceId: team.workspaceId,
        id,
        ownerId: null,
        at: new Date('2026-11-01T09:00:00Z'),
        email: `${id.slice(0, 8)}@bigco.example`,
        firstName: null,
        lastName: null,
        title: null,
        seniority: null,
        department: null,
        budgetAuthority: null,
        companyName: null,
        companyDomain: 'bigco.example',
        employeeCount: null,
        annualRevenue: null,
        industry: null,
        country: null,
        technologies: [],
        source: null,
        campaign: null,
      });
      if (stage === 'LEAD') return;
      await leads.setStages(manager, [{ id, stage }], acceptedAt);
      await leads.insertTransitions(manager, [
        {
          leadId: id,
          fromStage: 'MQL',
          toStage: 'SAL',
          versionId: team.versionId,
          actorId: team.sales.id,
          reason: 'accepted',
          at: acceptedAt,
        },
      ]);
    });
    return id;
  }

  async function leadRow(team: Team, id: string) {
    return app.get(TenantDb).inWorkspace(team.workspaceId, async (manager) => ({
      stage: (await app.get(LeadsRepository).findById(manager, id))?.stage,
      transitions: (await app.get(LeadsRepository).transitions(manager, id)).map((t) => ({
        from: t.fromStage,
        to: t.toStage,
        actor: t.actorId,
        version: t.versionId,
        reason: t.reason,
      })),
    }));
  }

  /** An endpoint listening to opportunity.closed, so closing stores an event for it. */
  async function subscribe(team: Team): Promise<void> {
    await app.get(TenantDb).inWorkspace(team.workspaceId, (manager) =>
      app.get(WebhooksRepository).insertEndpoint(manager, {
        workspaceId: team.workspaceId,
        id: randomUUID(),
        url: 'https://crm.example/hooks',
        description: 'CRM',
        events: ['opportunity.closed'],
        active: true,
        secretCiphertext: 'not used here',
        secretPrefix: 'whsec_test',
        createdById: team.admin.id,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      }),
    );
  }

  async function webhookEvents(team: Team): Promise<{ type: string; payload: Record<string, unknown> }[]> {
    return app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        manager.query(`SELECT type, payload FROM webhook_events ORDER BY occurred_at`),
      );
  }

  async function graphql(member: AuthMember, query: string, variables: Record<string, unknown>) {
    const { accessToken } = await app.get(TokenService).issue(member);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data: Record<string, unknown> | null;
      errors?: { message: string; extensions: { code: string } }[];
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const moduleRef = await testModule(
      database,
      clock,
      [
        GraphqlSetupModule.forRoot({ production: false }),
        SharedAuthModule,
        MembersDataAccessModule,
        PipelineModule,
      ],
      { poolSize: 6 },
    ).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalPipes(createValidationPipe());
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
    meetings = app.get(MeetingsService);
    opportunities = app.get(OpportunitiesService);
    timeline = app.get(LeadTimelineService);
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  beforeEach(() => {
    clock.current = new Date('2026-11-25T09:00:00.000Z');
  });

  it('opens an opportunity on an accepted lead, moves it forward and closes it WON, recording every step', async () => {
    const team = await newTeam();
    const leadId = await leadAt(team, 'SQL', new Date('2026-11-20T09:00:00Z'));
    await subscribe(team);

    const opened = await opportunities.open(team.sales, { leadId, amount: 25_000, name: 'Big Co platform' });
    expect(opened).toMatchObject({
      leadId,
      name: 'Big Co platform',
      stage: 'DISCOVERY',
      amount: 25_000,
      currency: 'USD',
      ownerId: team.sales.id,
      ownerName: 'sam',
      closeDate: null,
      revision: 1,
    });
    clock.current = new Date('2026-11-26T10:00:00Z');
    await opportunities.move(team.sales, { opportunityId: opened.id, stage: 'DEMO' });
    await opportunities.updateAmount(team.admin, { opportunityId: opened.id, amount: 30_000.5 });
    await opportunities.move(team.sales, { opportunityId: opened.id, stage: 'NEGOTIATION' });
    clock.current = new Date('2026-11-27T10:00:00Z');
    const won = await opportunities.move(team.sales, {
      opportunityId: opened.id,
      stage: 'WON',
      amount: 28_000,
      closeDate: '2026-11-27',
    });

    expect(won).toMatchObject({
      stage: 'WON',
      amount: 28_000,
      closeDate: '2026-11-27',
      lostReason: null,
      revision: 5,
    });
    expect(won.closedAt).toEqual(new Date('2026-11-27T10:00:00Z'));
    expect(won.transitions.map((t) => [t.fromStage, t.toStage, t.amount, t.actorName])).toEqual([
      [null, 'DISCOVERY', 25_000, 'sam'],
      ['DISCOVERY', 'DEMO', 25_000, 'sam'],
      ['DEMO', 'DEMO', 30_000.5, 'ada'],
      ['DEMO', 'NEGOTIATION', 30_000.5, 'sam'],
      ['NEGOTIATION', 'WON', 28_000, 'sam'],
    ]);
    expect(await webhookEvents(team)).toEqual([
      {
        type: 'opportunity.closed',
        payload: {
          opportunityId: opened.id,
          leadId,
          name: 'Big Co platform',
          stage: 'WON',
          amount: 28_000,
          currency: 'USD',
          closeDate: '2026-11-27',
          lostReason: null,
          ownerId: team.sales.id,
          closedById: team.sales.id,
          openedAt: '2026-11-25T09:00:00.000Z',
          closedAt: '2026-11-27T10:00:00.000Z',
          versionId: team.versionId,
        },
      },
    ]);
    const lead = await leadRow(team, leadId);
    expect(lead.stage).toBe('WON');
    expect(lead.transitions.slice(0, 2)).toEqual([
      {
        from: 'OPPORTUNITY',
        to: 'WON',
        actor: team.sales.id,
        version: team.versionId,
        reason: 'opportunity won',
      },
      {
        from: 'SQL',
        to: 'OPPORTUNITY',
        actor: team.sales.id,
        version: team.versionId,
        reason: 'opportunity opened',
      },
    ]);
    const entries = await timeline.timeline(team.marketing, leadId);
    expect(entries.slice(0, 3).map((entry) => [entry.kind, entry.summary])).toEqual([
      ['OPPORTUNITY', 'Opportunity Negotiation → Won at 28,000 USD'],
      ['LEAD_STAGE', 'Opportunity → Won: opportunity won'],
      ['OPPORTUNITY', 'Opportunity Demo → Negotiation at 30,000.50 USD'],
    ]);
  });

  it('closes LOST only with a reason, and then keeps the opportunity as it closed', async () => {
    const team = await newTeam();
    const leadId = await leadAt(team, 'SAL');
    const opened = await opportunities.open(team.sales, { leadId, amount: 10_000 });

    await expect(
      opportunities.move(team.sales, { opportunityId: opened.id, stage: 'LOST', closeDate: '2026-11-25' }),
    ).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, fields: [{ field: 'lostReason' }] });
    expect((await opportunities.list(team.sales, leadId))[0]).toMatchObject({
      stage: 'DISCOVERY',
      revision: 1,
    });

    const lost = await opportunities.move(team.sales, {
      opportunityId: opened.id,
      stage: 'LOST',
      closeDate: '2026-11-25',
      lostReason: ' Chose a competitor ',
    });
    expect(lost).toMatchObject({ stage: 'LOST', lostReason: 'Chose a competitor', closeDate: '2026-11-25' });
    expect((await leadRow(team, leadId)).transitions[0]).toMatchObject({
      to: 'LOST',
      reason: 'opportunity lost: Chose a competitor',
    });
    await expect(
      opportunities.updateAmount(team.sales, { opportunityId: opened.id, amount: 1 }),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    await expect(
      opportunities.move(team.sales, { opportunityId: opened.id, stage: 'WON', closeDate: '2026-11-25' }),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, message: 'The opportunity is already closed LOST.' });
  });

  it('refuses a close date before the opportunity opened, a backward move and bad amounts, changing nothing', async () => {
    const team = await newTeam();
    const leadId = await leadAt(team, 'SAL');
    const opened = await opportunities.open(team.sales, { leadId, amount: 500 });
    await subscribe(team);
    await opportunities.move(team.sales, { opportunityId: opened.id, stage: 'DEMO' });

    await expect(
      opportunities.move(team.sales, { opportunityId: opened.id, stage: 'WON', closeDate: '2026-11-24' }),
    ).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'closeDate: must not be before the opportunity opened (2026-11-25)',
    });
    await expect(
      opportunities.move(team.sales, { opportunityId: opened.id, stage: 'DISCOVERY' }),
    ).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, fields: [{ field: 'stage' }] });
    for (const amount of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1e12]) {
      await expect(
        opportunities.updateAmount(team.sales, { opportunityId: opened.id, amount }),
      ).rejects.toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
        fields: [{ field: 'amount' }],
      });
    }
    await expect(
      opportunities.open(team.sales, { leadId: await leadAt(team, 'SAL'), amount: -5 }),
    ).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, message: 'amount: must not be negative' });

    const [unchanged] = await opportunities.list(team.sales, leadId);
    expect(unchanged).toMatchObject({ stage: 'DEMO', amount: 500, revision: 2 });
    expect(await webhookEvents(team)).toEqual([]);
    expect(unchanged.transitions).toHaveLength(2);
  });

  it('opens on accepted leads only, one open opportunity per lead', async () => {
    const team = await newTeam();
    await expect(
      opportunities.open(team.sales, { leadId: await leadAt(team, 'LEAD'), amount: 1 }),
    ).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'Opportunities open on leads sales have accepted (SAL or SQL); this lead is LEAD.',
    });
    const leadId = await leadAt(team, 'SAL');
    const results = await Promise.allSettled([
      opportunities.open(team.sales, { leadId, amount: 1 }),
      opportunities.open(team.admin, { leadId, amount: 2 }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({
      reason: { code: ErrorCode.CONFLICT, message: 'The lead already has an open opportunity.' },
    });
    expect(await opportunities.list(team.sales, leadId)).toHaveLength(1);
  });

  it('lets exactly one of two concurrent closes of an opportunity succeed', async () => {
    const team = await newTeam();
    const leadId = await leadAt(team, 'SAL');
    const opened = await opportunities.open(team.sales, { leadId, amount: 9_000 });
    await subscribe(team);

    const results = await Promise.allSettled([
      opportunities.move(team.sales, { opportunityId: opened.id, stage: 'WON', closeDate: '2026-11-25' }),
      opportunities.move(team.admin, {
        opportunityId: opened.id,
        stage: 'LOST',
        closeDate: '2026-11-25',
        lostReason: 'No budget',
      }),
    ]);

    const succeeded = results.filter((result) => result.status === 'fulfilled');
    expect(succeeded).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({
      reason: { code: ErrorCode.CONFLICT },
    });
    const [stored] = await opportunities.list(team.sales, leadId);
    expect(stored.transitions.map((t) => t.toStage)).toEqual(['DISCOVERY', stored.stage]);
    const lead = await leadRow(team, leadId);
    expect(lead.stage).toBe(stored.stage);
    expect(lead.transitions.filter((t) => t.from === 'OPPORTUNITY')).toHaveLength(1);
    expect((await webhookEvents(team)).map((event) => event.payload['stage'])).toEqual([stored.stage]);
  });

  it("answers NOT_FOUND for another workspace's lead and opportunity, and leaves them unchanged", async () => {
    const ours = await newTeam();
    const theirs = await newTeam();
    const leadId = await leadAt(theirs, 'SAL');
    const opened = await opportunities.open(theirs.sales, { leadId, amount: 100 });

    const notFound = { code: ErrorCode.NOT_FOUND };
    await expect(opportunities.open(ours.sales, { leadId, amount: 1 })).rejects.toMatchObject(notFound);
    await expect(
      opportunities.move(ours.sales, { opportunityId: opened.id, stage: 'WON', closeDate: '2026-11-25' }),
    ).rejects.toMatchObject(notFound);
    await expect(
      opportunities.updateAmount(ours.admin, { opportunityId: opened.id, amount: 5 }),
    ).rejects.toMatchObject(notFound);
    await expect(opportunities.list(ours.sales, leadId)).rejects.toMatchObject(notFound);
    await expect(meetings.book(ours.sales, { leadId, scheduledAt: clock.now() })).rejects.toMatchObject(
      notFound,
    );
    await expect(timeline.timeline(ours.sales, leadId)).rejects.toMatchObject(notFound);

    const [unchanged] = await opportunities.list(theirs.sales, leadId);
    expect(unchanged).toMatchObject({ stage: 'DISCOVERY', amount: 100, revision: 1 });
    expect(await meetings.list(theirs.sales, leadId)).toEqual([]);
  });

  it('counts a meeting held after the lead was accepted as qualified, and one held before as not', async () => {
    const team = await newTeam();
    const leadId = await leadAt(team, 'SAL', new Date('2026-11-20T12:00:00Z'));

    const before = await meetings.book(team.sales, {
      leadId,
      scheduledAt: new Date('2026-11-19T15:00:00Z'),
      title: 'First call',
    });
    const after = await meetings.book(team.admin, {
      leadId,
      scheduledAt: new Date('2026-11-24T15:00:00Z'),
      ownerId: team.admin.id,
    });
    const future = await meetings.book(team.sales, { leadId, scheduledAt: new Date('2026-11-28T15:00:00Z') });

    expect(await meetings.mark(team.sales, { meetingId: before.id, status: 'HELD' })).toMatchObject({
      status: 'HELD',
      qualified: false,
    });
    expect(await meetings.mark(team.admin, { meetingId: after.id, status: 'HELD' })).toMatchObject({
      status: 'HELD',
      qualified: true,
      ownerName: 'ada',
      markedAt: clock.now(),
    });
    await expect(meetings.mark(team.sales, { meetingId: future.id, status: 'HELD' })).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
    });
    await expect(meetings.mark(team.admin, { meetingId: after.id, status: 'NO_SHOW' })).rejects.toMatchObject(
      {
        code: ErrorCode.CONFLICT,
        message: 'The meeting is already marked HELD.',
      },
    );
    expect(await meetings.mark(team.sales, { meetingId: future.id, status: 'CANCELLED' })).toMatchObject({
      status: 'CANCELLED',
      qualified: false,
    });

    const listed = await meetings.list(team.marketing, leadId);
    expect(
      listed.map((meeting) => [meeting.scheduledAt.toISOString(), meeting.status, meeting.qualified]),
    ).toEqual([
      ['2026-11-28T15:00:00.000Z', 'CANCELLED', false],
      ['2026-11-24T15:00:00.000Z', 'HELD', true],
      ['2026-11-19T15:00:00.000Z', 'HELD', false],
    ]);
  });

  it("keeps a rep off a colleague's lead and deal, and lets its owner and a sales manager work it", async () => {
    const team = await newTeam();
    const leadId = await leadAt(team, 'SQL', new Date('2026-11-20T09:00:00Z'));
    await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        app.get(LeadsRepository).assignOwners(manager, [{ id: leadId, ownerId: team.sales.id }]),
      );
    const forbidden = (message: string) => ({ code: ErrorCode.FORBIDDEN, message });
    const book = { leadId, scheduledAt: new Date('2026-11-24T15:00:00Z') };

    // Rex is in sales too, but the lead is Sam's.
    await expect(meetings.book(team.rex, book)).rejects.toMatchObject(
      forbidden("Only the lead's owner or a sales manager books meetings on this lead."),
    );
    await expect(opportunities.open(team.rex, { leadId, amount: 1_000 })).rejects.toMatchObject(
      forbidden("Only the lead's owner or a sales manager opens an opportunity on this lead."),
    );
    // Sam may not give his deal to Rex; the sales manager may.
    await expect(
      opportunities.open(team.sales, { leadId, amount: 1_000, ownerId: team.rex.id }),
    ).rejects.toMatchObject(
      forbidden('Only a sales manager gives a meeting or an opportunity to someone else.'),
    );
    const meeting = await meetings.book(team.sales, book);
    const deal = await opportunities.open(team.manager, { leadId, amount: 1_000, ownerId: team.rex.id });
    expect([meeting.ownerName, deal.ownerName]).toEqual(['sam', 'rex']);

    await expect(meetings.mark(team.rex, { meetingId: meeting.id, status: 'HELD' })).rejects.toMatchObject(
      forbidden("Only the lead's owner, the meeting's owner or a sales manager marks this meeting."),
    );
    // Rex owns the deal, Sam the lead: both work it; a third rep of the team would not.
    await opportunities.move(team.rex, { opportunityId: deal.id, stage: 'DEMO' });
    await opportunities.updateAmount(team.sales, { opportunityId: deal.id, amount: 2_000 });
    await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        app.get(LeadsRepository).assignOwners(manager, [{ id: leadId, ownerId: team.manager.id }]),
      );
    await expect(
      opportunities.move(team.sales, {
        opportunityId: deal.id,
        stage: 'LOST',
        closeDate: '2026-11-25',
        lostReason: 'x',
      }),
    ).rejects.toMatchObject(
      forbidden("Only the lead's owner, the opportunity's owner or a sales manager moves this opportunity."),
    );
    const listed = await opportunities.list(team.sales, leadId);
    expect(listed.map((item) => [item.stage, item.amount])).toEqual([['DEMO', 2_000]]);
  });

  it('never counts a meeting of a lead sales never accepted', async () => {
    const team = await newTeam();
    const leadId = await leadAt(team, 'LEAD');
    const meeting = await meetings.book(team.admin, {
      leadId,
      scheduledAt: new Date('2026-11-24T15:00:00Z'),
    });
    expect(await meetings.mark(team.admin, { meetingId: meeting.id, status: 'HELD' })).toMatchObject({
      qualified: false,
    });
  });

  describe('over GraphQL', () => {
    const open = `mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id stage amount } }`;
    const book = `mutation($input: BookMeetingInput!) { bookMeeting(input: $input) { id status } }`;
    const read = `query($leadId: ID!) { opportunities(leadId: $leadId) { stage } meetings(leadId: $leadId) { status } }`;

    it('lets marketing read the pipeline but not write it', async () => {
      const team = await newTeam();
      const leadId = await leadAt(team, 'SAL');

      const refused = await graphql(team.marketing, open, { input: { leadId, amount: 10 } });
      expect(refused.errors?.map((error) => error.extensions.code)).toEqual(['FORBIDDEN']);
      const refusedMeeting = await graphql(team.marketing, book, {
        input: { leadId, scheduledAt: '2026-11-26T10:00:00Z' },
      });
      expect(refusedMeeting.errors?.map((error) => error.extensions.code)).toEqual(['FORBIDDEN']);

      expect(await graphql(team.sales, open, { input: { leadId, amount: 10 } })).toMatchObject({
        data: { openOpportunity: { stage: 'DISCOVERY', amount: 10 } },
      });
      expect(await graphql(team.marketing, read, { leadId })).toEqual({
        data: { opportunities: [{ stage: 'DISCOVERY' }], meetings: [] },
      });
    });

    it('refuses a close date that is not a date with the field named', async () => {
      const team = await newTeam();
      const leadId = await leadAt(team, 'SAL');
      const opened = await opportunities.open(team.sales, { leadId, amount: 10 });
      const answer = await graphql(
        team.sales,
        `
          mutation ($input: MoveOpportunityInput!) {
            moveOpportunity(input: $input) {
              stage
            }
          }
        `,
        { input: { opportunityId: opened.id, stage: 'WON', closeDate: '2026-02-30' } },
      );
      expect(answer.errors).toMatchObject([
        { message: 'closeDate: not a day of the calendar', extensions: { code: 'BAD_USER_INPUT' } },
      ]);
    });
  });
});
