import { INestApplicationContext } from '@nestjs/common';

import { OwnerDb, TenantDb } from '@accord/api/shared/database';
import {
  FrozenClock,
  TestDatabase,
  createTestDatabase,
  failingInsert,
  terminateWhileWriting,
} from '@accord/api/shared/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { WebhooksService } from '@accord/api/webhooks/feature';

import { HandoverExpirer } from './handover-expirer';
import { HandoverOpener } from './handover-opener';
import { HandoverTeam, hotMql, newHandoverTeam, startHandoverApp } from './handover-team.int-fixture';
import { HandoversService } from './handovers.service';

/** A pass of a handover job, run by one process of the app. */
type Pass = (process: INestApplicationContext) => Promise<unknown>;

/**
 * The handover jobs when a pass dies in the middle of its transaction — after it changed the handovers, before
 * it committed their effects — and the passes after it. Two ways to die: the connection is terminated while
 * the pass waits to queue its webhooks (a process killed, on its own replica), or a statement after the change
 * fails (a trigger injected for the test).
 */
describe('the handover jobs after a pass dies mid-transaction', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  const clock = new FrozenClock();

  function sql<T>(team: HandoverTeam, text: string, params: unknown[] = []): Promise<T[]> {
    return app.get(TenantDb).inWorkspace(team.workspaceId, (manager) => manager.query(text, params));
  }

  /** Runs `pass` on a replica of its own and terminates its connection as it queues webhooks. */
  async function killedWhileQueueingWebhooks(pass: Pass): Promise<void> {
    const replica = await startHandoverApp(database, clock);
    try {
      await terminateWhileWriting(database.url, 'webhook_events', () => pass(replica));
    } finally {
      await replica.close().catch(() => undefined);
    }
  }

  /** Runs `pass` while inserting a handover event of `kind` fails. */
  function failingEvent(kind: string): (pass: Pass) => Promise<void> {
    return (pass) =>
      failingInsert(app.get(OwnerDb), 'handover_events', `NEW.kind = '${kind}'`, () => pass(app));
  }

  /** Everything an expiry changes, in the team's workspace. */
  async function expiryEffects(team: HandoverTeam) {
    const [effects] = await sql<Record<string, unknown>>(
      team,
      `SELECT (SELECT array_agg(status ORDER BY id) FROM handovers) AS statuses,
              (SELECT count(*)::int FROM handovers WHERE expired_at IS NOT NULL) AS "expiredAt",
              (SELECT coalesce(array_agg(handover_id::text ORDER BY handover_id), '{}')
                 FROM handover_events WHERE kind = 'EXPIRED') AS events,
              (SELECT coalesce(array_agg(payload->>'handoverId' ORDER BY payload->>'handoverId' COLLATE "C"), '{}')
                 FROM webhook_events WHERE type = 'handover.expired') AS webhooks,
              (SELECT count(*)::int FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
                WHERE e.type = 'handover.expired') AS deliveries,
              (SELECT coalesce(array_agg(recipient || ' ' || cardinality(about_ids) ORDER BY recipient), '{}')
                 FROM mail_outbox WHERE kind = 'HANDOVERS_EXPIRED') AS escalations`,
    );
    return effects;
  }

  /** Everything opening handovers changes, in the team's workspace. */
  async function openingEffects(team: HandoverTeam) {
    const [effects] = await sql<Record<string, unknown>>(
      team,
      `SELECT (SELECT coalesce(array_agg(lead_id::text || ' ' || coalesce(owner_id::text, '-') ORDER BY lead_id), '{}')
                 FROM handovers) AS handovers,
              (SELECT array_agg(id::text || ' ' || coalesce(owner_id::text, '-') ORDER BY id) FROM leads) AS leads,
              (SELECT cursors FROM handover_routing) AS routing,
              (SELECT count(*)::int FROM handover_events WHERE kind = 'CREATED') AS events,
              (SELECT count(*)::int FROM webhook_events WHERE type = 'handover.created') AS webhooks,
              (SELECT count(*)::int FROM lead_transitions WHERE to_stage = 'MQL' AND handover_checked_at IS NULL)
                AS waiting`,
    );
    return effects;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startHandoverApp(database, clock);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const deaths: [string, (pass: Pass) => Promise<void>][] = [
    ['its connection was terminated as it queued the webhooks', killedWhileQueueingWebhooks],
    ['a statement after the expiry failed', failingEvent('EXPIRED')],
  ];

  // Checks that an expiry, its audit event (what the managers' escalation queue and reports read) and its
  // handover.expired webhook commit together: were the expiry committed first, the pass after the death would
  // find nothing OPEN and the event and webhook would be lost for good.
  it.each(deaths)('expires each handover once with all its effects after a pass died: %s', async (_, die) => {
    if (die === killedWhileQueueingWebhooks && database.embedded) return; // one connection: no lock to wait on
    const team = await newHandoverTeam(app);
    await app.get(WebhooksService).create(team.admin, {
      url: 'http://127.0.0.1:9/expired',
      events: ['handover.expired'],
    });
    await hotMql(app, team, clock);
    await hotMql(app, team, clock);
    await app.get(HandoverOpener).drain();
    const [{ due }] = await sql<{ due: Date }>(team, `SELECT max(due_at) AS due FROM handovers`);
    clock.current = new Date(due.getTime() + 1);
    const before = await expiryEffects(team);

    await die((process) => process.get(HandoverExpirer).drain());
    expect(await expiryEffects(team)).toEqual(before);

    // The next passes — two replicas at once, then one more — do it all, once.
    const expirer = app.get(HandoverExpirer);
    await Promise.all([expirer.drain(), expirer.drain()]);
    await expirer.drain();
    const ids = (await sql<{ id: string }>(team, `SELECT id FROM handovers ORDER BY id`)).map(
      (row) => row.id,
    );
    expect(await expiryEffects(team)).toEqual({
      statuses: ['EXPIRED', 'EXPIRED'],
      expiredAt: 2,
      events: ids,
      webhooks: ids,
      deliveries: 2,
      // One digest per sales manager, Ada (admin) and Sue (sales approver), naming both handovers.
      escalations: [`${team.admin.email} 2`, `${team.manager.email} 2`].sort(),
    });
    const escalated = await app
      .get(HandoversService)
      .queue(team.manager, { scope: 'TEAM', view: 'EXPIRED', first: 50 });
    expect(escalated.edges.map((edge) => edge.node.id).sort()).toEqual(ids);
  });

  // Checks that taking a move into MQL, opening its handover, routing it, owning the lead, the CREATED event
  // and the handover.created webhook commit together: were the handovers committed before their event and
  // webhook, the pass after the death would find the moves taken and never write them. The leads must also be
  // routed as an uninterrupted pass routes them: the dead pass's round-robin turns never count.
  it.each([
    ['its connection was terminated as it queued the webhooks', killedWhileQueueingWebhooks],
    ['a statement after the handovers were inserted failed', failingEvent('CREATED')],
  ])('opens each handover once, routed in turn, after a pass died: %s', async (_, die) => {
    if (die === killedWhileQueueingWebhooks && database.embedded) return; // one connection: no lock to wait on
    const team = await newHandoverTeam(app);
    await app.get(WebhooksService).create(team.admin, {
      url: 'http://127.0.0.1:9/created',
      events: ['handover.created'],
    });
    const first = await hotMql(app, team, clock);
    const second = await hotMql(app, team, clock);
    const before = await openingEffects(team);
    expect(before['waiting']).toBe(2);

    await die((process) => process.get(HandoverOpener).drain());
    expect(await openingEffects(team)).toEqual(before);

    const opener = app.get(HandoverOpener);
    await opener.drain();
    await opener.drain();
    const routed = [`${first} ${team.rep.id}`, `${second} ${team.rex.id}`].sort();
    expect(await openingEffects(team)).toEqual({
      handovers: routed,
      leads: routed,
      routing: expect.anything(),
      events: 2,
      webhooks: 2,
      waiting: 0,
    });
  });
});
