import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

// The jobs' tests drive the real paths that make a lead an MQL: a published agreement, a lead and its signals.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AgreementsModule, AgreementsService } from '@accord/api/agreements/feature';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { LeadsModule, LeadsService, RescoreWorker, SignalIngestionService } from '@accord/api/leads/feature';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { SharedAuthModule } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { GraphqlSetupModule } from '@accord/api/shared/graphql';
import { FrozenClock, TestDatabase, TestTeam, createTeam, testModule } from '@accord/api/shared/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { WebhooksModule } from '@accord/api/webhooks/feature';

import { HandoversModule } from './handovers.module';

export type HandoverTeam = TestTeam<'marketing' | 'manager' | 'rep' | 'rex' | 'admin'>;

const HOUR = 3_600_000;

const HANDOVER_APP_MODULES = [
  MembersDataAccessModule,
  AgreementsModule,
  LeadsModule,
  HandoversModule,
  WebhooksModule,
];

/** One process of the app with the handover jobs, polling off: the tests run the jobs' passes themselves. */
export function startHandoverApp(database: TestDatabase, clock: Clock): Promise<INestApplicationContext> {
  return testModule(database, clock, [...HANDOVER_APP_MODULES])
    .compile()
    .then((moduleRef) => moduleRef.init());
}

/** The same, serving GraphQL (with authentication) over HTTP on a free port of 127.0.0.1. */
export async function startHandoverHttpApp(
  database: TestDatabase,
  clock: Clock,
): Promise<{ app: INestApplication; baseUrl: string }> {
  const moduleRef = await testModule(database, clock, [
    GraphqlSetupModule.forRoot({ production: false }),
    SharedAuthModule,
    ...HANDOVER_APP_MODULES,
  ]).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as { address(): AddressInfo }).address();
  return { app, baseUrl: `http://127.0.0.1:${port}` };
}

/** A workspace whose signed agreement routes new MQLs to Sam (`rep`) and Rex (`rex`) in turn. */
export async function newHandoverTeam(app: INestApplicationContext): Promise<HandoverTeam> {
  const team = await createTeam(app, {
    marketing: { name: 'Mia', roles: ['MARKETING'], approver: true },
    // Signs for sales: a sales manager.
    manager: { name: 'Sue', roles: ['SALES'], approver: true },
    rep: { name: 'Sam', roles: ['SALES'] },
    rex: { name: 'Rex', roles: ['SALES'] },
    admin: { name: 'Ada', roles: ['ADMIN'] },
  });
  const agreements = app.get(AgreementsService);
  const draft = await agreements.createDraft(team.marketing, {});
  const document = structuredClone(draft.document);
  document.handover.routing = { mode: 'ROUND_ROBIN', memberIds: [team.rep.id, team.rex.id] };
  const saved = await agreements.save(team.marketing, {
    versionId: draft.id,
    baseRevision: draft.revision,
    document,
  });
  await agreements.propose(team.marketing, { versionId: saved.id, revision: saved.revision });
  await agreements.sign(team.marketing, { versionId: saved.id, revision: saved.revision, side: 'MARKETING' });
  await agreements.sign(team.manager, { versionId: saved.id, revision: saved.revision, side: 'SALES' });
  await app.get(RescoreWorker).drain();
  return team;
}

/** A good-fit lead that a demo request and a pricing visit make a hot MQL; returns its id. */
export async function hotMql(
  app: INestApplicationContext,
  team: HandoverTeam,
  clock: FrozenClock,
): Promise<string> {
  const lead = await app.get(LeadsService).create(team.marketing, {
    email: `vp-${randomUUID().slice(0, 8)}@bigco.example`,
    title: 'VP Marketing',
    seniority: 'VP',
    budgetAuthority: true,
    employeeCount: 500,
    industry: 'Software',
    country: 'US',
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
