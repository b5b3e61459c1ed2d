import { Injectable } from '@nestjs/common';

import { MembersRepository, WorkspacesRepository } from '@accord/api/members/data-access';
import { PasswordHasher } from '@accord/api/shared/auth';
import { TenantDb } from '@accord/api/shared/database';
import type { Role } from '@accord/domain/workspace';

/** Fixed, so that "first start" is simply "this workspace does not exist yet". */
export const DEMO_WORKSPACE_ID = '00000000-0000-4000-8000-00000000acc0';
export const DEMO_PASSWORD = 'accord-demo';

const SAM = '00000000-0000-4000-8000-0000000000a3';

// Sales members carry a monthly quota and a team, so that the dashboard's rep table shows attainment beside activity
// and its team filter has teams to offer.
export const DEMO_MEMBERS: {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  approver: boolean;
  monthlyQuota?: number;
  team?: string;
  managerId?: string;
}[] = [
  {
    id: '00000000-0000-4000-8000-0000000000a1',
    email: 'admin@demo.accord.dev',
    name: 'Ada Admin',
    roles: ['ADMIN'],
    approver: false,
  },
  {
    id: '00000000-0000-4000-8000-0000000000a2',
    email: 'marketing@demo.accord.dev',
    name: 'Mia Marketing',
    roles: ['MARKETING'],
    approver: true,
  },
  {
    id: SAM,
    email: 'sales@demo.accord.dev',
    name: 'Sam Sales',
    roles: ['SALES'],
    approver: true,
    monthlyQuota: 70_000,
    team: 'Enterprise',
  },
  {
    id: '00000000-0000-4000-8000-0000000000a4',
    email: 'exec@demo.accord.dev',
    name: 'Eve Executive',
    roles: ['EXECUTIVE'],
    approver: false,
  },
  // Sales reps beside Sam, who leads them: the agreement routes handovers to all four, and the demo history shows them
  // at work. Their monthly quotas add up to the starter agreement's revenue target (750,000 a quarter).
  {
    id: '00000000-0000-4000-8000-0000000000a5',
    email: 'riley@demo.accord.dev',
    name: 'Riley Rep',
    roles: ['SALES'],
    approver: false,
    monthlyQuota: 70_000,
    team: 'Enterprise',
    managerId: SAM,
  },
  {
    id: '00000000-0000-4000-8000-0000000000a6',
    email: 'jordan@demo.accord.dev',
    name: 'Jordan Rep',
    roles: ['SALES'],
    approver: false,
    monthlyQuota: 60_000,
    team: 'Mid-market',
    managerId: SAM,
  },
  {
    id: '00000000-0000-4000-8000-0000000000a7',
    email: 'noor@demo.accord.dev',
    name: 'Noor Rep',
    roles: ['SALES'],
    approver: false,
    monthlyQuota: 50_000,
    team: 'Mid-market',
    managerId: SAM,
  },
];

/** Creates the demo workspace and its members once; later starts leave it as users changed it. */
@Injectable()
export class DemoWorkspaceSeeder {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly workspaces: WorkspacesRepository,
    private readonly members: MembersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Returns true when it created the workspace, false when it already existed. */
  async seedIfMissing(): Promise<boolean> {
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    return this.tenantDb.inWorkspace(DEMO_WORKSPACE_ID, async (manager) => {
      if (await this.workspaces.findById(manager, DEMO_WORKSPACE_ID)) return false;
      await this.workspaces.insert(manager, { id: DEMO_WORKSPACE_ID, name: 'Demo Co', timeZone: 'UTC' });
      for (const member of DEMO_MEMBERS) {
        await this.members.insert(manager, {
          ...member,
          workspaceId: DEMO_WORKSPACE_ID,
          status: 'ACTIVE',
          passwordHash,
          // Left unconfirmed: the demo's password is public, so with a mail server its admin must not be able to
          // invite strangers — and its made-up address can never be confirmed.
        });
      }
      return true;
    });
  }
}
