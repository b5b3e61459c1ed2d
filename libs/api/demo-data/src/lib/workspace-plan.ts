import type { ClientBase } from 'pg';

import type { AgreementDocument } from '@accord/domain/agreement';
import type { SeedVersion, WorkspacePlan } from '@accord/domain/demo-data';

const DAY_MS = 86_400_000;

export interface PlanOptions {
  workspaceId: string;
  leads: number;
  seed: number;
  /** Months of history before `now`. */
  months: number;
  now: Date;
  /** Add to a workspace that already has leads. */
  append?: boolean;
}

export interface LoadedPlan {
  plan: WorkspacePlan;
  /** The workspace's scoring pointer before the seed (null: no rescore has flipped it yet). */
  pointer: string | null;
  /** The version whose publication was moved back so that the whole history has a version in force. */
  backdated: { number: number; from: Date; to: Date } | null;
}

export class SeedRefused extends Error {}

/** The start of a history of `months` months before `now` (30.44 days each). */
export function historyStart(now: Date, months: number): Date {
  return new Date(now.getTime() - Math.round(months * 30.44) * DAY_MS);
}

/**
 * Reads what a seed builds on (the workspace, its published versions, its active sales team and routing turns)
 * and refuses what it must not touch. When the first published version took effect after the history would
 * start, it moves that version's whole lifecycle back (created, signed, published, in force), keeping its
 * order: a version is what scores every moment of the history, so one must be in force from its start.
 */
export async function loadPlan(client: ClientBase, options: PlanOptions): Promise<LoadedPlan> {
  const { workspaceId, now } = options;
  const workspace = await client.query<{ time_zone: string }>(
    `SELECT time_zone FROM workspaces WHERE id = $1`,
    [workspaceId],
  );
  if (workspace.rowCount === 0) throw new SeedRefused(`no workspace ${workspaceId}`);
  const [{ count }] = (
    await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM leads WHERE workspace_id = $1`,
      [workspaceId],
    )
  ).rows;
  if (count > 0 && !options.append)
    throw new SeedRefused(`workspace ${workspaceId} already has ${count} leads; pass --append to add more`);

  const start = historyStart(now, options.months);
  const versions = (
    await client.query<{ id: string; number: number; effective_at: Date; document: AgreementDocument }>(
      `SELECT id, number, effective_at, document FROM agreement_versions
        WHERE workspace_id = $1 AND status = 'PUBLISHED' AND effective_at <= $2 ORDER BY effective_at`,
      [workspaceId, now],
    )
  ).rows;
  if (versions.length === 0)
    throw new SeedRefused(`workspace ${workspaceId} has no published agreement in force: publish one first`);
  const backdated = await backdateFirst(client, workspaceId, versions[0], start);
  if (backdated) versions[0].effective_at = backdated.to;

  const members = (
    await client.query<{ id: string; roles: string[]; approver: boolean }>(
      `SELECT id, roles, approver FROM members WHERE workspace_id = $1 AND status = 'ACTIVE' ORDER BY email`,
      [workspaceId],
    )
  ).rows;
  const reps = members
    .filter((member) => member.roles.includes('SALES'))
    .map((member) => ({ id: member.id, manager: member.approver }));
  const pointer =
    (
      await client.query<{ version_id: string }>(
        `SELECT version_id FROM workspace_scoring WHERE workspace_id = $1`,
        [workspaceId],
      )
    ).rows[0]?.version_id ?? null;
  const inForce = versions[versions.length - 1].id;
  if (pointer !== null && pointer !== inForce)
    throw new SeedRefused('a rescore under the version in force has not finished yet: seed once it has');
  const cursors =
    (
      await client.query<{ cursors: Record<string, number> }>(
        `SELECT cursors FROM handover_routing WHERE workspace_id = $1`,
        [workspaceId],
      )
    ).rows[0]?.cursors ?? {};

  const seedVersions: SeedVersion[] = versions.map((version) => ({
    id: version.id,
    number: version.number,
    effectiveAt: version.effective_at,
    document: version.document,
  }));
  return {
    plan: {
      workspaceId,
      seed: options.seed,
      leads: options.leads,
      start,
      now,
      versions: seedVersions,
      reps,
      activeMemberIds: members.map((member) => member.id),
      cursors,
      creatorId: members.find((member) => member.roles.includes('MARKETING'))?.id ?? null,
      timeZone: workspace.rows[0].time_zone,
      firstIndex: count,
    },
    pointer,
    backdated,
  };
}

async function backdateFirst(
  client: ClientBase,
  workspaceId: string,
  version: { id: string; number: number; effective_at: Date },
  start: Date,
): Promise<LoadedPlan['backdated']> {
  const to = new Date(start.getTime() - DAY_MS);
  if (version.effective_at <= start) return null;
  const shift = `${to.getTime() - version.effective_at.getTime()} milliseconds`;
  const earlier = await client.query(
    `SELECT 1 FROM agreement_versions WHERE workspace_id = $1 AND id <> $2 AND created_at < (
       SELECT created_at FROM agreement_versions WHERE workspace_id = $1 AND id = $2)`,
    [workspaceId, version.id],
  );
  if ((earlier.rowCount ?? 0) > 0)
    throw new SeedRefused(`version ${version.number} has older versions: seed a shorter history (--months)`);
  await client.query(
    `UPDATE agreement_versions
        SET created_at = created_at + $3::interval, updated_at = updated_at + $3::interval,
            published_at = published_at + $3::interval, effective_at = effective_at + $3::interval,
            requested_effective_at = requested_effective_at + $3::interval
      WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, version.id, shift],
  );
  await client.query(
    `UPDATE agreement_signatures SET signed_at = signed_at + $3::interval WHERE workspace_id = $1 AND version_id = $2`,
    [workspaceId, version.id, shift],
  );
  // The publication's event says when the version took effect: that moves with it.
  await client.query(
    `UPDATE agreement_events
        SET at = at + $3::interval,
            details = CASE WHEN details ? 'effectiveAt'
                           THEN jsonb_set(details, '{effectiveAt}', to_jsonb(to_char(
                                  ((details->>'effectiveAt')::timestamptz + $3::interval) AT TIME ZONE 'UTC',
                                  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
                           ELSE details END
      WHERE workspace_id = $1 AND version_id = $2`,
    [workspaceId, version.id, shift],
  );
  return { number: version.number, from: version.effective_at, to };
}
