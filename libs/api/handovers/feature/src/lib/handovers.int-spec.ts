import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

// The test drives the real paths that make a lead an MQL: a published agreement, a lead and its signals.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AgreementsModule, AgreementsService } from '@accord/api/agreements/feature';
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  LeadsModule,
  LeadsService,
  RecycleSweep,
  RescoreWorker,
  SignalIngestionService,
} from '@accord/api/leads/feature';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { AuthMember } from '@accord/api/shared/auth';
import { TenantDb } from '@accord/api/shared/database';
import { AppError, ErrorCode } from '@accord/api/shared/graphql';
import { MailDeliveryWorker, MailOutboxRepository } from '@accord/api/shared/mail-outbox';
import {
  FrozenClock,
  TestDatabase,
  TestTeam,
  createTeam,
  createTestDatabase,
  testModule,
} from '@accord/api/shared/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  WebhookDeliveryWorker,
  WebhooksModule,
  WebhooksService,
  hmacHex,
} from '@accord/api/webhooks/feature';
import { verifySignatureHeader } from '@accord/domain/webhooks';

import { HandoverExpirer } from './handover-expirer';
import { HandoverOpener } from './handover-opener';
import { HandoversModule } from './handovers.module';
import { HandoversService } from './handovers.service';
import { QualificationService } from './qualification.service';

type Team = TestTeam<'marketing' | 'manager' | 'rep' | 'rex' | 'admin'> & {
  slaHours: Record<'HOT' | 'WARM' | 'COLD', number>;
};

const HOUR = 3_600_000;

