import { INestApplicationContext } from '@nestjs/common';

import { MembersDataAccessModule } from '@accord/api/members/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { TenantDb } from '@accord/api/shared/database';
import { AppError, ErrorCode } from '@accord/api/shared/graphql';
import {
  MAIL_LEASE_MS,
  MAX_MAIL_ATTEMPTS,
  MailDeliveryWorker,
  MailOutboxRepository,
} from '@accord/api/shared/mail-outbox';
import {
  FrozenClock,
  SmtpInbox,
  TestDatabase,
  TestTeam,
  createTeam,
  createTestDatabase,
  testModule,
} from '@accord/api/shared/testing';
import type { AgreementDocument } from '@accord/domain/agreement';

import { AgreementsModule } from './agreements.module';
import { AgreementsService } from './agreements.service';
import { PROPOSAL_SUBJECT } from './proposal-mailer';

function outcome(result: PromiseSettledResult<unknown>): string {
  if (result.status === 'fulfilled') return 'OK';
  return result.reason instanceof AppError ? result.reason.code : String(result.reason);
}

type Team = TestTeam<'admin' | 'marketing' | 'sales' | 'secondSales' | 'executive' | 'marketingNonApprover'>;

describe('the agreement lifecycle on PostgreSQL', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let agreements: AgreementsService;
  const clock = new FrozenClock();

  async function newTeam(): Promise<Team> {
    return createTeam(app, {
      admin: { name: 'admin', roles: ['ADMIN'] },
      marketing: { name: 'mia', roles: ['MARKETING'], approver: true },
      sales: { name: 'sam', roles: ['SALES'], approver: true },
      secondSales: { name: 'sue', roles: ['SALES'], approver: true },
      executive: { name: 'eve', roles: ['EXECUTIVE'], approver: true },
      marketingNonApprover: { name: 'max', roles: ['MARKETING'] },
    });
  }

  /** A team with v1 published and in force. */
  async function publishedTeam() {
    const team = await newTeam();
    const draft = await agreements.createDraft(team.marketing, {});
    const proposed = await agreements.propose(team.marketing, {
      versionId: draft.id,
      revision: draft.revision,
    });
    await agreements.sign(team.marketing, {
      versionId: proposed.id,
      revision: proposed.revision,
      side: 'MARKETING',
    });
    const v1 = await agreements.sign(team.sales, {
      versionId: proposed.id,
      revision: proposed.revision,
      side: 'SALES',
    });
    return { team, v1 };
  }

  function edited(document: AgreementDocument, change: (copy: AgreementDocument) => void): AgreementDocument {
    const copy = structuredClone(document);
    change(copy);
    return copy;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const moduleRef = await testModule(database, clock, [MembersDataAccessModule, AgreementsModule], {
      poolSize: 6,
      statementTimeoutMs: 10_000,
    }).compile();
    app = await moduleRef.init();
    agreements = app.get(AgreementsService);
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  afterEach(() => {
    clock.current = new Date('2026-11-25T09:00:00.000Z');
  });

  it('drafts, proposes, co-signs and publishes, keeping every step in the audit trail', async () => {
    const team = await newTeam();
    const draft = await agreements.createDraft(team.marketing, { comment: 'first go' });
    expect(draft).toMatchObject({ number: 1, status: 'DRAFT', revision: 1, inForce: false, basedOnId: null });
    // A new workspace starts from the starter agreement, routed to its active sales members.
    const routing = draft.document.handover.routing;
    expect(routing.mode === 'ROUND_ROBIN' && [...routing.memberIds].sort()).toEqual(
      [team.sales.id, team.secondSales.id].sort(),
    );

    const saved = await agreements.save(team.marketing, {
      versionId: draft.id,
      baseRevision: 1,
      document: edited(draft.document, (d) => (d.fit.grades.A = 80)),
      comment: 'stricter A',
    });
    expect(saved).toMatchObject({ revision: 2, status: 'DRAFT' });
    const proposed = await agreements.propose(team.admin, { versionId: draft.id, revision: 2 });
    expect(proposed.status).toBe('PROPOSED');

    const half = await agreements.sign(team.marketing, {
      versionId: draft.id,
      revision: 2,
      side: 'MARKETING',
    });
    expect(half).toMatchObject({
      status: 'PROPOSED',
      signatures: [{ side: 'MARKETING', signer: { name: 'mia' } }],
    });
    const published = await agreements.sign(team.sales, {
      versionId: draft.id,
      revision: 2,
      side: 'SALES',
      comment: 'ok',
    });
    expect(published).toMatchObject({
      status: 'PUBLISHED',
      inForce: true,
      effectiveAt: clock.current,
      revision: 2,
    });
    expect(published.signatures.map((s) => s.side)).toEqual(['MARKETING', 'SALES']);
    expect((await agreements.inForce(team.executive, null))?.id).toBe(draft.id);

    const trail = await agreements.events(team.executive, { first: 50 });
    expect(
      trail.edges.map((edge) => [edge.node.action, edge.node.actor?.name ?? null, edge.node.revision]),
    ).toEqual([
      ['PUBLISHED', null, 2],
      ['SIGNED', 'sam', 2],
      ['SIGNED', 'mia', 2],
      ['PROPOSED', 'admin', 2],
      ['EDITED', 'mia', 2],
      ['CREATED', 'mia', 1],
    ]);
    expect(trail.edges[4].node).toMatchObject({
      comment: 'stricter A',
      details: { changes: 1, signaturesVoided: 0 },
    });
  });

  it('lets a workspace with no sales members save its starter draft, and asks for a team before proposing', async () => {
    const team = await createTeam(app, {
      admin: { name: 'Olivia Admin', roles: ['ADMIN'] },
      left: { name: 'Lee Left', roles: ['SALES'] },
    });
    await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        manager.query(`UPDATE members SET status = 'DEACTIVATED' WHERE id = $1`, [team.left.id]),
      );
    const draft = await agreements.createDraft(team.admin, {});
    expect(draft.document.handover.routing).toEqual({ mode: 'ROUND_ROBIN', memberIds: [] });

    const saved = await agreements.save(team.admin, {
      versionId: draft.id,
      baseRevision: 1,
      document: edited(draft.document, (d) => (d.fit.grades.A = 80)),
    });
    expect(saved).toMatchObject({ revision: 2, status: 'DRAFT' });

    const proposing = agreements.propose(team.admin, { versionId: draft.id, revision: 2 });
    await expect(proposing).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message:
        'Choose at least one sales member to receive leads (Routing) before proposing; invite sales members on Members if there are none yet.',
      fields: [
        {
          field: 'document.handover.routing.memberIds',
          message: 'must name at least one sales member before proposing',
        },
      ],
    });

    // Routing to the admin, or to a member who left, is refused by name, at the place each is named.
    const stranger = '00000000-0000-4000-8000-00000000dead';
    const refused = agreements.save(team.admin, {
      versionId: draft.id,
      baseRevision: 2,
      document: edited(saved.document, (d) => {
        d.handover.routing = { mode: 'ROUND_ROBIN', memberIds: [team.admin.id, team.left.id, stranger] };
      }),
    });
    await expect(refused).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message: `Leads can only be routed to active sales members: Olivia Admin, Lee Left and an unknown member (${stranger}) are not. Give them the Sales role on Members, or route to someone else.`,
      fields: [
        {
          field: 'document.handover.routing.memberIds[0]',
          message: 'Olivia Admin is not an active sales member',
        },
        {
          field: 'document.handover.routing.memberIds[1]',
          message: 'Lee Left is not an active sales member',
        },
        {
          field: 'document.handover.routing.memberIds[2]',
          message: `An unknown member (${stranger}) is not an active sales member`,
        },
      ],
    });
    expect((await agreements.get(team.admin, draft.id)).revision).toBe(2);
  });

  it('keeps the last edit, not the publication, as when and by whom a version last changed', async () => {
    const team = await newTeam();
    const draft = await agreements.createDraft(team.marketing, {});
    clock.current = new Date('2026-11-25T10:00:00.000Z');
    await agreements.propose(team.admin, { versionId: draft.id, revision: 1 });
    await agreements.sign(team.marketing, { versionId: draft.id, revision: 1, side: 'MARKETING' });
    clock.current = new Date('2026-11-25T11:30:00.000Z');
    const published = await agreements.sign(team.sales, { versionId: draft.id, revision: 1, side: 'SALES' });

    expect(published).toMatchObject({
      status: 'PUBLISHED',
      updatedBy: { id: team.admin.id, name: 'admin' },
      updatedAt: new Date('2026-11-25T10:00:00.000Z'),
      publishedAt: new Date('2026-11-25T11:30:00.000Z'),
    });
  });

  it('starts the next draft as a copy of the published version and diffs any two versions', async () => {
    const { team, v1 } = await publishedTeam();
    const v2 = await agreements.createDraft(team.marketing, {});
    expect(v2).toMatchObject({ number: 2, basedOnId: v1.id, document: v1.document });
    await agreements.save(team.marketing, {
      versionId: v2.id,
      baseRevision: v2.revision,
      document: edited(v2.document, (d) => {
        d.fit.grades.A = 85;
        d.rejectionReasons = d.rejectionReasons.filter((reason) => reason.key !== 'competitor');
      }),
    });
    const diff = await agreements.diff(team.sales, v1.id, v2.id);
    expect(diff.changes).toEqual([
      { path: 'fit.grades.A', kind: 'CHANGED', before: 75, after: 85 },
      {
        path: 'rejectionReasons[competitor]',
        kind: 'REMOVED',
        before: {
          key: 'competitor',
          label: 'Competitor or partner',
          consequence: 'DISQUALIFY',
          recycleAfterDays: null,
        },
        after: null,
      },
    ]);
  });

  it('refuses each action to the roles that may not take it, with FORBIDDEN', async () => {
    const team = await newTeam();
    await expect(agreements.createDraft(team.sales, {})).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(agreements.createDraft(team.executive, {})).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    const draft = await agreements.createDraft(team.marketingNonApprover, {});
    await expect(
      agreements.save(team.sales, { versionId: draft.id, baseRevision: 1, document: draft.document }),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(
      agreements.propose(team.executive, { versionId: draft.id, revision: 1 }),
    ).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    await agreements.propose(team.marketing, { versionId: draft.id, revision: 1 });

    const sign = (actor: AuthMember, side: 'MARKETING' | 'SALES') =>
      agreements.sign(actor, { versionId: draft.id, revision: 1, side });
    await expect(sign(team.executive, 'SALES')).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(sign(team.marketingNonApprover, 'MARKETING')).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    await expect(sign(team.sales, 'MARKETING')).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(sign(team.admin, 'SALES')).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(
      agreements.sendBack(team.executive, { versionId: draft.id, revision: 1, comment: 'no' }),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    // Everyone reads it.
    expect((await agreements.list(team.executive)).map((version) => version.status)).toEqual(['PROPOSED']);
  });

  it('never lets one person sign both sides', async () => {
    const team = await newTeam();
    const both: AuthMember = { ...team.marketing, roles: ['MARKETING', 'SALES'] };
    const draft = await agreements.createDraft(team.marketing, {});
    await agreements.propose(team.marketing, { versionId: draft.id, revision: 1 });
    await agreements.sign(both, { versionId: draft.id, revision: 1, side: 'MARKETING' });
    await expect(
      agreements.sign(both, { versionId: draft.id, revision: 1, side: 'SALES' }),
    ).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
      message: 'You already signed the other side; a different approver must sign for sales.',
    });
  });

  it('lets exactly one of two saves on the same revision win, and tells the other which revision won', async () => {
    const team = await newTeam();
    const draft = await agreements.createDraft(team.marketing, {});
    const mine = edited(draft.document, (d) => (d.fit.grades.A = 81));
    const theirs = edited(draft.document, (d) => (d.fit.grades.A = 82));

    const results = await Promise.allSettled([
      agreements.save(team.marketing, { versionId: draft.id, baseRevision: 1, document: mine }),
      agreements.save(team.admin, { versionId: draft.id, baseRevision: 1, document: theirs }),
    ]);

    expect(results.map(outcome).sort()).toEqual([ErrorCode.CONFLICT, 'OK']);
    const loser = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    const savedFirst = results[0].status === 'fulfilled' ? team.marketing : team.admin;
    const [{ name: winnerName }]: { name: string }[] = await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        manager.query(`SELECT name FROM members WHERE id = $1`, [savedFirst.id]),
      );
    expect(loser.reason).toMatchObject({ details: { currentRevision: 2, changedBy: winnerName } });
    expect(loser.reason.message).toBe(
      `v1 was changed by ${winnerName}: it is at revision 2, you worked on revision 1. Nothing was edited; ` +
        'reload it and apply your change again.',
    );
    const winner = (
      results.find((result) => result.status === 'fulfilled') as PromiseFulfilledResult<{
        document: AgreementDocument;
      }>
    ).value;
    const stored = await agreements.get(team.marketing, draft.id);
    expect(stored).toMatchObject({ revision: 2, document: winner.document });
    const edits = (await agreements.events(team.marketing, { first: 10 })).edges.filter(
      (e) => e.node.action === 'EDITED',
    );
    expect(edits).toHaveLength(1);

    // A save of the member's own from another tab names them as "you".
    await agreements.save(savedFirst, {
      versionId: draft.id,
      baseRevision: 2,
      document: edited(draft.document, (d) => (d.fit.grades.A = 83)),
    });
    await expect(agreements.propose(savedFirst, { versionId: draft.id, revision: 2 })).rejects.toMatchObject({
      message: expect.stringMatching(/^v1 was changed by you in another tab or window: it is at revision 3/),
      details: { changedBy: 'you' },
    });
  });

  it('publishes exactly once when two sales approvers sign at the same moment', async () => {
    const team = await newTeam();
    const draft = await agreements.createDraft(team.marketing, {});
    await agreements.propose(team.marketing, { versionId: draft.id, revision: 1 });
    await agreements.sign(team.marketing, { versionId: draft.id, revision: 1, side: 'MARKETING' });

    const results = await Promise.allSettled([
      agreements.sign(team.sales, { versionId: draft.id, revision: 1, side: 'SALES' }),
      agreements.sign(team.secondSales, { versionId: draft.id, revision: 1, side: 'SALES' }),
    ]);

    expect(results.map(outcome).sort()).toEqual([ErrorCode.CONFLICT, 'OK']);
    const loser = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason.message).toMatch(
      /^(sam|sue) already signed revision 1 for sales\.$|is published, so it cannot be signed/,
    );
    const events = (await agreements.events(team.marketing, { first: 20 })).edges.map(
      (edge) => edge.node.action,
    );
    expect(events.filter((action) => action === 'PUBLISHED')).toHaveLength(1);
    expect(events.filter((action) => action === 'SIGNED')).toHaveLength(2);
  });

  it('publishes once when both sides sign at the same moment', async () => {
    const team = await newTeam();
    const draft = await agreements.createDraft(team.marketing, {});
    await agreements.propose(team.marketing, { versionId: draft.id, revision: 1 });

    const results = await Promise.allSettled([
      agreements.sign(team.marketing, { versionId: draft.id, revision: 1, side: 'MARKETING' }),
      agreements.sign(team.sales, { versionId: draft.id, revision: 1, side: 'SALES' }),
    ]);

    expect(results.map(outcome)).toEqual(['OK', 'OK']);
    const version = await agreements.get(team.marketing, draft.id);
    expect(version).toMatchObject({ status: 'PUBLISHED', inForce: true });
  });

  it('voids signatures when a proposal is edited or sent back, and refuses signing a stale revision', async () => {
    const team = await newTeam();
    const draft = await agreements.createDraft(team.marketing, {});
    await agreements.propose(team.marketing, { versionId: draft.id, revision: 1 });
    await agreements.sign(team.marketing, { versionId: draft.id, revision: 1, side: 'MARKETING' });

    const edit = await agreements.save(team.admin, {
      versionId: draft.id,
      baseRevision: 1,
      document: edited(draft.document, (d) => (d.intent.temperature.hot = 70)),
    });
    expect(edit).toMatchObject({ status: 'DRAFT', revision: 2, signatures: [] });
    // Sales still has revision 1 open: the refusal says the text changed, not merely that it is a draft.
    await expect(
      agreements.sign(team.sales, { versionId: draft.id, revision: 1, side: 'SALES' }),
    ).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message:
        'v1 changed since you opened revision 1: it is now revision 2, back in draft, so the marketing ' +
        'signature on revision 1 was voided. Review revision 2 once it is proposed again; it can be signed then.',
      details: { currentRevision: 2, status: 'DRAFT' },
    });

    await agreements.propose(team.marketing, { versionId: draft.id, revision: 2 });
    await agreements.sign(team.sales, { versionId: draft.id, revision: 2, side: 'SALES' });
    await expect(
      agreements.sign(team.sales, { versionId: draft.id, revision: 1, side: 'SALES' }),
    ).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      details: { currentRevision: 2 },
    });
    const back = await agreements.sendBack(team.sales, {
      versionId: draft.id,
      revision: 2,
      comment: 'One more change',
    });
    expect(back).toMatchObject({ status: 'DRAFT', revision: 3, signatures: [] });

    const trail = (await agreements.events(team.marketing, { versionId: draft.id, first: 20 })).edges.map(
      (e) => e.node,
    );
    expect(trail[0]).toMatchObject({
      action: 'SENT_BACK',
      comment: 'One more change',
      details: { signaturesVoided: 1 },
    });
    expect(trail.find((event) => event.action === 'EDITED')).toMatchObject({
      details: { signaturesVoided: 1, returnedToDraft: true },
    });
  });

  it('names every problem of an invalid document and stores nothing', async () => {
    const team = await newTeam();
    const draft = await agreements.createDraft(team.marketing, {});
    const bad = edited(draft.document, (d) => {
      d.fit.grades.B = 90;
      d.intent.signals[0].weight = Number.POSITIVE_INFINITY;
    });
    await expect(
      agreements.save(team.marketing, { versionId: draft.id, baseRevision: 1, document: bad }),
    ).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      // Every problem at once: the one the schema finds and the grade order it could still check.
      fields: [
        { field: 'document.intent.signals[0].weight', message: 'must be a finite number' },
        { field: 'document.fit.grades.A', message: 'must be above B (90)' },
        { field: 'document.fit.grades.B', message: 'must be below A (75)' },
      ],
    });
    const wrongOwner = edited(draft.document, (d) => {
      d.handover.routing = { mode: 'ROUND_ROBIN', memberIds: [team.executive.id] };
    });
    await expect(
      agreements.save(team.marketing, { versionId: draft.id, baseRevision: 1, document: wrongOwner }),
    ).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message:
        'Leads can only be routed to active sales members: eve is not one. Give them the Sales role on Members, or route to someone else.',
      fields: [
        { field: 'document.handover.routing.memberIds[0]', message: 'eve is not an active sales member' },
      ],
    });
    expect(await agreements.get(team.marketing, draft.id)).toMatchObject({
      revision: 1,
      document: draft.document,
    });
  });

  it('keeps one open version: a second draft is refused, even when two are started at once', async () => {
    const team = await newTeam();
    const results = await Promise.allSettled([
      agreements.createDraft(team.marketing, {}),
      agreements.createDraft(team.admin, {}),
    ]);
    expect(results.map(outcome).sort()).toEqual([ErrorCode.CONFLICT, 'OK']);
    await expect(agreements.createDraft(team.marketing, {})).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: 'v1 is already open as a draft: edit it, or send it back, rather than starting another.',
    });
  });

  it('publishes for a future instant: the old version stays in force until then, then is superseded', async () => {
    const { team, v1 } = await publishedTeam();
    const draft = await agreements.createDraft(team.marketing, {});
    const start = new Date('2026-12-01T00:00:00.000Z');
    await agreements.save(team.marketing, {
      versionId: draft.id,
      baseRevision: 1,
      document: edited(draft.document, (d) => (d.fit.grades.C = 40)),
      requestedEffectiveAt: start,
    });
    await agreements.propose(team.marketing, { versionId: draft.id, revision: 2 });
    await agreements.sign(team.marketing, { versionId: draft.id, revision: 2, side: 'MARKETING' });
    const v2 = await agreements.sign(team.sales, { versionId: draft.id, revision: 2, side: 'SALES' });

    expect(v2).toMatchObject({ status: 'PUBLISHED', inForce: false, effectiveAt: start });
    expect((await agreements.inForce(team.sales, null))?.id).toBe(v1.id);
    expect((await agreements.inForce(team.sales, start))?.id).toBe(v2.id);
    clock.current = start;
    const versions = await agreements.list(team.sales);
    expect(versions.map((version) => [version.number, version.status, version.inForce])).toEqual([
      [2, 'PUBLISHED', true],
      [1, 'SUPERSEDED', false],
    ]);
    expect(versions[1].supersededAt).toEqual(start);
  });

  it('refuses a requested effective time in the past, naming the field as the editor does', async () => {
    const team = await newTeam();
    const draft = await agreements.createDraft(team.marketing, {});
    const advice = 'must be in the future; leave it empty to take effect as soon as both sides sign';
    await expect(
      agreements.save(team.marketing, {
        versionId: draft.id,
        baseRevision: 1,
        document: draft.document,
        requestedEffectiveAt: new Date('2020-01-01T00:00:00Z'),
      }),
    ).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message: `"Take effect on" ${advice}.`,
      fields: [{ field: 'requestedEffectiveAt', message: advice }],
    });
  });

  it("never shows or changes another workspace's versions", async () => {
    const { v1 } = await publishedTeam();
    const stranger = await newTeam();
    await expect(agreements.get(stranger.marketing, v1.id)).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
    await expect(
      agreements.sign(stranger.sales, { versionId: v1.id, revision: 1, side: 'SALES' }),
    ).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
    expect(await agreements.list(stranger.marketing)).toEqual([]);
    expect((await agreements.events(stranger.marketing, { first: 10 })).edges).toEqual([]);
  });

  describe('with SMTP configured', () => {
    const inbox = new SmtpInbox();
    let mailing: INestApplicationContext;
    let mailingAgreements: AgreementsService;

    beforeAll(async () => {
      const smtpUrl = await inbox.start();
      const moduleRef = await testModule(database, clock, [MembersDataAccessModule, AgreementsModule], {
        env: {
          SMTP_URL: smtpUrl,
          MAIL_FROM: 'Accord <no-reply@accord.test>',
          PUBLIC_URL: 'https://accord.test',
        },
      }).compile();
      mailing = await moduleRef.init();
      mailingAgreements = mailing.get(AgreementsService);
    });

    afterAll(async () => {
      await mailing.close();
      await inbox.stop();
    });

    /** The team's messages in the outbox, oldest recipient first: to whom, in what state, after how many attempts. */
    async function outboxOf(team: Team): Promise<{ to: string; status: string; attempts: number }[]> {
      const mails = await mailing
        .get(TenantDb)
        .inWorkspace(team.admin.workspaceId, (manager) =>
          mailing.get(MailOutboxRepository).list(manager, 10),
        );
      return mails
        .map(({ to, status, attempts }) => ({ to, status, attempts }))
        .sort((a, b) => a.to.localeCompare(b.to));
    }

    it('asks every approver but the proposer to sign, for their sides, from the outbox the proposal committed', async () => {
      // Other tests' proposals wait in the outbox too: what counts is this team's messages.
      const worker = mailing.get(MailDeliveryWorker);
      const team = await newTeam();
      const draft = await mailingAgreements.createDraft(team.marketing, {});
      inbox.mails.length = 0;
      // A mail server putting one approver off costs no one the proposal, nor the others their e-mail.
      inbox.busy.add(team.secondSales.email);
      const proposed = await mailingAgreements.propose(team.marketing, {
        versionId: draft.id,
        revision: draft.revision,
      });
      expect(proposed.status).toBe('PROPOSED');
      // Committed with the proposal, sent after it: a crash in between loses no one's e-mail.
      expect(inbox.mails).toEqual([]);
      expect(await outboxOf(team)).toEqual([
        { to: team.sales.email, status: 'PENDING', attempts: 0 },
        { to: team.secondSales.email, status: 'PENDING', attempts: 0 },
      ]);

      await worker.drain();
      // Mia proposed; Sam and Sue can sign for sales (Sue's server said to try later); Eve is an approver with no side to
      // sign; Max signs nothing.
      expect(inbox.mails.filter((mail) => mail.text.includes(draft.id))).toEqual([
        {
          to: [team.sales.email],
          subject: PROPOSAL_SUBJECT,
          text: [
            'Hello,',
            '',
            '"mia" proposed v1 of the lead agreement of the workspace "Team" on Accord.',
            'It takes effect once one marketing and one sales approver have signed it. Read the changes and the ' +
              'backtest, and sign for sales — or send it back with a note:',
            '',
            `https://accord.test/agreement/versions/${draft.id}`,
          ].join('\n'),
        },
      ]);
      expect(await outboxOf(team)).toEqual([
        { to: team.sales.email, status: 'SENT', attempts: 1 },
        { to: team.secondSales.email, status: 'PENDING', attempts: 1 },
      ]);

      // The message put off is tried again a minute later; once the mailbox takes it, it is sent, once.
      inbox.busy.delete(team.secondSales.email);
      await worker.drain();
      expect((await outboxOf(team))[1]).toEqual({
        to: team.secondSales.email,
        status: 'PENDING',
        attempts: 1,
      });
      clock.advance(60_000);
      await worker.drain();
      await worker.drain();
      const mailedTeam = inbox.mails.filter((mail) => mail.text.includes(draft.id)).map((mail) => mail.to);
      expect(mailedTeam).toEqual([[team.sales.email], [team.secondSales.email]]);
      expect(await outboxOf(team)).toEqual([
        { to: team.sales.email, status: 'SENT', attempts: 1 },
        { to: team.secondSales.email, status: 'SENT', attempts: 2 },
      ]);

      // A proposal that fails asks no one.
      inbox.mails.length = 0;
      await expect(
        mailingAgreements.propose(team.admin, { versionId: draft.id, revision: proposed.revision }),
      ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
      await worker.drain();
      expect(inbox.mails.filter((mail) => mail.text.includes(draft.id))).toEqual([]);
      expect(await outboxOf(team)).toHaveLength(2);
    });

    it('gives a message up as FAILED when the server puts it off for half a day, or refuses it for good', async () => {
      const worker = mailing.get(MailDeliveryWorker);
      const team = await newTeam();
      const draft = await mailingAgreements.createDraft(team.marketing, {});
      inbox.busy.add(team.sales.email);
      inbox.refused.add(team.secondSales.email);
      await mailingAgreements.propose(team.marketing, { versionId: draft.id, revision: draft.revision });

      for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS; attempt++) {
        await worker.drain();
        expect((await outboxOf(team))[0]).toMatchObject({ to: team.sales.email, attempts: attempt });
        clock.advance(12 * 60 * 60_000);
      }
      await worker.drain();
      const mails = await mailing
        .get(TenantDb)
        .inWorkspace(team.admin.workspaceId, (manager) =>
          mailing.get(MailOutboxRepository).list(manager, 10),
        );
      expect(
        mails
          .map(({ to, status, attempts, lastError }) => ({ to, status, attempts, lastError }))
          .sort((a, b) => a.to.localeCompare(b.to)),
      ).toEqual([
        {
          to: team.sales.email,
          status: 'FAILED',
          attempts: MAX_MAIL_ATTEMPTS,
          lastError: expect.stringContaining('450 mailbox busy'),
        },
        // A 550 is an answer for good: asked once, not again.
        {
          to: team.secondSales.email,
          status: 'FAILED',
          attempts: 1,
          lastError: expect.stringContaining('550 no such mailbox'),
        },
      ]);
      inbox.busy.delete(team.sales.email);
      inbox.refused.delete(team.secondSales.email);
    });

    it('sends a message its worker claimed but did not record once the lease lapses, and keeps the later record', async () => {
      const worker = mailing.get(MailDeliveryWorker);
      const outbox = mailing.get(MailOutboxRepository);
      const tenantDb = mailing.get(TenantDb);
      const team = await newTeam();
      const draft = await mailingAgreements.createDraft(team.marketing, {});
      await mailingAgreements.propose(team.marketing, { versionId: draft.id, revision: draft.revision });
      // A worker claims the messages and dies before sending them.
      const leaseUntil = new Date(clock.now().getTime() + MAIL_LEASE_MS);
      const claimed = await tenantDb.inWorkspace(team.admin.workspaceId, (manager) =>
        outbox.claimDue(manager, clock.now(), leaseUntil, 10),
      );
      expect(claimed.map((mail) => mail.to).sort()).toEqual(
        [team.sales.email, team.secondSales.email].sort(),
      );

      await worker.drain();
      expect(await outboxOf(team)).toEqual([
        { to: team.sales.email, status: 'PENDING', attempts: 1 },
        { to: team.secondSales.email, status: 'PENDING', attempts: 1 },
      ]);
      clock.advance(MAIL_LEASE_MS);
      inbox.mails.length = 0;
      await worker.drain();
      expect(inbox.mails.filter((mail) => mail.text.includes(draft.id))).toHaveLength(2);
      expect(await outboxOf(team)).toEqual([
        { to: team.sales.email, status: 'SENT', attempts: 2 },
        { to: team.secondSales.email, status: 'SENT', attempts: 2 },
      ]);
      // The dead worker's late record of its claim changes nothing.
      const late = await tenantDb.inWorkspace(team.admin.workspaceId, (manager) =>
        outbox.recordAttempts(
          manager,
          claimed.map((mail) => ({
            id: mail.id,
            attempts: mail.attempts,
            status: 'FAILED',
            nextAttemptAt: null,
            error: 'lost',
            sentAt: null,
          })),
        ),
      );
      expect(late).toBe(0);
      expect((await outboxOf(team)).map((mail) => mail.status)).toEqual(['SENT', 'SENT']);
    });

    it('withdraws the requests to sign that have not gone out, retries included, once the proposal is sent back or published', async () => {
      const team = await newTeam();
      const worker = mailing.get(MailDeliveryWorker);
      const statuses = async () => (await outboxOf(team)).map((mail) => mail.status).sort();
      const draft = await mailingAgreements.createDraft(team.marketing, {});
      const first = await mailingAgreements.propose(team.marketing, {
        versionId: draft.id,
        revision: draft.revision,
      });
      expect(await statuses()).toEqual(['PENDING', 'PENDING']);
      // One request waits to be retried after its mail server said "try later".
      inbox.busy.add(team.sales.email);
      await worker.drain();
      inbox.busy.delete(team.sales.email);
      expect((await outboxOf(team)).map((mail) => [mail.status, mail.attempts]).sort()).toEqual([
        ['PENDING', 1],
        ['SENT', 1],
      ]);
      inbox.mails.length = 0;

      const back = await mailingAgreements.sendBack(team.sales, {
        versionId: first.id,
        revision: first.revision,
        comment: 'Not yet',
      });
      expect(await statuses()).toEqual(['SENT']);
      clock.advance(24 * 3_600_000);
      await worker.drain();
      expect(inbox.mails).toEqual([]);

      // Requests that went out stay, as sent: they are what the approvers were told.
      const again = await mailingAgreements.propose(team.marketing, {
        versionId: back.id,
        revision: back.revision,
      });
      await worker.drain();
      const sign = async (version: { id: string; revision: number }) => {
        await mailingAgreements.sign(team.marketing, {
          ...version,
          versionId: version.id,
          side: 'MARKETING',
        });
        await mailingAgreements.sign(team.sales, { ...version, versionId: version.id, side: 'SALES' });
      };
      await sign(again);
      expect(await statuses()).toEqual(['SENT', 'SENT', 'SENT']);

      const v2 = await mailingAgreements.createDraft(team.marketing, {});
      const proposedV2 = await mailingAgreements.propose(team.marketing, {
        versionId: v2.id,
        revision: v2.revision,
      });
      expect(await statuses()).toEqual(['PENDING', 'PENDING', 'SENT', 'SENT', 'SENT']);
      // v2 takes effect after v1, which took effect at its publication.
      clock.advance(60_000);
      await sign(proposedV2);
      expect(await statuses()).toEqual(['SENT', 'SENT', 'SENT']);
    });
  });
});
