import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import { Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import type { Role } from '@accord/domain/workspace';

/** A clock a test sets by hand; services read it through the Clock provider it replaces. */
export class FrozenClock extends Clock {
  current = new Date('2026-11-25T09:00:00.000Z');

  override now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TeamMemberSpec {
  name: string;
  roles: Role[];
  approver?: boolean;
}

/** A member as requests carry it (the shape of AuthMember, which this library cannot import: auth depends on it). */
export interface TestMember {
  id: string;
  workspaceId: string;
  email: string;
  name: string;
  roles: Role[];
  approver: boolean;
}

export type TestTeam<K extends string> = { workspaceId: string } & Record<K, TestMember>;

/**
 * A new workspace with one active member per entry, for integration tests. Written with SQL rather than the
 * members' repositories, so that every feature's tests can use it without depending on the members library.
 */
export async function createTeam<K extends string>(
  app: INestApplicationContext,
  members: Record<K, TeamMemberSpec>,
  timeZone = 'UTC',
): Promise<TestTeam<K>> {
  const workspaceId = randomUUID();
  const team = { workspaceId } as TestTeam<K>;
  for (const key of Object.keys(members) as K[]) {
    const { name, roles, approver = false } = members[key];
    const email = `${name.toLowerCase()}@${workspaceId.slice(0, 8)}.example`;
    (team as Record<K, TestMember>)[key] = { id: randomUUID(), workspaceId, email, name, roles, approver };
  }
  await app.get(TenantDb).inWorkspace(workspaceId, async (manager) => {
    await manager.query(`INSERT INTO workspaces (id, name, time_zone) VALUES ($1, 'Team', $2)`, [
      workspaceId,
      timeZone,
    ]);
    for (const key of Object.keys(members) as K[]) {
      const member = team[key];
      await manager.query(
        // Confirmed addresses, as members who joined by a mailed invitation have: a team's admin may invite.
        `INSERT INTO members (workspace_id, id, email, name, roles, approver, status, email_verified_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'ACTIVE', now())`,
        [workspaceId, member.id, member.email, member.name, member.roles, member.approver],
      );
    }
  });
  return team;
}
