import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

import { type PreparedSalesRep, refuseManagers, repName } from '@accord/domain/imports';
import type { MemberStatus, Role } from '@accord/domain/workspace';

import { type BatchContext, type GoodRow, type KindHandler, type RowResult, firstOfEachKey } from './handler';

interface MemberNow {
  id: string;
  email: string;
  name: string;
  team: string | null;
  managerId: string | null;
  managerEmail: string | null;
  roles: Role[];
  status: MemberStatus;
}

/** What a rep row writes: the member's name, team and manager as they will be. */
interface RepWrite {
  row: GoodRow<'SALES_REPS'>;
  id: string;
  existing: MemberNow | null;
  name: string;
  team: string | null;
  managerId: string | null;
}

/** Sent with each new rep's line: what the import did and what an admin does next. */
export const NEW_REP_MESSAGE =
  'added as an invited sales member, without a password; send the invitation from the Members page (Invite, same e-mail)';

/**
 * Sales reps become members of the workspace, keyed by e-mail. A new e-mail is added as an INVITED member with
 * the SALES role and no password — the same state the Members page's invitation leaves — so an admin sends the
 * link later (inviting the same e-mail again sends a fresh link and keeps the member). A known e-mail gets the
 * name, team and manager the file gives; an empty cell keeps what the member has. An import never changes an
 * existing member's roles, approver flag, status or password: access stays with the Members page, and the
 * report says so for every member whose access is not that of a plain sales rep.
 *
 * Managers are found among the members and anywhere in the batch's rows — a manager's row may come after its
 * reps', so every row is written before managers are set — and a row naming an unknown manager, or closing a
 * loop of managers, is refused and writes nothing.
 */
@Injectable()
export class SalesRepsImportHandler implements KindHandler<'SALES_REPS'> {
  async apply(
    manager: EntityManager,
    rows: readonly GoodRow<'SALES_REPS'>[],
    context: BatchContext,
  ): Promise<RowResult[]> {
    const { kept, skipped } = firstOfEachKey(rows, (row) => row.value.email, 'e-mail', context.taken);
    const results: RowResult[] = [...skipped];
    const members = await this.lockMembers(manager);
    const refusals = refuseManagers(
      kept.map((row) => ({ row: row.row, email: row.value.email, managerEmail: row.value.managerEmail })),
      members,
    );
    const refused = new Set(refusals.map((refusal) => refusal.row));
    const managerColumn = context.headerOf('manager');
    for (const refusal of refusals)
      results.push({ row: refusal.row, outcome: 'REFUSED', column: managerColumn, message: refusal.reason });
    const accepted = kept.filter((row) => !refused.has(row.row));
    const idOf = new Map([...members].map(([email, member]) => [email, member.id]));
    for (const row of accepted) if (!members.has(row.value.email)) idOf.set(row.value.email, randomUUID());
    const writes = accepted.map((row) => this.write(row, members.get(row.value.email) ?? null, idOf));
    await this.insertNew(
      manager,
      writes.filter((write) => write.existing === null),
    );
    await this.updateProfiles(
      manager,
      writes.filter((write) => this.changes(write)),
      context.now,
    );
    for (const write of writes) results.push(this.result(write));
    return results;
  }

