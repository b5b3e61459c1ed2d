import { type INestApplicationContext, Logger } from '@nestjs/common';

import { AgreementDemoSeeder } from '@accord/api/agreements/feature';
import { seedWorkspace } from '@accord/api/demo-data';
import { LeadsDemoSeeder } from '@accord/api/leads/feature';
import { DEMO_MEMBERS, DEMO_WORKSPACE_ID, DemoWorkspaceSeeder } from '@accord/api/members/feature';
import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { OwnerDb } from '@accord/api/shared/database';

/** The demo's generated history: leads over 14 months (tools/seed's generator, docs/seed.md). */
export const DEMO_HISTORY = { leads: 3_000, months: 14, seed: 42 } as const;

function demoMember(email: string): AuthMember {
  const member = DEMO_MEMBERS.find((candidate) => candidate.email === email);
  if (!member) throw new Error(`no demo member ${email}`);
  return { ...member, workspaceId: DEMO_WORKSPACE_ID };
}

/**
 * Seeds the demo workspace once, feature by feature, through each feature's own services.
 * Returns true when it created the workspace, false when it was already there.
 */
export async function seedDemo(app: INestApplicationContext): Promise<boolean> {
  if (!(await app.get(DemoWorkspaceSeeder).seedIfMissing())) return false;
  const marketing = demoMember('marketing@demo.accord.dev');
  await app.get(AgreementDemoSeeder).seed(marketing, demoMember('sales@demo.accord.dev'));
  // A year and more of history under v1 (moved back into force from its start), written in one transaction:
  // INSERTs rather than COPY, which the embedded database's wire server does not take.
  const history = await app.get(OwnerDb).inWorkspace(DEMO_WORKSPACE_ID, (client) =>
    seedWorkspace(client, {
      ...DEMO_HISTORY,
      workspaceId: DEMO_WORKSPACE_ID,
      now: app.get(Clock).now(),
      copy: false,
    }),
  );
  new Logger('DemoSeed').log(
    `seeded ${DEMO_HISTORY.leads} leads of history in ${history.seconds.toFixed(1)} s`,
  );
  // Today's leads, scored as they are created (the history set the scoring pointer to v1); their handovers fill
  // the reps' queues. v1's rescore, queued by its publication, then scores every lead again in place.
  await app.get(LeadsDemoSeeder).seed(marketing);
  return true;
}