describe('handovers on PostgreSQL', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let leads: LeadsService;
  let handovers: HandoversService;
  let qualifications: QualificationService;
  let opener: HandoverOpener;
  let expirer: HandoverExpirer;
  const clock = new FrozenClock();

  async function newTeam(): Promise<Team> {
    const members = await createTeam(app, {
      marketing: { name: 'Mia', roles: ['MARKETING'], approver: true },
      // Signs for sales: a sales manager.
      manager: { name: 'Sue', roles: ['SALES'], approver: true },
      rep: { name: 'Sam', roles: ['SALES'] },
      rex: { name: 'Rex', roles: ['SALES'] },
      admin: { name: 'Ada', roles: ['ADMIN'] },
    });
    const team: Team = { ...members, slaHours: { HOT: 0, WARM: 0, COLD: 0 } };
    // Leads go to Sam and Rex in turn.
    const agreements = app.get(AgreementsService);
    const draft = await agreements.createDraft(team.marketing, {});
    const document = structuredClone(draft.document);
    document.handover.routing = { mode: 'ROUND_ROBIN', memberIds: [team.rep.id, team.rex.id] };
    team.slaHours = document.handover.slaHours;
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
    await agreements.sign(team.manager, { versionId: saved.id, revision: saved.revision, side: 'SALES' });
    await app.get(RescoreWorker).drain();
    return team;
  }

  /** A good-fit lead that a demo request and a pricing visit make a hot MQL; returns its id. */
  async function hotMql(team: Team, extra: { source?: string } = {}): Promise<string> {
    const lead = await leads.create(team.marketing, {
      email: `vp-${randomUUID().slice(0, 8)}@bigco.example`,
      title: 'VP Marketing',
      seniority: 'VP',
      budgetAuthority: true,
      employeeCount: 500,
      industry: 'Software',
      country: 'US',
      ...extra,
    });
    await app.get(SignalIngestionService).ingest(
      { workspaceId: team.workspaceId },
      ['DEMO_REQUEST', 'PRICING_PAGE_VISIT'].map((type) => ({
        externalId: `${lead.id}-${type}`,
        type,
        occurredAt: new Date(clock.current.getTime() - HOUR).toISOString(),
        lead: { id: lead.id },
      })),
      clock.now(),
      'now',
    );
    return lead.id;
  }

  async function queueOf(member: AuthMember, scope: 'MINE' | 'TEAM' | 'UNASSIGNED' = 'MINE') {
    return handovers.queue(member, { scope, view: 'UNDECIDED', first: 50 });
  }

  function defined<T>(value: T | null | undefined, what: string): T {
    if (value === null || value === undefined) throw new Error(`expected ${what}`);
    return value;
  }

  async function expectError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return error as AppError;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const moduleRef = await testModule(
      database,
      clock,
      [MembersDataAccessModule, AgreementsModule, LeadsModule, HandoversModule, WebhooksModule],
      { poolSize: 8 },
    ).compile();
    app = await moduleRef.init();
    leads = app.get(LeadsService);
    handovers = app.get(HandoversService);
    qualifications = app.get(QualificationService);
    opener = app.get(HandoverOpener);
    expirer = app.get(HandoverExpirer);
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('opens one handover per new MQL, routed in turn, due by the SLA for its temperature, explained', async () => {
    const team = await newTeam();
    const first = await hotMql(team);
    const second = await hotMql(team);
    const mqlAt = clock.now();
    expect(await opener.drain()).toBe(2);
    expect(await opener.drain()).toBe(0);

    const [samQueue, rexQueue] = [await queueOf(team.rep), await queueOf(team.rex)];
    expect(samQueue.edges.map((edge) => edge.node.lead.id)).toEqual([first]);
    expect(rexQueue.edges.map((edge) => edge.node.lead.id)).toEqual([second]);
    const handover = samQueue.edges[0].node;
    expect(handover).toMatchObject({
      status: 'OPEN',
      grade: 'A',
      temperature: 'HOT',
      outcome: expect.stringMatching(/MQL|FAST_TRACK/),
      owner: { id: team.rep.id, name: 'Sam' },
      versionNumber: 1,
      handedOverAt: mqlAt,
      lead: {
        stage: 'MQL',
        recentSignals: expect.arrayContaining([
          expect.objectContaining({ type: 'DEMO_REQUEST', count: 1 }),
          expect.objectContaining({ type: 'PRICING_PAGE_VISIT', count: 1 }),
        ]),
      },
    });
    expect(handover.dueAt.getTime() - mqlAt.getTime()).toBe(team.slaHours.HOT * HOUR);
    expect(handover.explanation).toContain('Demo request');
    expect((await leads.detail(team.rep, first)).lead.ownerId).toBe(team.rep.id);
    expect((await (await queueOf(team.manager, 'TEAM')).counts()).undecided).toBe(2);
  });

  it('routes past a listed member who is no longer in sales, who could neither see nor decide it', async () => {
    const team = await newTeam();
    // Rex moved to marketing after the version was signed; the agreement still lists him.
    await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        manager.query(`UPDATE members SET roles = '{MARKETING}' WHERE id = $1`, [team.rex.id]),
      );
    const leadIds = [await hotMql(team), await hotMql(team)];
    expect(await opener.drain()).toBe(2);

    const owners = await Promise.all(
      leadIds.map(async (id) => (await leads.detail(team.manager, id)).lead.ownerId),
    );
    expect(owners).toEqual([team.rep.id, team.rep.id]);
  });

  it('takes exactly one decision when several people decide at once; the rest get a CONFLICT naming it', async () => {
    const team = await newTeam();
    const leadId = await hotMql(team);
    await opener.drain();
    const [{ node }] = (await queueOf(team.rep)).edges;
    const reason = node.rejectionReasons[0].key;
    const attempts = await Promise.allSettled([
      handovers.accept(team.rep, node.id),
      handovers.reject(team.manager, node.id, reason, 'not now'),
      handovers.accept(team.manager, node.id),
      handovers.reject(team.rep, node.id, reason, null),
      handovers.accept(team.admin, node.id),
    ]);
    const won = attempts.filter((attempt) => attempt.status === 'fulfilled');
    const lost = attempts.flatMap((attempt) =>
      attempt.status === 'rejected' ? [attempt.reason as AppError] : [],
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(4);
    for (const error of lost) {
      expect(error.code).toBe(ErrorCode.CONFLICT);
      expect(error.message).toMatch(
        /already (accepted|rejected).* by .* at \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC\.$/,
      );
    }
    const detail = await leads.detail(team.rep, leadId);
    const decisions = detail.transitions.filter((transition) => transition.fromStage === 'MQL');
    expect(decisions).toHaveLength(1);
    const history = await handovers.detail(team.rep, node.id);
    expect(history.events.map((event) => event.kind)).toEqual(['CREATED', history.status]);
    expect(history.withinSla).toBe(true);
  });

  it('accepts into SAL and qualifies into SQL once enough checklist items hold', async () => {
    const team = await newTeam();
    const leadId = await hotMql(team);
    await opener.drain();
    const [{ node }] = (await queueOf(team.rep)).edges;
    await expectError(handovers.accept(team.rex, node.id), ErrorCode.FORBIDDEN);
    expect(await qualifications.qualification(team.rep, leadId)).toBeNull();

    const accepted = await handovers.accept(team.rep, node.id);
    expect(accepted).toMatchObject({
      status: 'ACCEPTED',
      decidedBy: { id: team.rep.id },
      lead: { stage: 'SAL' },
    });
    const lead = await leads.detail(team.rep, leadId);
    expect(lead.transitions[0]).toMatchObject({ fromStage: 'MQL', toStage: 'SAL', versionNumber: 1 });

    const checklist = defined(await qualifications.qualification(team.rep, leadId), 'a checklist');
    await expectError(
      qualifications.answerQualification(team.rep, { leadId, answers: [{ key: 'made-up', met: true }] }),
      ErrorCode.BAD_USER_INPUT,
    );
    const keys = checklist.items.map((item) => item.key);
    const short = await qualifications.answerQualification(team.rep, {
      leadId,
      answers: keys.slice(0, checklist.required - 1).map((key) => ({ key, met: true })),
    });
    expect(short).toMatchObject({ qualified: false, stage: 'SAL', met: checklist.required - 1 });
    const enough = await qualifications.answerQualification(team.rep, {
      leadId,
      answers: [{ key: keys[checklist.required - 1], met: true, note: 'budget confirmed' }],
    });
    expect(enough).toMatchObject({ qualified: true, stage: 'SQL' });
    expect(enough.items[checklist.required - 1]).toMatchObject({
      met: true,
      note: 'budget confirmed',
      answeredBy: { name: 'Sam' },
    });
    await expectError(
      qualifications.answerQualification(team.rex, { leadId, answers: [{ key: keys[0], met: false }] }),
      ErrorCode.FORBIDDEN,
    );
  });

  it("rejects with the version's reasons only, and applies the reason's consequence", async () => {
    const team = await newTeam();
    const recycled = await hotMql(team, { source: 'webinar' });
    const dropped = await hotMql(team, { source: 'webinar' });
    await opener.drain();
    const nodes = (await queueOf(team.manager, 'TEAM')).edges.map((edge) => edge.node);
    const byLead = (leadId: string) =>
      defined(
        nodes.find((node) => node.lead.id === leadId),
        'its handover',
      );
    const reasons = byLead(recycled).rejectionReasons;
    const recycle = defined(
      reasons.find((reason) => reason.consequence === 'RECYCLE'),
      'a recycle reason',
    );
    const disqualify = defined(
      reasons.find((reason) => reason.consequence === 'DISQUALIFY'),
      'a disqualify reason',
    );

    const unknown = await expectError(
      handovers.reject(team.manager, byLead(recycled).id, 'made-up', null),
      ErrorCode.BAD_USER_INPUT,
    );
    expect(unknown.fields[0].field).toBe('reasonKey');
    expect(unknown.message).toContain(`must be one of ${reasons.map((reason) => reason.key).join(', ')}`);
    expect((await handovers.detail(team.manager, byLead(recycled).id)).status).toBe('OPEN');

    await handovers.reject(team.manager, byLead(recycled).id, recycle.key, '  call again in spring  ');
    await handovers.reject(team.manager, byLead(dropped).id, disqualify.key, null);
    const nurtured = await leads.detail(team.rep, recycled);
    expect(nurtured.lead.stage).toBe('NURTURE');
    expect(nurtured.lead.recycleUntil?.getTime()).toBe(
      clock.current.getTime() + (recycle.recycleAfterDays ?? 0) * 24 * HOUR,
    );
    expect((await leads.detail(team.rep, dropped)).lead.stage).toBe('DISQUALIFIED');
    expect((await handovers.detail(team.rep, byLead(recycled).id)).note).toBe('call again in spring');

    const feedback = await handovers.rejectionFeedback(team.marketing, { groupBy: 'SOURCE' });
    expect(feedback).toEqual(
      expect.arrayContaining([
        { group: 'webinar', reasonKey: recycle.key, reasonLabel: recycle.label, count: 1 },
        { group: 'webinar', reasonKey: disqualify.key, reasonLabel: disqualify.label, count: 1 },
      ]),
    );
  });

  it('expires undecided handovers once, however many expirers run, and still lets sales decide late', async () => {
    const team = await newTeam();
    await hotMql(team);
    await hotMql(team);
    await opener.drain();
    const nodes = (await queueOf(team.manager, 'TEAM')).edges.map((edge) => edge.node);
    expect(await expirer.drain()).toBe(0);

    clock.current = new Date(Math.max(...nodes.map((node) => node.dueAt.getTime())) + 1);
    // Three expirers at once (other tests' workspaces expire too): each handover expires once.
    await Promise.all([expirer.drain(), expirer.drain(), expirer.drain()]);
    for (const node of nodes) {
      const history = await handovers.detail(team.manager, node.id);
      expect(history.events.map((event) => event.kind)).toEqual(['CREATED', 'EXPIRED']);
    }
    const expired = await handovers.queue(team.manager, { scope: 'TEAM', view: 'EXPIRED', first: 50 });
    expect(expired.edges.map((edge) => edge.node.status)).toEqual(['EXPIRED', 'EXPIRED']);
    expect((await expired.counts()).expired).toBe(2);

    // The sales managers — Sue signs for sales, Ada is an admin — are told by a digest committed with the expiry,
    // which waits a quarter of an hour for more expiries; without SMTP the outbox then writes it to the log.
    const escalations = async () =>
      (
        await app
          .get(TenantDb)
          .inWorkspace(team.manager.workspaceId, (manager) => app.get(MailOutboxRepository).list(manager, 20))
      ).filter((mail) => mail.kind === 'HANDOVERS_EXPIRED');
    const queued = await escalations();
    expect(queued.map((mail) => [mail.to, mail.status, mail.subject])).toEqual([
      [team.admin.email, 'PENDING', '2 handovers passed their SLA with no decision'],
      [team.manager.email, 'PENDING', '2 handovers passed their SLA with no decision'],
    ]);
    for (const node of nodes) expect(queued[0].text).toContain(`- "${node.lead.email}": owner "`);
    const mailer = app.get(MailDeliveryWorker);
    await mailer.drain();
    expect((await escalations()).map((mail) => mail.status)).toEqual(['PENDING', 'PENDING']);

    await hotMql(team);
    await opener.drain();
    const [third] = (await queueOf(team.manager, 'TEAM')).edges
      .map((edge) => edge.node)
      .filter((node) => node.status === 'OPEN');
    clock.current = new Date(third.dueAt.getTime() + 1);
    expect(await expirer.drain()).toBe(1);
    const digests = await escalations();
    expect(digests.map((mail) => [mail.to, mail.subject])).toEqual([
      [team.admin.email, '3 handovers passed their SLA with no decision'],
      [team.manager.email, '3 handovers passed their SLA with no decision'],
    ]);
    clock.advance(15 * 60_000);
    await mailer.drain();
    expect((await escalations()).map((mail) => mail.status)).toEqual(['LOGGED', 'LOGGED']);

    const late = await handovers.accept(
      team.rep,
      nodes.find((node) => node.owner?.id === team.rep.id)?.id ?? '',
    );
    expect(late).toMatchObject({ status: 'ACCEPTED', withinSla: false });
    expect(late.events.map((event) => event.kind)).toEqual(['CREATED', 'EXPIRED', 'ACCEPTED']);
  });

  it('lets managers reassign (keeping the due time) and see the team; reps see only their own', async () => {
    const team = await newTeam();
    await hotMql(team);
    await opener.drain();
    const [{ node }] = (await queueOf(team.rep)).edges;
    await expectError(queueOf(team.rep, 'TEAM'), ErrorCode.FORBIDDEN);
    await expectError(
      handovers.reassign(team.rep, { id: node.id, ownerId: team.rex.id }),
      ErrorCode.FORBIDDEN,
    );
    await expectError(
      handovers.reassign(team.manager, { id: node.id, ownerId: team.marketing.id }),
      ErrorCode.BAD_USER_INPUT,
    );
    const moved = await handovers.reassign(team.manager, { id: node.id, ownerId: team.rex.id });
    expect(moved).toMatchObject({ owner: { id: team.rex.id }, dueAt: node.dueAt });
    expect((await queueOf(team.rep)).edges).toHaveLength(0);
    expect((await queueOf(team.rex)).edges.map((edge) => edge.node.id)).toEqual([node.id]);
    // The rep, deciding from a queue read before the move, is told whose it is now.
    const stale = await expectError(handovers.accept(team.rep, node.id), ErrorCode.FORBIDDEN);
    expect(stale.message).toBe(
      `This handover is now assigned to ${team.rex.name}; only they or a sales manager decide it.`,
    );
  });

  it('pages the queue due-first and never shows or decides another workspace’s handovers', async () => {
    const team = await newTeam();
    const other = await newTeam();
    for (let index = 0; index < 3; index += 1) {
      await hotMql(team);
      clock.current = new Date(clock.current.getTime() + 60_000);
    }
    await hotMql(other);
    await opener.drain();
    const first = await handovers.queue(team.manager, { scope: 'TEAM', view: 'UNDECIDED', first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await handovers.queue(team.manager, {
      scope: 'TEAM',
      view: 'UNDECIDED',
      first: 2,
      after: first.pageInfo.endCursor ?? undefined,
    });
    // A page costs one data statement however many rows it holds: no query per row.
    const statements = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    await handovers.queue(team.manager, { scope: 'TEAM', view: 'UNDECIDED', first: 50 });
    const reads = statements.mock.calls
      .map(([sql]) => sql.trim())
      .filter((sql) => !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)|set_config\('role'/.test(sql));
    statements.mockRestore();
    expect(reads).toHaveLength(1);
    const due = [...first.edges, ...rest.edges].map((edge) => edge.node.dueAt.getTime());
    expect(due).toHaveLength(3);
    expect([...due].sort((a, b) => a - b)).toEqual(due);

    const [{ node: theirs }] = (await queueOf(other.manager, 'TEAM')).edges;
    await expectError(handovers.accept(team.manager, theirs.id), ErrorCode.NOT_FOUND);
    await expectError(handovers.detail(team.manager, theirs.id), ErrorCode.NOT_FOUND);
    expect((await handovers.detail(other.manager, theirs.id)).status).toBe('OPEN');
  });

  it('pages decided handovers newest decision first, by owner or for the whole team', async () => {
    const team = await newTeam();
    for (let index = 0; index < 4; index += 1) await hotMql(team);
    await opener.drain();
    const open = (await queueOf(team.manager, 'TEAM')).edges.map((edge) => edge.node);
    expect(open).toHaveLength(4);
    for (const handover of open) {
      clock.current = new Date(clock.current.getTime() + 60_000);
      await handovers.accept(team.manager, handover.id);
    }
    const decided = (args: { scope: 'MINE' | 'TEAM'; after?: string }, member = team.manager) =>
      handovers.queue(member, { view: 'DECIDED', first: 3, ...args });
    const first = await decided({ scope: 'TEAM' });
    const rest = await decided({ scope: 'TEAM', after: first.pageInfo.endCursor ?? undefined });
    expect([first.pageInfo.hasNextPage, rest.pageInfo.hasNextPage]).toEqual([true, false]);
    expect([...first.edges, ...rest.edges].map((edge) => edge.node.id)).toEqual(
      open.map((handover) => handover.id).reverse(),
    );
    const sams = (await decided({ scope: 'MINE' }, team.rep)).edges.map((edge) => edge.node.owner?.id);
    expect(sams).toEqual([team.rep.id, team.rep.id]);
    expect((await queueOf(team.manager, 'UNASSIGNED')).edges).toHaveLength(0);
  });

  it('sends handover.created and handover.decided, signed, to a real receiver, from the same commits', async () => {
    const team = await newTeam();
    const received: { event: string; signature: string; body: string }[] = [];
    const server: Server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({
          event: String(request.headers['accord-event']),
          signature: String(request.headers['accord-signature']),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const endpoint = await app.get(WebhooksService).create(team.admin, {
        url: `http://127.0.0.1:${port}/accord`,
        events: ['handover.created', 'handover.decided', 'handover.expired'],
      });
      const leadId = await hotMql(team);
      await opener.drain();
      const [{ node }] = (await queueOf(team.rep)).edges;
      // A terminal sequence would reach the receiver as it is: refused, and nothing decided or sent.
      await expectError(
        handovers.reject(team.rep, node.id, node.rejectionReasons[0].key, '\u001b[2Jwrong timing\u0007'),
        ErrorCode.BAD_USER_INPUT,
      );
      await handovers.reject(team.rep, node.id, node.rejectionReasons[0].key, 'wrong timing:\n\tcall in Q3');
      await app.get(WebhookDeliveryWorker).drain();

      // Deliveries go out concurrently, so they may arrive in either order.
      received.sort((a, b) => a.event.localeCompare(b.event));
      expect(received.map((request) => request.event)).toEqual(['handover.created', 'handover.decided']);
      const nowSeconds = Math.floor(clock.now().getTime() / 1000);
      for (const request of received)
        expect(
          verifySignatureHeader(
            request.signature,
            request.body,
            (content) => hmacHex(endpoint.secret, content),
            nowSeconds,
          ),
        ).toBeNull();
      const decided = JSON.parse(received[1].body) as { data: Record<string, unknown> };
      expect(decided.data).toMatchObject({
        handoverId: node.id,
        leadId,
        status: 'REJECTED',
        reasonKey: node.rejectionReasons[0].key,
        note: 'wrong timing:\n\tcall in Q3',
        decidedBy: team.rep.id,
        withinSla: true,
        fitScore: Math.round(node.fitScore * 100) / 100,
        intentScore: Math.round(node.intentScore * 100) / 100,
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  // Last: it moves the shared clock past every other test's due times.
  it('hands a recycled lead over again once its recycle days have passed, if it still qualifies', async () => {
    const team = await newTeam();
    const leadId = await hotMql(team);
    await opener.drain();
    const [first] = (await queueOf(team.rep)).edges.map((edge) => edge.node);
    const recycle = defined(
      first.rejectionReasons.find((reason) => reason.consequence === 'RECYCLE'),
      'a recycle reason',
    );
    await handovers.reject(team.rep, first.id, recycle.key, null);
    const sweep = app.get(RecycleSweep);
    await sweep.drain();
    expect((await leads.detail(team.rep, leadId)).lead.stage).toBe('NURTURE');
    const recycleEnds = clock.current.getTime() + (recycle.recycleAfterDays ?? 0) * 24 * HOUR;

    // Two hours before the period ends the lead shows interest again: it qualifies, but stays in nurture.
    clock.current = new Date(recycleEnds - 2 * HOUR);
    await app.get(SignalIngestionService).ingest(
      { workspaceId: team.workspaceId },
      ['DEMO_REQUEST', 'PRICING_PAGE_VISIT'].map((type) => ({
        externalId: `${leadId}-${type}-again`,
        type,
        occurredAt: clock.now().toISOString(),
        lead: { id: leadId },
      })),
      clock.now(),
      'now',
    );
    await sweep.drain(); // other tests' recycled leads may come back; this one's period has not ended
    expect((await leads.detail(team.rep, leadId)).lead.stage).toBe('NURTURE');

    // The period ends with no new signal: only the sweep can bring it back (the other tests' recycled leads, in
    // workspaces of their own, come back with it).
    clock.current = new Date(recycleEnds + HOUR);
    expect(await sweep.drain()).toBeGreaterThanOrEqual(1);
    expect(await sweep.drain()).toBe(0);
    const back = await leads.detail(team.rep, leadId);
    expect([back.lead.stage, back.lead.recycleUntil, back.transitions[0].fromStage]).toEqual([
      'MQL',
      null,
      'NURTURE',
    ]);
    expect(await opener.drain()).toBeGreaterThanOrEqual(1);
    const again = (await queueOf(team.manager, 'TEAM')).edges.map((edge) => edge.node);
    expect(again.map((node) => [node.lead.id, node.status])).toEqual([[leadId, 'OPEN']]);
    expect(again[0].id).not.toBe(first.id);
  });
});