  /**
   * Every member of the workspace, locked until the batch ends: managers are checked against the whole team.
   * Managers' e-mails are looked up here rather than by a self-join, which the planner may run as a nested loop
   * over a table it has not analysed since a large import (20,000 members took over 20 s).
   */
  private async lockMembers(manager: EntityManager): Promise<Map<string, MemberNow>> {
    // Reps imports of a workspace take turns, and the members are read once the turn is taken, so a second import
    // sees the members the first added (a row lock alone would leave it reading from before they existed, and it
    // would insert them again).
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('sales-reps:' || accord_current_workspace()::text, 0))`,
    );
    const rows: {
      id: string;
      email: string;
      name: string;
      team: string | null;
      manager_id: string | null;
      roles: Role[];
      status: MemberStatus;
    }[] = await manager.query(
      `SELECT id, email, name, team, manager_id, roles, status FROM members ORDER BY id FOR UPDATE`,
    );
    const emailOf = new Map(rows.map((row) => [row.id, row.email]));
    return new Map(
      rows.map((row) => [
        row.email,
        {
          id: row.id,
          email: row.email,
          name: row.name,
          team: row.team,
          managerId: row.manager_id,
          managerEmail: row.manager_id === null ? null : (emailOf.get(row.manager_id) ?? null),
          roles: row.roles,
          status: row.status,
        },
      ]),
    );
  }

  private write(row: GoodRow<'SALES_REPS'>, existing: MemberNow | null, idOf: Map<string, string>): RepWrite {
    const rep: PreparedSalesRep = row.value;
    const managerId = rep.managerEmail === null ? null : (idOf.get(rep.managerEmail) as string);
    return {
      row,
      id: existing?.id ?? (idOf.get(rep.email) as string),
      existing,
      name: rep.name ?? existing?.name ?? repName(rep.email),
      team: rep.team ?? existing?.team ?? null,
      managerId: managerId ?? existing?.managerId ?? null,
    };
  }

  private changes(write: RepWrite): boolean {
    const before = write.existing;
    // A new member is inserted without a manager (theirs may be inserted in the same statement), then set here.
    if (before === null) return write.managerId !== null;
    return before.name !== write.name || before.team !== write.team || before.managerId !== write.managerId;
  }

  private async insertNew(manager: EntityManager, writes: readonly RepWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await manager.query(
      `INSERT INTO members (workspace_id, id, email, name, roles, approver, status, password_hash, team)
       SELECT accord_current_workspace(), i.id, i.email, i.name, ARRAY['SALES']::text[], false, 'INVITED', NULL, i.team
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS i(id, email, name, team)`,
      [
        writes.map((write) => write.id),
        writes.map((write) => write.row.value.email),
        writes.map((write) => write.name),
        writes.map((write) => write.team),
      ],
    );
  }

  private async updateProfiles(
    manager: EntityManager,
    writes: readonly RepWrite[],
    now: Date,
  ): Promise<void> {
    if (writes.length === 0) return;
    await manager.query(
      `UPDATE members m
          SET name = i.name, team = i.team, manager_id = i.manager_id, updated_at = $5
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[]) AS i(id, name, team, manager_id)
        WHERE m.id = i.id`,
      [
        writes.map((write) => write.id),
        writes.map((write) => write.name),
        writes.map((write) => write.team),
        writes.map((write) => write.managerId),
        now,
      ],
    );
  }

  private result(write: RepWrite): RowResult {
    const { existing, row } = write;
    const notes =
      row.value.name === null && existing === null ? [`name: none given; named "${write.name}"`] : [];
    if (existing === null)
      return { row: row.row, outcome: 'CREATED', column: '', message: NEW_REP_MESSAGE, notes };
    return {
      row: row.row,
      outcome: this.changes(write) ? 'UPDATED' : 'UNCHANGED',
      column: '',
      message: accessLeftAlone(existing),
    };
  }
}

/**
 * Why an existing member's access was left as it is, when it is not a plain sales rep's; undefined when it is.
 * An import adds reps and fills in profiles; granting, removing or suspending access stays with an admin.
 */
export function accessLeftAlone(member: Pick<MemberNow, 'roles' | 'status'>): string | undefined {
  const plainRep = member.roles.length === 1 && member.roles[0] === 'SALES';
  if (plainRep && member.status !== 'DEACTIVATED') return undefined;
  const roles = member.roles.map((role) => role.toLowerCase()).join(', ');
  const status = member.status.toLowerCase();
  return `already a member (${roles}; ${status}): roles, status and password left as they are — an import never changes a member's access`;
}
