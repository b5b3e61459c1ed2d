import { INestApplicationContext } from '@nestjs/common';
import { IncomingHttpHeaders, Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import type { EntityManager } from 'typeorm';

// agreement.published is proven through the real publication path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AgreementsModule, AgreementsService } from '@accord/api/agreements/feature';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { loadConfig } from '@accord/api/shared/config';
import { OwnerDb, TenantDb } from '@accord/api/shared/database';
import { AppError } from '@accord/api/shared/graphql';
import {
  FrozenClock,
  TestDatabase,
  TestTeam,
  createTeam,
  createTestDatabase,
  failingWrite,
  testModule,
} from '@accord/api/shared/testing';
import { WebhookOutboxRepository, WebhooksRepository } from '@accord/api/webhooks/data-access';
import { MAX_DELIVERY_ATTEMPTS, type WebhookEventName, verifySignatureHeader } from '@accord/domain/webhooks';

import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookSecrets, hmacHex } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';
import { WebhooksModule } from './webhooks.module';
import { WebhooksService } from './webhooks.service';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP receiver on an ephemeral port; answers with the scripted statuses, then `fallback` — but a path in
 * `fixed` always gets its own answer (parallel attempts take scripted statuses in no set order).
 */
class Receiver {
  readonly received: Received[] = [];
  script: number[] = [];
  fallback = 200;
  readonly fixed = new Map<string, { status: number; body: string }>();
  /** How long each answer takes. */
  delayMs = 0;
  private server!: Server;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({
          path: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const { status, body } = this.fixed.get(request.url ?? '') ?? {
          status: this.script.shift() ?? this.fallback,
          body: 'receiver says hello',
        };
        setTimeout(() => {
          response.writeHead(status, { 'content-type': 'text/plain' });
          response.end(body);
        }, this.delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  on(path: string): Received[] {
    return this.received.filter((request) => request.path === path);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

type Team = TestTeam<'admin' | 'marketing' | 'sales'>;

function codeOf(error: unknown): string {
  return error instanceof AppError ? error.code : String(error);
}

describe('outgoing webhooks on PostgreSQL with a real receiver', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let webhooks: WebhooksService;
  let worker: WebhookDeliveryWorker;
  const clock = new FrozenClock();
  const receiver = new Receiver();
  /** Every test's teams: their endpoints are deleted after it, so no test leaves work due for the next. */
  const teams: Team[] = [];

  async function newTeam(): Promise<Team> {
    const team = await createTeam(app, {
      admin: { name: 'ada', roles: ['ADMIN'], approver: true },
      marketing: { name: 'mia', roles: ['MARKETING'], approver: true },
      sales: { name: 'sam', roles: ['SALES'], approver: true },
    });
    teams.push(team);
    return team;
  }

  /** Queues an event the way a feature does: inside its own workspace transaction. */
  function emit(team: Team, event: WebhookEventName, payload: Record<string, unknown>): Promise<void> {
    return app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        app.get(WebhookOutboxRepository).enqueue(manager, event, payload, clock.now()),
      );
  }

  async function deliveries(team: Team, endpointId: string) {
    const page = await webhooks.deliveries(team.admin, { endpointId, first: 50 });
    return page.edges.map((edge) => edge.node);
  }

  beforeAll(async () => {
    await receiver.start();
    database = await createTestDatabase();
    const moduleRef = await testModule(database, clock, [
      MembersDataAccessModule,
      AgreementsModule,
      WebhooksModule,
    ]).compile();
    app = await moduleRef.init();
    webhooks = app.get(WebhooksService);
    worker = app.get(WebhookDeliveryWorker);
  });

  afterEach(async () => {
    for (const team of teams.splice(0)) {
      for (const endpoint of await webhooks.list(team.admin)) await webhooks.delete(team.admin, endpoint.id);
    }
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
    await receiver.stop();
  });

  it('signs a delivery so that the receiver verifies it with the secret shown at creation', async () => {
    const team = await newTeam();
    const created = await webhooks.create(team.admin, {
      url: receiver.url('/signed'),
      events: ['handover.created'],
      description: 'CRM',
    });
    await emit(team, 'handover.created', { handoverId: 'h1', leadId: 'l1' });

    expect(await worker.drain()).toBe(1);

    const [request] = receiver.on('/signed');
    const nowSeconds = Math.floor(clock.now().getTime() / 1000);
    const verify = (secret: string) =>
      verifySignatureHeader(
        String(request.headers['accord-signature']),
        request.body,
        (content) => hmacHex(secret, content),
        nowSeconds,
      );
    const [delivery] = await deliveries(team, created.endpoint.id);
    expect({
      verifiedWithSecret: verify(created.secret),
      verifiedWithAnother: verify('whsec_wrong'),
      event: request.headers['accord-event'],
      deliveryHeader: request.headers['accord-delivery'],
      contentType: request.headers['content-type'],
      body: JSON.parse(request.body),
    }).toEqual({
      verifiedWithSecret: null,
      verifiedWithAnother: 'NO_MATCHING_SIGNATURE',
      event: 'handover.created',
      deliveryHeader: delivery.id,
      contentType: 'application/json',
      body: {
        id: delivery.eventId,
        type: 'handover.created',
        workspaceId: team.workspaceId,
        occurredAt: clock.now().toISOString(),
        data: { handoverId: 'h1', leadId: 'l1' },
      },
    });
    expect(delivery).toMatchObject({
      status: 'DELIVERED',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
      deliveredAt: clock.now(),
      event: 'handover.created',
      endpointUrl: receiver.url('/signed'),
    });
    // The secret is shown once: listing shows its prefix only.
    expect(await webhooks.list(team.admin)).toEqual([
      expect.objectContaining({ id: created.endpoint.id, secretPrefix: created.secret.slice(0, 10) }),
    ]);
    expect(JSON.stringify(await webhooks.list(team.admin))).not.toContain(created.secret);
  });

  it('signs with a rotated secret from the next attempt on, and no longer with the old one', async () => {
    const team = await newTeam();
    const created = await webhooks.create(team.admin, {
      url: receiver.url('/rotated'),
      events: ['handover.created'],
    });
    const rotated = await webhooks.rotateSecret(team.admin, created.endpoint.id);
    await emit(team, 'handover.created', { handoverId: 'r1' });

    expect(await worker.drain()).toBe(1);

    const [request] = receiver.on('/rotated');
    const nowSeconds = Math.floor(clock.now().getTime() / 1000);
    const verify = (secret: string) =>
      verifySignatureHeader(
        String(request.headers['accord-signature']),
        request.body,
        (content) => hmacHex(secret, content),
        nowSeconds,
      );
    expect({
      differs: rotated.secret !== created.secret,
      prefix: rotated.endpoint.secretPrefix === rotated.secret.slice(0, 10),
      withNew: verify(rotated.secret),
      withOld: verify(created.secret),
    }).toEqual({ differs: true, prefix: true, withNew: null, withOld: 'NO_MATCHING_SIGNATURE' });
    const stranger = await newTeam();
    await expect(webhooks.rotateSecret(stranger.admin, created.endpoint.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('retries after a 500 on the backoff schedule, with the same delivery id, then delivers', async () => {
    const team = await newTeam();
    const { endpoint } = await webhooks.create(team.admin, {
      url: receiver.url('/flaky'),
      events: ['handover.decided'],
    });
    receiver.script.push(500);
    await emit(team, 'handover.decided', { handoverId: 'h2', decision: 'ACCEPTED' });
    const start = clock.now().getTime();

    expect(await worker.drain()).toBe(1);
    const [failed] = await deliveries(team, endpoint.id);
    expect(failed).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'HTTP 500: receiver says hello',
    });
    // 30 s, plus at most a tenth of jitter.
    expect(failed.nextAttemptAt!.getTime() - start).toBeGreaterThanOrEqual(30_000);
    expect(failed.nextAttemptAt!.getTime() - start).toBeLessThanOrEqual(33_000);
    expect(await worker.drain()).toBe(0);

    clock.advance(34_000);
    expect(await worker.drain()).toBe(1);

    const [delivered] = await deliveries(team, endpoint.id);
    expect(delivered).toMatchObject({
      status: 'DELIVERED',
      attempts: 2,
      lastStatusCode: 200,
      lastError: null,
    });
    expect(receiver.on('/flaky').map((request) => request.headers['accord-delivery'])).toEqual([
      delivered.id,
      delivered.id,
    ]);
  });

  // PostgreSQL refuses text with a NUL in it; the batch's outcomes are recorded in one statement, so an unstorable
  // answer once kept every delivery of the batch unrecorded, re-sent after each lease, forever.
  it("records a batch's outcomes when an answer's body holds control characters", async () => {
    const team = await newTeam();
    const garbled = await webhooks.create(team.admin, {
      url: receiver.url('/garbled'),
      events: ['handover.created'],
    });
    const healthy = await webhooks.create(team.admin, {
      url: receiver.url('/healthy'),
      events: ['handover.created'],
    });
    receiver.fixed.set('/garbled', { status: 500, body: 'bad\0gateway\x1b[0m\r\nretry later' });
    receiver.fixed.set('/healthy', { status: 200, body: 'ok' });
    try {
      await emit(team, 'handover.created', { handoverId: 'nul' });

      expect(await worker.drain()).toBe(2);
    } finally {
      receiver.fixed.clear();
    }

    expect({
      garbled: await deliveries(team, garbled.endpoint.id),
      healthy: await deliveries(team, healthy.endpoint.id),
    }).toMatchObject({
      garbled: [
        {
          status: 'PENDING',
          attempts: 1,
          lastStatusCode: 500,
          lastError: 'HTTP 500: bad\uFFFDgateway\uFFFD[0m\nretry later',
        },
      ],
      healthy: [{ status: 'DELIVERED', attempts: 1, lastStatusCode: 200, lastError: null }],
    });
    expect(await worker.drain()).toBe(0);
  });

  it('gives up after the last attempt, and an admin can redeliver it', async () => {
    const team = await newTeam();
    const { endpoint } = await webhooks.create(team.admin, {
      url: receiver.url('/down'),
      events: ['opportunity.closed'],
    });
    receiver.script.push(...Array<number>(MAX_DELIVERY_ATTEMPTS).fill(503));
    await emit(team, 'opportunity.closed', { opportunityId: 'o1', stage: 'WON' });

    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt += 1) {
      expect(await worker.drain()).toBe(1);
      clock.advance(14 * 3600_000);
    }
    expect(await worker.drain()).toBe(0);
    const [failed] = await deliveries(team, endpoint.id);
    expect(failed).toMatchObject({
      status: 'FAILED',
      attempts: MAX_DELIVERY_ATTEMPTS,
      lastStatusCode: 503,
      nextAttemptAt: null,
    });
    expect(receiver.on('/down')).toHaveLength(MAX_DELIVERY_ATTEMPTS);

    const queued = await webhooks.redeliver(team.admin, failed.id);
    expect(queued).toMatchObject({
      id: failed.id,
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: clock.now(),
    });
    await expect(webhooks.redeliver(team.admin, failed.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await worker.drain()).toBe(1);
    expect((await deliveries(team, endpoint.id))[0]).toMatchObject({ status: 'DELIVERED', attempts: 1 });
  });

  it('records why an attempt got no answer', async () => {
    const team = await newTeam();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { endpoint } = await webhooks.create(team.admin, {
      url: `http://127.0.0.1:${port}/gone`,
      events: ['handover.expired'],
    });
    await emit(team, 'handover.expired', { handoverId: 'h3' });

    expect(await worker.drain()).toBe(1);

    const [delivery] = await deliveries(team, endpoint.id);
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, lastStatusCode: null });
    expect(delivery.lastError).toMatch(/ECONNREFUSED/);
  });

  it('fails an attempt whose secret was encrypted under another server secret, saying why', async () => {
    const team = await newTeam();
    const { endpoint } = await webhooks.create(team.admin, {
      url: receiver.url('/rekeyed'),
      events: ['handover.created'],
    });
    const otherServer = new WebhookSecrets(
      loadConfig({ JWT_SECRET: 'another-server-secret-of-40-characters!!' }),
    );
    await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        app
          .get(WebhooksRepository)
          .replaceSecret(
            manager,
            endpoint.id,
            { secretCiphertext: otherServer.encrypt('whsec_x'), secretPrefix: 'whsec_x' },
            clock.now(),
          ),
      );
    await emit(team, 'handover.created', { handoverId: 'k' });

    expect(await worker.drain()).toBe(1);

    expect(receiver.on('/rekeyed')).toEqual([]);
    expect((await deliveries(team, endpoint.id))[0]).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastStatusCode: null,
      lastError:
        "the signing secret cannot be decrypted (was JWT_SECRET changed?); rotate the endpoint's secret",
    });
  });

  it('in production, refuses to connect to a private address, however the name resolves', async () => {
    const production = new WebhookSender(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'production-secret-of-at-least-32-chars!' }),
    );
    production.resolver = (_hostname, _options, callback) =>
      callback(null, [{ address: '127.0.0.1', family: 4 }]);
    const development = new WebhookSender(loadConfig({}));
    development.resolver = production.resolver;
    const port = new URL(receiver.url('/')).port;
    const request = (url: string) => ({
      url,
      body: '{}',
      event: 'handover.created',
      deliveryId: 'd',
      signature: 's',
    });

    const results = [
      await production.send(request(receiver.url('/private'))),
      await production.send(request(`http://localhost:${port}/private`)),
      await production.send(request(`http://hooks.example.com:${port}/private`)),
      await development.send(request(`http://hooks.example.com:${port}/private`)),
    ];

    const refused = {
      statusCode: null,
      error: 'refused: the host resolves to a loopback, private or link-local address',
    };
    expect(results).toEqual([refused, refused, refused, { statusCode: 200, error: null }]);
    expect(receiver.on('/private').map((received) => received.headers.host)).toEqual([
      `hooks.example.com:${port}`,
    ]);
  });

  it('in production, refuses IPv6 addresses that embed a private IPv4 one, literal or resolved', async () => {
    const production = new WebhookSender(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'production-secret-of-at-least-32-chars!' }),
    );
    const port = new URL(receiver.url('/')).port;
    // A name of its own: the global agent keeps sockets alive per host, and another test's sender reached
    // hooks.example.com on this port.
    const send = (url: string, addresses: string[] = []) => {
      production.resolver = (_hostname, _options, callback) =>
        callback(
          null,
          addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
        );
      return production.send({ url, body: '{}', event: 'handover.created', deliveryId: 'd', signature: 's' });
    };

    const results = [
      await send(`http://[64:ff9b::7f00:1]:${port}/embedded`),
      await send(`http://[::ffff:127.0.0.1]:${port}/embedded`),
      await send(`http://[2002:7f00:1::]:${port}/embedded`),
      await send(`http://ipv6.example.com:${port}/embedded`, ['64:ff9b::a9fe:a9fe']),
      await send(`http://ipv6.example.com:${port}/embedded`, ['::ffff:169.254.169.254']),
      await send(`http://ipv6.example.com:${port}/embedded`, ['::a9fe:a9fe']),
      await send(`http://ipv6.example.com:${port}/embedded`, ['2002:a9fe:a9fe::1']),
      await send(`http://ipv6.example.com:${port}/embedded`, ['::ffff:0:a9fe:a9fe']),
      await send(`http://ipv6.example.com:${port}/embedded`, ['64:ff9b:1::808:808']),
      await send(`http://ipv6.example.com:${port}/embedded`, ['127.0.0.1', '64:FF9B::A9FE:A9FE']),
    ];

    const refused = {
      statusCode: null,
      error: 'refused: the host resolves to a loopback, private or link-local address',
    };
    expect(results).toEqual(Array<typeof refused>(10).fill(refused));
    expect(receiver.on('/embedded')).toEqual([]);
  });

  it('gives up on an attempt the endpoint does not answer in time', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const result = await new WebhookSender(loadConfig({})).send(
        {
          url: `http://127.0.0.1:${port}/slow`,
          body: '{}',
          event: 'handover.created',
          deliveryId: 'd',
          signature: 's',
        },
        200,
      );
      expect(result).toEqual({ statusCode: null, error: 'no answer within 0.2 s' });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('keeps a committed event through a crash: a later worker delivers it; a rolled-back change queues nothing', async () => {
    const team = await newTeam();
    const { endpoint } = await webhooks.create(team.admin, {
      url: receiver.url('/durable'),
      events: ['handover.created'],
    });
    await emit(team, 'handover.created', { handoverId: 'kept' });
    await expect(
      app.get(TenantDb).inWorkspace(team.workspaceId, async (manager) => {
        await app
          .get(WebhookOutboxRepository)
          .enqueue(manager, 'handover.created', { handoverId: 'lost' }, clock.now());
        throw new Error('the change failed after queueing its webhook');
      }),
    ).rejects.toThrow('the change failed');

    // No worker ran before the "crash"; a fresh process's worker finds the committed delivery.
    expect(receiver.on('/durable')).toEqual([]);
    const restarted = await testModule(database, clock, [WebhooksModule], { poolSize: 2 }).compile();
    const later = await restarted.init();
    try {
      expect(await later.get(WebhookDeliveryWorker).drain()).toBe(1);
    } finally {
      await later.close();
    }
    expect(receiver.on('/durable').map((request) => JSON.parse(request.body).data)).toEqual([
      { handoverId: 'kept' },
    ]);
    expect((await deliveries(team, endpoint.id)).map((delivery) => delivery.status)).toEqual(['DELIVERED']);
  });

  it('sends each delivery once when several workers drain several workspaces at the same time', async () => {
    for (const team of [await newTeam(), await newTeam(), await newTeam()]) {
      await webhooks.create(team.admin, { url: receiver.url('/race'), events: ['handover.created'] });
      for (let n = 0; n < 30; n += 1) await emit(team, 'handover.created', { n });
    }

    const counts = await Promise.all([worker.drain(), worker.drain(), worker.drain()]);

    const ids = receiver.on('/race').map((request) => request.headers['accord-delivery']);
    expect([counts.reduce((sum, count) => sum + count, 0), ids.length, new Set(ids).size]).toEqual([
      90, 90, 90,
    ]);
  });

  // Checks that the workspaces' lanes run to their end whatever one of them meets: were the pass to end at the
  // first workspace that fails, it would end with the others' attempts still in flight (neither awaited nor
  // recorded, and a shutdown would not wait for them) — and a workspace queued behind the failing one would wait.
  it('delivers the other workspaces when one fails, and ends its pass only once every attempt is recorded', async () => {
    const sick = await newTeam();
    const healthy = await newTeam();
    const endpoints = new Map<Team, string>();
    for (const team of [sick, healthy]) {
      const created = await webhooks.create(team.admin, {
        url: receiver.url('/lanes'),
        events: ['handover.created'],
      });
      endpoints.set(team, created.endpoint.id);
      await emit(team, 'handover.created', { lane: team.workspaceId });
    }

    receiver.delayMs = 300;
    try {
      await failingWrite(
        app.get(OwnerDb),
        'UPDATE',
        'webhook_deliveries',
        `NEW.workspace_id = '${sick.workspaceId}'`,
        () => worker.drain(),
      );
    } finally {
      receiver.delayMs = 0;
    }

    const statuses = async (team: Team) =>
      (await deliveries(team, endpoints.get(team) as string)).map((delivery) => delivery.status);
    expect(await statuses(healthy)).toEqual(['DELIVERED']);
    expect(await statuses(sick)).toEqual(['PENDING']);
    expect(await worker.drain()).toBe(1);
    expect(await statuses(sick)).toEqual(['DELIVERED']);
  });

  it("lets the worker's cross-workspace scope read due deliveries but change none", async () => {
    const team = await newTeam();
    await webhooks.create(team.admin, { url: receiver.url('/system'), events: ['handover.created'] });
    await emit(team, 'handover.created', { n: 1 });

    const seen = await app.get(TenantDb).run({ system: true }, async (manager) => ({
      due: (
        await manager.query(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'PENDING'`)
      )[0].n,
      endpoints: (await manager.query(`SELECT count(*)::int AS n FROM webhook_endpoints`))[0].n,
      events: (await manager.query(`SELECT count(*)::int AS n FROM webhook_events`))[0].n,
      updated: (await manager.query(`UPDATE webhook_deliveries SET attempts = 99 RETURNING 1`))[1],
    }));

    expect(seen).toEqual({ due: 1, endpoints: 0, events: 0, updated: 0 });
  });

  it('keeps a delivery that moved on during its attempt as it is, and leaves a claimed one alone until its lease ends', async () => {
    const team = await newTeam();
    const { endpoint } = await webhooks.create(team.admin, {
      url: receiver.url('/late'),
      events: ['handover.created'],
    });
    await emit(team, 'handover.created', { handoverId: 'late' });
    const repository = app.get(WebhooksRepository);
    const inWorkspace = <T>(work: (manager: EntityManager) => Promise<T>) =>
      app.get(TenantDb).inWorkspace(team.workspaceId, work);

    const now = clock.now();
    const [claimed] = await inWorkspace((manager) =>
      repository.claimDue(manager, now, new Date(now.getTime() + 70_000), 20),
    );
    const reclaimed = await inWorkspace((manager) =>
      repository.claimDue(manager, now, new Date(now.getTime() + 70_000), 20),
    );
    await webhooks.update(team.admin, endpoint.id, { active: false });
    const recorded = await inWorkspace((manager) =>
      repository.recordAttempts(manager, [
        {
          id: claimed.id,
          attempts: claimed.attempts,
          status: 'DELIVERED',
          nextAttemptAt: null,
          statusCode: 200,
          error: null,
          deliveredAt: now,
        },
      ]),
    );

    expect({
      attempts: claimed.attempts,
      reclaimed,
      recorded,
      delivery: (await deliveries(team, endpoint.id))[0],
    }).toMatchObject({
      attempts: 1,
      reclaimed: [],
      recorded: 0,
      delivery: { status: 'FAILED', lastError: 'Endpoint deactivated', deliveredAt: null },
    });
  });

  it('queues one delivery per active endpoint subscribed to the event, and none for the others', async () => {
    const team = await newTeam();
    const subscribed = await webhooks.create(team.admin, {
      url: receiver.url('/fan/a'),
      events: ['handover.created', 'handover.decided'],
    });
    const other = await webhooks.create(team.admin, {
      url: receiver.url('/fan/b'),
      events: ['handover.expired'],
    });
    const inactive = await webhooks.create(team.admin, {
      url: receiver.url('/fan/c'),
      events: ['handover.created'],
    });
    await webhooks.update(team.admin, inactive.endpoint.id, { active: false });

    await emit(team, 'handover.created', { handoverId: 'fan' });

    const all = await webhooks.deliveries(team.admin, { first: 50 });
    expect(all.edges.map((edge) => [edge.node.endpointId, edge.node.event, edge.node.status])).toEqual([
      [subscribed.endpoint.id, 'handover.created', 'PENDING'],
    ]);
    expect(await deliveries(team, other.endpoint.id)).toEqual([]);
  });

  it('queues a batch of events in one call, one delivery per event and endpoint', async () => {
    const team = await newTeam();
    await webhooks.create(team.admin, {
      url: receiver.url('/batch/1'),
      events: ['handover.expired'],
    });
    await webhooks.create(team.admin, {
      url: receiver.url('/batch/2'),
      events: ['handover.expired'],
    });

    await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        app
          .get(WebhookOutboxRepository)
          .enqueueMany(manager, 'handover.expired', [{ n: 1 }, { n: 2 }, { n: 3 }], clock.now()),
      );
    await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        app.get(WebhookOutboxRepository).enqueueMany(manager, 'handover.expired', [], clock.now()),
      );
    expect(await worker.drain()).toBe(6);

    const data = (path: string) =>
      receiver
        .on(path)
        .map((request) => JSON.parse(request.body))
        .map((body: { id: string; data: { n: number } }) => [body.data.n, body.id]);
    const one = data('/batch/1').sort();
    const two = data('/batch/2').sort();
    expect([one.map(([n]) => n), two.map(([n]) => n), one.map(([, id]) => id)]).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      two.map(([, id]) => id),
    ]);
  });

  it('sends agreement.published from the publishing transaction', async () => {
    const team = await newTeam();
    const { endpoint } = await webhooks.create(team.admin, {
      url: receiver.url('/agreement'),
      events: ['agreement.published'],
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

    expect(await worker.drain()).toBe(1);

    const [request] = receiver.on('/agreement');
    expect(JSON.parse(request.body)).toMatchObject({
      type: 'agreement.published',
      workspaceId: team.workspaceId,
      data: {
        versionId: draft.id,
        number: 1,
        revision: draft.revision,
        effectiveAt: clock.now().toISOString(),
        publishedAt: clock.now().toISOString(),
        supersedesVersionNumber: null,
      },
    });
    expect((await deliveries(team, endpoint.id))[0]).toMatchObject({ status: 'DELIVERED' });
  });

  it("shows another workspace's admin none of a workspace's endpoints or deliveries", async () => {
    const team = await newTeam();
    const stranger = await newTeam();
    const { endpoint } = await webhooks.create(team.admin, {
      url: receiver.url('/mine'),
      events: ['handover.created'],
    });
    await emit(team, 'handover.created', { handoverId: 'private' });
    const [delivery] = await deliveries(team, endpoint.id);

    const attempts = await Promise.allSettled([
      webhooks.update(stranger.admin, endpoint.id, { active: false }),
      webhooks.delete(stranger.admin, endpoint.id),
      webhooks.redeliver(stranger.admin, delivery.id),
    ]);

    expect({
      endpoints: await webhooks.list(stranger.admin),
      deliveries: (await webhooks.deliveries(stranger.admin, { first: 50 })).edges,
      filtered: (await webhooks.deliveries(stranger.admin, { endpointId: endpoint.id, first: 50 })).edges,
      attempts: attempts.map((result) => (result.status === 'rejected' ? codeOf(result.reason) : 'OK')),
    }).toEqual({
      endpoints: [],
      deliveries: [],
      filtered: [],
      attempts: ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    });
    expect((await webhooks.list(team.admin)).map((listed) => listed.active)).toEqual([true]);
  });

  it('refuses members who are not admins', async () => {
    const team = await newTeam();
    const { endpoint } = await webhooks.create(team.admin, {
      url: receiver.url('/admin'),
      events: ['handover.created'],
    });
    const results = await Promise.allSettled([
      webhooks.list(team.sales),
      webhooks.create(team.marketing, { url: receiver.url('/x'), events: ['handover.created'] }),
      webhooks.update(team.sales, endpoint.id, { active: false }),
      webhooks.delete(team.marketing, endpoint.id),
      webhooks.deliveries(team.sales, { first: 10 }),
      webhooks.rotateSecret(team.marketing, endpoint.id),
      webhooks.redeliver(team.sales, endpoint.id),
    ]);
    expect(results.map((result) => (result.status === 'rejected' ? codeOf(result.reason) : 'OK'))).toEqual(
      Array(7).fill('FORBIDDEN'),
    );
  });

  it('refuses a URL that is not http or https', async () => {
    const team = await newTeam();
    await expect(
      webhooks.create(team.admin, { url: 'ftp://files.example.com/in', events: ['handover.created'] }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'url', message: 'must use http or https' }],
    });
  });

  it('fails waiting deliveries when an endpoint is deactivated, and deletes them with the endpoint', async () => {
    const team = await newTeam();
    const { endpoint } = await webhooks.create(team.admin, {
      url: receiver.url('/off'),
      events: ['handover.created'],
    });
    await emit(team, 'handover.created', { handoverId: 'waiting' });

    const deactivated = await webhooks.update(team.admin, endpoint.id, { active: false });
    const [failed] = await deliveries(team, endpoint.id);
    await expect(webhooks.redeliver(team.admin, failed.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await worker.drain()).toBe(0);
    expect(await webhooks.delete(team.admin, endpoint.id)).toBe(endpoint.id);

    expect({
      active: deactivated.active,
      failed: [failed.status, failed.lastError],
      afterDelete: (await webhooks.deliveries(team.admin, { first: 50 })).edges,
      endpoints: await webhooks.list(team.admin),
    }).toEqual({ active: false, failed: ['FAILED', 'Endpoint deactivated'], afterDelete: [], endpoints: [] });
  });

  it('pages deliveries newest first and filters them by status', async () => {
    const team = await newTeam();
    const { endpoint } = await webhooks.create(team.admin, {
      url: receiver.url('/pages'),
      events: ['handover.created'],
    });
    for (const n of [1, 2, 3]) {
      await emit(team, 'handover.created', { n });
      clock.advance(1_000);
    }
    const first = await webhooks.deliveries(team.admin, { first: 2 });
    const second = await webhooks.deliveries(team.admin, { first: 2, after: first.pageInfo.endCursor });
    expect({
      first: first.edges.map((edge) => edge.node.createdAt.getTime()),
      more: first.pageInfo.hasNextPage,
      second: second.edges.length,
      secondMore: second.pageInfo.hasNextPage,
      delivered: (await webhooks.deliveries(team.admin, { status: 'DELIVERED', first: 10 })).edges.length,
      pending: (
        await webhooks.deliveries(team.admin, { status: 'PENDING', endpointId: endpoint.id, first: 10 })
      ).edges.length,
    }).toEqual({
      first: [clock.now().getTime() - 1_000, clock.now().getTime() - 2_000],
      more: true,
      second: 1,
      secondMore: false,
      delivered: 0,
      pending: 3,
    });
  });
});
