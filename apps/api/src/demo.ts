import type { INestApplicationContext } from '@nestjs/common';

import { AgreementDemoSeeder } from '@accord/api/agreements/feature';
import { LeadsDemoSeeder } from '@accord/api/leads/feature';
import { DEMO_MEMBERS, DEMO_WORKSPACE_ID, DemoWorkspaceSeeder } from '@accord/api/members/feature';
import type { AuthMember } from '@accord/api/shared/auth';

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
  // v1's rescore is queued by its publication; the worker scores these leads as soon as the app is up.
  await app.get(LeadsDemoSeeder).seed(marketing);
  return true;
}
