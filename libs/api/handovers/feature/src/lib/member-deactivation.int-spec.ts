import { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { EntityManager } from 'typeorm';

// The test drives the real paths that make a lead an MQL (agreement, lead, signals) and deactivates a member over
// GraphQL, as the Members page does.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AgreementsModule } from '@accord/api/agreements/feature';
import { HandoversRepository } from '@accord/api/handovers/data-access';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { LeadsModule, LeadsService } from '@accord/api/leads/feature';
import { MembersRepository } from '@accord/api/members/data-access';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { MembersModule } from '@accord/api/members/feature';
import { SharedAuthModule, TokenService } from '@accord/api/shared/auth';
import { TenantDb } from '@accord/api/shared/database';
import { ErrorCode, GraphqlSetupModule } from '@accord/api/shared/graphql';
import { FrozenClock, TestDatabase, createTestDatabase, testModule } from '@accord/api/shared/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { WebhooksModule } from '@accord/api/webhooks/feature';

import { HandoverExpirer } from './handover-expirer';
import { HandoverOpener } from './handover-opener';
import { HandoverTeam, hotMql, newHandoverTeam } from './handover-team.int-fixture';
import { HandoversModule } from './handovers.module';
import { HandoversService } from './handovers.service';

interface Row {
  id: string;
  leadId: string;
  ownerId: string | null;
  status: string;
  dueAt: Date;
  events: number;
}

describe('deactivating a member sends their open handovers to the unassigned queue (PostgreSQL)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let baseUrl: string;
  let handovers: HandoversService;
  let opener: HandoverOpener;
  const clock = new FrozenClock();

  /** Every handover of the workspace, read with SQL in its own scope, with how many events each has. */
  function rowsOf(team: HandoverTeam): Promise<Row[]> {
    return app.get(TenantDb).inWorkspace(team.workspaceId, (manager: EntityManager) =>
      manager.query(
        `SELECT h.id, h.lead_id AS "leadId", h.owner_id AS "ownerId", h.status, h.due_at AS "dueAt",
                (SELECT count(*)::int FROM handover_events e WHERE e.handover_id = h.id) AS events
           FROM handovers h ORDER BY h.id`,
      ),
    );
  }

  async function mqls(team: HandoverTeam, count: number): Promise<void> {
    for (let index = 0; index < count; index += 1) await hotMql(app, team, clock);
    await opener.drain();
  }

  /** The admin's GraphQL request over HTTP: the data, or the first error's code. */
  async function asAdmin(team: HandoverTeam, query: string, memberId: string): Promise<unknown> {
    const { accessToken } = await app.get(TokenService).issue(team.admin);
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query, variables: { memberId } }),
    });
    const body = (await response.json()) as {
      data?: unknown;
      errors?: { extensions?: { code?: string } }[];
    };
    return body.errors ? body.errors[0].extensions?.code : body.data;
  }

  const openHandovers = (team: HandoverTeam, memberId: string) =>
    asAdmin(team, 'query ($memberId: ID!) { memberOpenHandovers(memberId: $memberId) }', memberId);

  beforeAll(async () => {
    database = await createTestDatabase();
    const moduleRef = await testModule(database, clock, [
      GraphqlSetupModule.forRoot({ production: false }),
      SharedAuthModule,
      MembersModule,
      AgreementsModule,
      LeadsModule,
      HandoversModule,
      WebhooksModule,
    ]).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer() as { address(): AddressInfo }).address().port}`;
    handovers = app.get(HandoversService);
    opener = app.get(HandoverOpener);
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('unassigns only their open handovers, keeping the due times, recorded as reassignments by the admin', async () => {
    const team = await newHandoverTeam(app);
    const other = await newHandoverTeam(app);
    // Sam (rep) and Rex take turns. The first two expire: expired handovers are already the managers'.
    await mqls(team, 2);
    clock.current = new Date(Math.max(...(await rowsOf(team)).map((row) => row.dueAt.getTime())) + 1);
    expect(await app.get(HandoverExpirer).drain()).toBe(2);
    await mqls(team, 5);
    await mqls(other, 2);
    const samsOpen = (await rowsOf(team)).filter(
      (row) => row.ownerId === team.rep.id && row.status === 'OPEN',
    );
    expect(samsOpen.length).toBeGreaterThanOrEqual(3);
    // One of Sam's is decided before he leaves: a decided handover keeps its owner.
    await handovers.accept(team.rep, samsOpen[0].id);
    const open = samsOpen.slice(1);
    expect(await openHandovers(team, team.rep.id)).toEqual({ memberOpenHandovers: open.length });
    const before = await rowsOf(team);
    const otherBefore = await rowsOf(other);

    expect(
      await asAdmin(
        team,
        'mutation ($memberId: ID!) { deactivateMember(memberId: $memberId) { status } }',
        team.rep.id,
      ),
    ).toEqual({ deactivateMember: { status: 'DEACTIVATED' } });
    const after = await rowsOf(team);
    const moved = new Set(open.map((row) => row.id));
    expect(after.filter((row) => moved.has(row.id))).toEqual(
      before
        .filter((row) => moved.has(row.id))
        .map((row) => ({ ...row, ownerId: null, events: row.events + 1 })),
    );
    // Rex's, Sam's expired and decided ones, and the other workspace's (its own Sam included) are untouched.
    expect(after.filter((row) => !moved.has(row.id))).toEqual(before.filter((row) => !moved.has(row.id)));
    expect(before.some((row) => row.ownerId === team.rep.id && row.status === 'EXPIRED')).toBe(true);
    expect(before.some((row) => row.ownerId === team.rex.id && row.status === 'OPEN')).toBe(true);
    expect(await rowsOf(other)).toEqual(otherBefore);
    expect(otherBefore.some((row) => row.ownerId === other.rep.id && row.status === 'OPEN')).toBe(true);

    for (const row of open) {
      const history = await handovers.detail(team.manager, row.id);
      expect(history).toMatchObject({ status: 'OPEN', owner: null, dueAt: row.dueAt });
      expect(history.events.at(-1)).toMatchObject({
        kind: 'REASSIGNED',
        actor: { id: team.admin.id, name: 'Ada' },
        owner: null,
        detail: 'unassigned: Sam was deactivated; the due time stays',
        at: clock.now(),
      });
    }
    const unassigned = await handovers.queue(team.manager, {
      scope: 'UNASSIGNED',
      view: 'UNDECIDED',
      first: 50,
    });
    expect(unassigned.edges.map((edge) => edge.node.id).sort()).toEqual([...moved].sort());
    // The counts are the scope's; each scope also counts the team's unassigned ones, which Rex's own queue points to.
    expect(await unassigned.counts()).toEqual({ undecided: moved.size, expired: 0, unassigned: moved.size });
    const rexQueue = await handovers.queue(team.rex, { scope: 'MINE', view: 'UNDECIDED', first: 1 });
    const rexs = after.filter((row) => row.ownerId === team.rex.id);
    expect(await rexQueue.counts()).toEqual({
      undecided: rexs.filter((row) => ['OPEN', 'EXPIRED'].includes(row.status)).length,
      expired: rexs.filter((row) => row.status === 'EXPIRED').length,
      unassigned: moved.size,
    });
    expect(await openHandovers(team, team.rep.id)).toEqual({ memberOpenHandovers: 0 });

    // The leads keep Sam as their owner (who worked them) until a manager gives the handover to someone else.
    const leads = app.get(LeadsService);
    expect((await leads.detail(team.manager, open[0].leadId)).lead.ownerId).toBe(team.rep.id);
    const reassigned = await handovers.reassign(team.manager, { id: open[0].id, ownerId: team.rex.id });
    expect(reassigned).toMatchObject({ owner: { id: team.rex.id }, dueAt: open[0].dueAt });
    expect((await leads.detail(team.manager, open[0].leadId)).lead.ownerId).toBe(team.rex.id);

    // New MQLs go to Rex alone, and no one can be given a handover of Sam's anymore.
    const known = new Set(after.map((row) => row.id));
    await mqls(team, 2);
    expect((await rowsOf(team)).filter((row) => !known.has(row.id)).map((row) => row.ownerId)).toEqual([
      team.rex.id,
      team.rex.id,
    ]);
    await expect(
      handovers.reassign(team.manager, { id: open[1].id, ownerId: team.rep.id }),
    ).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });

    // A manager who accepts one nobody owns takes it, and its lead.
    const accepted = await handovers.accept(team.manager, open[1].id);
    expect(accepted).toMatchObject({ status: 'ACCEPTED', owner: { id: team.manager.id } });
    expect(accepted.events.at(-1)).toMatchObject({ kind: 'ACCEPTED', owner: { id: team.manager.id } });
    expect((await leads.detail(team.manager, open[1].leadId)).lead.ownerId).toBe(team.manager.id);
  });

  it('unassigns the open handovers of a member whose new roles cannot see the queue, and no one else’s', async () => {
    const team = await newHandoverTeam(app);
    await mqls(team, 4);
    const before = await rowsOf(team);
    const samsOpen = new Set(
      before.filter((row) => row.ownerId === team.rep.id && row.status === 'OPEN').map((row) => row.id),
    );
    expect(samsOpen.size).toBeGreaterThanOrEqual(1);
    const update = `mutation ($memberId: ID!, $roles: [Role!]!) {
      updateMember(input: { memberId: $memberId, roles: $roles, approver: false }) { roles } }`;
    const asAdminChanging = async (memberId: string, roles: string[]) => {
      const { accessToken } = await app.get(TokenService).issue(team.admin);
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ query: update, variables: { memberId, roles } }),
      });
      return ((await response.json()) as { data?: unknown }).data;
    };

    // Rex stays in sales (an executive too): his keep their owner. Sam moves to marketing: his go to the managers.
    expect(await asAdminChanging(team.rex.id, ['SALES', 'EXECUTIVE'])).toEqual({
      updateMember: { roles: ['SALES', 'EXECUTIVE'] },
    });
    expect(await rowsOf(team)).toEqual(before);
    expect(await asAdminChanging(team.rep.id, ['MARKETING'])).toEqual({
      updateMember: { roles: ['MARKETING'] },
    });
    const after = await rowsOf(team);
    expect(after.filter((row) => samsOpen.has(row.id))).toEqual(
      before
        .filter((row) => samsOpen.has(row.id))
        .map((row) => ({ ...row, ownerId: null, events: row.events + 1 })),
    );
    expect(after.filter((row) => !samsOpen.has(row.id))).toEqual(
      before.filter((row) => !samsOpen.has(row.id)),
    );
  });

  it("reassigns a leaving rep's handover to the deactivating admin at the same moment without a deadlock", async () => {
    // One connection: the embedded server runs transactions one after the other, so none waits on another's lock.
    if (database.embedded) return;
    const team = await newHandoverTeam(app);
    await mqls(team, 2);
    const sams = (await rowsOf(team)).find((row) => row.ownerId === team.rep.id);
    if (!sams) throw new Error('the team has no handover of Sam');
    // The worst interleaving, forced: the reassignment checks its new owner (the admin) only once the
    // deactivation holds the admins' rows, which it locks before the leaving rep's handovers.
    const signal = () => {
      let resolve = () => undefined as void;
      const promise = new Promise<void>((done) => (resolve = done));
      return { promise, resolve };
    };
    const ownerCheckReached = signal();
    const adminsLocked = signal();
    const owners = app.get(HandoversRepository);
    const members = app.get(MembersRepository);
    const checkOwner = owners.isActiveSalesMember.bind(owners);
    const lockAdmins = members.lockActiveAdmins.bind(members);
    const ownerSpy = jest.spyOn(owners, 'isActiveSalesMember').mockImplementation(async (manager, id) => {
      ownerCheckReached.resolve();
      await adminsLocked.promise;
      return checkOwner(manager, id);
    });
    const adminsSpy = jest.spyOn(members, 'lockActiveAdmins').mockImplementation(async (manager) => {
      const admins = await lockAdmins(manager);
      adminsLocked.resolve();
      return admins;
    });
    try {
      const reassigning = handovers.reassign(team.manager, { id: sams.id, ownerId: team.admin.id });
      await ownerCheckReached.promise;
      const [reassigned, deactivated] = await Promise.allSettled([
        reassigning,
        asAdmin(
          team,
          'mutation ($memberId: ID!) { deactivateMember(memberId: $memberId) { status } }',
          team.rep.id,
        ),
      ]);
      expect(deactivated).toEqual({
        status: 'fulfilled',
        value: { deactivateMember: { status: 'DEACTIVATED' } },
      });
      expect(reassigned).toMatchObject({ status: 'fulfilled', value: { owner: { id: team.admin.id } } });
    } finally {
      ownerSpy.mockRestore();
      adminsSpy.mockRestore();
    }
  });

  it('leaves them no open handover when routing and reassignment to them run at the same moment', async () => {
    const team = await newHandoverTeam(app);
    await mqls(team, 2);
    const rexs = (await rowsOf(team)).find((row) => row.ownerId === team.rex.id);
    for (let index = 0; index < 4; index += 1) await hotMql(app, team, clock);

    const [deactivated] = await Promise.allSettled([
      asAdmin(
        team,
        'mutation ($memberId: ID!) { deactivateMember(memberId: $memberId) { status } }',
        team.rep.id,
      ),
      opener.drain(),
      handovers.reassign(team.manager, { id: rexs?.id ?? '', ownerId: team.rep.id }),
    ]);

    expect(deactivated).toEqual({
      status: 'fulfilled',
      value: { deactivateMember: { status: 'DEACTIVATED' } },
    });
    const rows = await rowsOf(team);
    expect(rows).toHaveLength(6);
    expect(rows.filter((row) => row.ownerId === team.rep.id && row.status === 'OPEN')).toEqual([]);
  });
});
