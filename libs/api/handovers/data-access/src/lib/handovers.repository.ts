import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { Grade, MatrixOutcome, Temperature } from '@accord/domain/agreement';
import type { HandoverStatus, RoutingCursors } from '@accord/domain/handover';
import type { LifecycleStage } from '@accord/domain/leads';

import type { HandoverEventKind } from './handover-event.entity';
import { HandoverEntity } from './handover.entity';

/** A lead's move into MQL that still waits for its handover. */
export interface NewMql {
  transitionId: string;
  leadId: string;
  versionId: string | null;
  at: Date;
}

export interface NewHandover {
  id: string;
  leadId: string;
  transitionId: string;
  versionId: string;
  ownerId: string | null;
  grade: Grade;
  temperature: Temperature;
  temperatureRank: number;
  outcome: MatrixOutcome;
  fitScore: number;
  intentScore: number;
  explanation: string;
  handedOverAt: Date;
  dueAt: Date;
}

export interface HandoverEventRow {
  handoverId: string;
  kind: HandoverEventKind;
  actorId: string | null;
  ownerId: string | null;
  versionId: string;
  detail: string;
  at: Date;
}

export interface Decided {
  status: Extract<HandoverStatus, 'ACCEPTED' | 'REJECTED'>;
  decidedAt: Date;
  decidedBy: string;
  withinSla: boolean;
  reasonKey: string | null;
  reasonLabel: string | null;
  note: string | null;
  /** Who owns it once decided: its owner, or the member who accepted it when nobody did. */
  ownerId: string | null;
}

/** Which handovers a queue lists. */
export interface QueueFilter {
  /** One owner's; null for the whole team's. */
  ownerId: string | null;
  /** Only those nobody owns (the team queue's orphans). */
  unassigned: boolean;
  /** Undecided ones (open and expired), only expired ones, or the decided ones, newest decision first. */
  view: 'UNDECIDED' | 'EXPIRED' | 'DECIDED';
}

/** Position in the queue: due time, temperature rank, fit and id (or decision time and id when decided). */
export type QueueCursor = [string, number, number, string] | [string, string];

/** One queue row: the handover, its lead's name and company, and its owner's and decider's names. */
export interface QueueRow {
  handover: HandoverEntity;
  lead: {
    email: string;
    firstName: string | null;
    lastName: string | null;
    title: string | null;
    companyName: string | null;
    country: string | null;
    source: string | null;
    campaign: string | null;
    stage: LifecycleStage;
    signalSummary: Record<string, number[]>;
  };
  ownerName: string | null;
  decidedByName: string | null;
  /** The versions of the rows this one shows (see ROW_VERSIONS). */
  rowVersions: string;
}

const HANDOVER_COLUMNS = `h.workspace_id AS "workspaceId", h.id, h.lead_id AS "leadId", h.transition_id AS "transitionId",
  h.version_id AS "versionId", h.owner_id AS "ownerId", h.status, h.grade, h.temperature,
  h.temperature_rank AS "temperatureRank", h.outcome, h.fit_score AS "fitScore", h.intent_score AS "intentScore",
  h.explanation, h.handed_over_at AS "handedOverAt", h.due_at AS "dueAt", h.expired_at AS "expiredAt",
  h.decided_at AS "decidedAt", h.decided_by AS "decidedBy", h.within_sla AS "withinSla", h.reason_key AS "reasonKey",
  h.reason_label AS "reasonLabel", h.note`;

export interface QueueCounts {
  undecided: number;
  expired: number;
  unassigned: number;
}

type QueueRowColumns = HandoverEntity & {
  lead: QueueRow['lead'];
  ownerName: string | null;
  decidedByName: string | null;
  rowVersions: string;
};

/**
 * Which versions of its rows a queue row shows: the handover's id and the transaction ids (`xmin`) that wrote the
 * handover, lead, owner and decider rows it was read from. Any update of any of them writes a new row version
 * with a new `xmin`, so equal strings mean an unchanged row (versions themselves never change).
 * accord_queue_fingerprint (migration QueuePage) computes the same string in the database.
 */
const ROW_VERSIONS = `concat(h.id, ':', h.xmin, ':', l.xmin, ':', o.xmin, ':', d.xmin)`;

const ROW_JOINS = `JOIN leads l ON l.workspace_id = h.workspace_id AND l.id = h.lead_id
  LEFT JOIN members o ON o.workspace_id = h.workspace_id AND o.id = h.owner_id
  LEFT JOIN members d ON d.workspace_id = h.workspace_id AND d.id = h.decided_by`;

/** A queue row: the handover with its lead's, owner's and decider's fields, joined by primary keys. */
const QUEUE_COLUMNS = `${HANDOVER_COLUMNS}, ${ROW_VERSIONS} AS "rowVersions",
    json_build_object('email', l.email, 'firstName', l.first_name, 'lastName', l.last_name,
      'title', l.title, 'companyName', l.company_name, 'country', l.country, 'source', l.source,
      'campaign', l.campaign, 'stage', l.stage, 'signalSummary', l.signal_summary) AS lead,
    o.name AS "ownerName", d.name AS "decidedByName"`;

const QUEUE_SELECT = `SELECT ${QUEUE_COLUMNS} FROM handovers h ${ROW_JOINS}`;

/** accord_queue_page's arguments, which pick a page's handovers and order them (migration QueuePage). */
const PAGE_ARGS = `$1::uuid, $2::boolean, $3::text, $4::timestamptz, $5::int, $6::float8, $7::timestamptz, $8::uuid, $9::int`;

function pageArgs(filter: QueueFilter, after: QueueCursor | null, limit: number): unknown[] {
  const [dueAt, rank, fit, id] =
    filter.view !== 'DECIDED' && after
      ? (after as [string, number, number, string])
      : [null, null, null, null];
  const [decidedAt, decidedId] =
    filter.view === 'DECIDED' && after ? (after as [string, string]) : [null, null];
  return [
    filter.unassigned ? null : filter.ownerId,
    filter.unassigned,
    filter.view,
    dueAt,
    rank,
    fit,
    decidedAt,
    id ?? decidedId,
    limit,
  ];
}

function toQueueRow({ lead, ownerName, decidedByName, rowVersions, ...handover }: QueueRowColumns): QueueRow {
  return { handover, lead, ownerName, decidedByName, rowVersions };
}

/** What a queue page shows, row by row: equal for two reads exactly when the second would show the same. */
export function pageFingerprint(rows: readonly QueueRow[]): string {
  return rows.map((row) => row.rowVersions).join(',');
}

/** What the sales managers are told of handovers that expired: see HandoversRepository.escalation. */
export interface Escalation {
  workspaceName: string;
  timeZone: string;
  managerEmails: string[];
  handovers: {
    id: string;
    leadName: string;
    companyName: string | null;
    ownerName: string | null;
    temperature: string;
    dueAt: Date;
  }[];
}

/** Handovers, their events, routing turns and SQL checklist answers. */
@Injectable()
export class HandoversRepository {
  /** Under the system scope: workspaces with moves into MQL still waiting for a handover. */
  async workspacesWithNewMqls(manager: EntityManager, limit: number): Promise<string[]> {
    const rows: { workspace_id: string }[] = await manager.query(
      `SELECT DISTINCT workspace_id FROM lead_transitions
        WHERE to_stage = 'MQL' AND handover_checked_at IS NULL LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.workspace_id);
  }

  /** The oldest waiting moves into MQL, locked; another opener skips them rather than waiting. */
  takeNewMqls(manager: EntityManager, limit: number): Promise<NewMql[]> {
    return manager.query(
      `SELECT id AS "transitionId", lead_id AS "leadId", version_id AS "versionId", at
         FROM lead_transitions WHERE to_stage = 'MQL' AND handover_checked_at IS NULL
        ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markMqlsChecked(manager: EntityManager, transitionIds: readonly string[], at: Date): Promise<void> {
    await manager.query(
      `UPDATE lead_transitions SET handover_checked_at = $2 WHERE id = ANY($1::bigint[]) AND to_stage = 'MQL'`,
      [transitionIds, at],
    );
  }

  /** The workspace's round-robin turns, locked until the transaction ends. */
  async lockRouting(manager: EntityManager, workspaceId: string, at: Date): Promise<RoutingCursors> {
    await manager.query(
      `INSERT INTO handover_routing (workspace_id, cursors, updated_at) VALUES ($1, '{}', $2)
       ON CONFLICT (workspace_id) DO NOTHING`,
      [workspaceId, at],
    );
    const [row]: { cursors: RoutingCursors }[] = await manager.query(
      `SELECT cursors FROM handover_routing WHERE workspace_id = $1 FOR UPDATE`,
      [workspaceId],
    );
    return row.cursors;
  }

  async saveRouting(
    manager: EntityManager,
    workspaceId: string,
    cursors: RoutingCursors,
    at: Date,
  ): Promise<void> {
    await manager.query(`UPDATE handover_routing SET cursors = $2, updated_at = $3 WHERE workspace_id = $1`, [
      workspaceId,
      cursors,
      at,
    ]);
  }

  /**
   * Members who may take a handover now — active, and in sales (or admins) — so routing skips one who left or
   * whose roles changed since the version was signed: they could neither see nor decide it.
   */
  async routableMemberIds(manager: EntityManager): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM members WHERE status = 'ACTIVE' AND roles && ARRAY['SALES', 'ADMIN']::text[]`,
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Whether the member may take a handover now (see routableMemberIds). Their row stays share-locked until the
   * transaction ends: a deactivation of them waits for the reassignment to commit (and then unassigns what it
   * gave them), or the reassignment waits for the deactivation and finds them no longer active.
   */
  async isActiveSalesMember(manager: EntityManager, memberId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM members WHERE id = $1 AND status = 'ACTIVE' AND roles && ARRAY['SALES', 'ADMIN']::text[]
          FOR SHARE`,
      [memberId],
    );
    return rows.length > 0;
  }

  /** Those of the leads that already have an undecided handover. */
  async leadsWithUndecided(manager: EntityManager, leadIds: readonly string[]): Promise<Set<string>> {
    const rows: { lead_id: string }[] = await manager.query(
      `SELECT lead_id FROM handovers WHERE lead_id = ANY($1::uuid[]) AND decided_at IS NULL`,
      [leadIds],
    );
    return new Set(rows.map((row) => row.lead_id));
  }

  async insert(manager: EntityManager, rows: readonly NewHandover[]): Promise<void> {
    if (rows.length === 0) return;
    const column = <K extends keyof NewHandover>(key: K) => rows.map((row) => row[key]);
    await manager.query(
      `INSERT INTO handovers (workspace_id, id, lead_id, transition_id, version_id, owner_id, status, grade, temperature,
              temperature_rank, outcome, fit_score, intent_score, explanation, handed_over_at, due_at)
       SELECT accord_current_workspace(), r.id, r.lead_id, r.transition_id, r.version_id, r.owner_id, 'OPEN', r.grade,
              r.temperature, r.temperature_rank, r.outcome, r.fit_score, r.intent_score, r.explanation,
              r.handed_over_at, r.due_at
         FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::int[],
                     $9::text[], $10::float8[], $11::float8[], $12::text[], $13::timestamptz[], $14::timestamptz[])
              AS r(id, lead_id, transition_id, version_id, owner_id, grade, temperature, temperature_rank, outcome,
                   fit_score, intent_score, explanation, handed_over_at, due_at)`,
      [
        column('id'),
        column('leadId'),
        column('transitionId'),
        column('versionId'),
        column('ownerId'),
        column('grade'),
        column('temperature'),
        column('temperatureRank'),
        column('outcome'),
        column('fitScore'),
        column('intentScore'),
        column('explanation'),
        column('handedOverAt'),
        column('dueAt'),
      ],
    );
  }

  async insertEvents(manager: EntityManager, rows: readonly HandoverEventRow[]): Promise<void> {
    if (rows.length === 0) return;
    const column = <K extends keyof HandoverEventRow>(key: K) => rows.map((row) => row[key]);
    await manager.query(
      `INSERT INTO handover_events (workspace_id, handover_id, kind, actor_id, owner_id, version_id, detail, at)
       SELECT accord_current_workspace(), e.handover_id, e.kind, e.actor_id, e.owner_id, e.version_id, e.detail, e.at
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::timestamptz[])
              AS e(handover_id, kind, actor_id, owner_id, version_id, detail, at)`,
      [
        column('handoverId'),
        column('kind'),
        column('actorId'),
        column('ownerId'),
        column('versionId'),
        column('detail'),
        column('at'),
      ],
    );
  }

  /** The handover, locked: decisions and reassignments on it queue up behind each other. */
  async lock(manager: EntityManager, id: string): Promise<HandoverEntity | null> {
    const [row]: HandoverEntity[] = await manager.query(
      `SELECT ${HANDOVER_COLUMNS} FROM handovers h WHERE h.id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  findById(manager: EntityManager, id: string): Promise<HandoverEntity | null> {
    return manager.findOneBy(HandoverEntity, { id });
  }

  /** The lead's handovers, newest first. */
  forLead(manager: EntityManager, leadId: string): Promise<HandoverEntity[]> {
    return manager.find(HandoverEntity, { where: { leadId }, order: { handedOverAt: 'DESC' } });
  }

  /** The lead's latest accepted handover: its version's checklist is the one sales answer. */
  async acceptedFor(manager: EntityManager, leadId: string): Promise<HandoverEntity | null> {
    return manager.findOne(HandoverEntity, {
      where: { leadId, status: 'ACCEPTED' },
      order: { decidedAt: 'DESC' },
    });
  }

  async decide(manager: EntityManager, id: string, decided: Decided): Promise<void> {
    await manager.update(HandoverEntity, { id }, decided);
  }

  async reassign(manager: EntityManager, id: string, ownerId: string): Promise<void> {
    await manager.update(HandoverEntity, { id }, { ownerId });
  }

  /** How many open handovers the member owns: those `unassignOpen` would send to the unassigned queue now. */
  async openOwnedBy(manager: EntityManager, ownerId: string): Promise<number> {
    const [row]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM handovers WHERE owner_id = $1 AND status = 'OPEN'`,
      [ownerId],
    );
    return row.count;
  }

  /**
   * Sends the open handovers `ownerId` owns to the unassigned queue — owner null, due time unchanged (reassigning
   * keeps the clock) — each with a REASSIGNED event by `change.actorId`, in one statement: what deactivating a
   * member does to their handovers. Returns how many it unassigned.
   *
   * The workspace's routing turns are locked first, so a handover opener routing at the same moment either commits
   * before (and its handovers to the member are unassigned here) or routes after the caller commits, when the
   * member is no longer routable. A handover being decided, reassigned or expired at the same moment is waited for
   * and checked again, so one decided or moved to someone else meanwhile is left as it is; expired ones keep their
   * owner (they are already with the sales managers).
   */
  async unassignOpen(
    manager: EntityManager,
    workspaceId: string,
    ownerId: string,
    change: { actorId: string; detail: string; at: Date },
  ): Promise<number> {
    await this.lockRouting(manager, workspaceId, change.at);
    const [row]: { count: number }[] = await manager.query(
      `WITH unassigned AS (
         UPDATE handovers SET owner_id = NULL WHERE owner_id = $1 AND status = 'OPEN' RETURNING id, version_id),
       recorded AS (
         INSERT INTO handover_events (workspace_id, handover_id, kind, actor_id, owner_id, version_id, detail, at)
         SELECT accord_current_workspace(), u.id, 'REASSIGNED', $2, NULL, u.version_id, $3, $4 FROM unassigned u)
       SELECT count(*)::int AS count FROM unassigned`,
      [ownerId, change.actorId, change.detail.slice(0, 200), change.at],
    );
    return row.count;
  }

  /** Under the system scope: workspaces with open handovers past their due time. */
  async workspacesWithOverdue(manager: EntityManager, now: Date, limit: number): Promise<string[]> {
    const rows: { workspace_id: string }[] = await manager.query(
      `SELECT DISTINCT workspace_id FROM handovers WHERE status = 'OPEN' AND due_at < $1 LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.workspace_id);
  }

  /**
   * Marks open handovers past their due time EXPIRED, oldest first, and returns them. Rows another expirer holds
   * are skipped, and the status test is rechecked on the locked row, so each handover expires once however many
   * replicas run this at the same time.
   */
  expireOverdue(manager: EntityManager, now: Date, limit: number): Promise<HandoverEntity[]> {
    return manager.query(
      `WITH due AS (
         SELECT id FROM handovers WHERE status = 'OPEN' AND due_at < $1 ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED),
       expired AS (
         UPDATE handovers h SET status = 'EXPIRED', expired_at = $1 FROM due
          WHERE h.id = due.id AND h.status = 'OPEN' RETURNING h.*)
       SELECT ${HANDOVER_COLUMNS} FROM expired h`,
      [now, limit],
    );
  }

  /**
   * Who the expired handovers `ids` are escalated to, and what they read of each: the sales managers (active admins,
   * and active sales members who sign the agreement for sales), the workspace's name and clock, and each handover's
   * lead and owner, by due time. Three statements, however many handovers.
   */
  async escalation(manager: EntityManager, ids: readonly string[]): Promise<Escalation> {
    const [workspace]: { name: string; time_zone: string }[] = await manager.query(
      `SELECT name, time_zone FROM workspaces`,
    );
    const managers: { email: string }[] = await manager.query(
      `SELECT email FROM members
        WHERE status = 'ACTIVE' AND ('ADMIN' = ANY(roles) OR ('SALES' = ANY(roles) AND approver))
        ORDER BY created_at, id`,
    );
    const handovers: {
      id: string;
      first_name: string | null;
      last_name: string | null;
      email: string;
      company_name: string | null;
      owner_name: string | null;
      temperature: string;
      due_at: Date;
    }[] = await manager.query(
      `SELECT h.id, l.first_name, l.last_name, l.email, l.company_name, o.name AS owner_name, h.temperature, h.due_at
         FROM handovers h
         JOIN leads l ON l.id = h.lead_id
         LEFT JOIN members o ON o.id = h.owner_id
        WHERE h.id = ANY($1::uuid[])
        ORDER BY h.due_at, h.id`,
      [ids],
    );
    return {
      workspaceName: workspace?.name ?? '',
      timeZone: workspace?.time_zone ?? 'UTC',
      managerEmails: managers.map((row) => row.email),
      handovers: handovers.map((row) => ({
        id: row.id,
        leadName: [row.first_name, row.last_name].filter((part) => part?.trim()).join(' ') || row.email,
        companyName: row.company_name,
        ownerName: row.owner_name,
        temperature: row.temperature,
        dueAt: row.due_at,
      })),
    };
  }

  /**
   * One page of a queue with everything the queue shows, in one statement: undecided ones by due time, then
   * hotter, then better fit; decided ones newest decision first.
   */
  async queue(
    manager: EntityManager,
    filter: QueueFilter,
    after: QueueCursor | null,
    limit: number,
  ): Promise<QueueRow[]> {
    const rows: QueueRowColumns[] = await manager.query(
      `SELECT ${QUEUE_COLUMNS}
         FROM accord_queue_page(${PAGE_ARGS}) p
         JOIN handovers h ON h.workspace_id = accord_current_workspace() AND h.id = p.handover_id
         ${ROW_JOINS}
        ORDER BY p.page_position`,
      pageArgs(filter, after, limit),
    );
    return rows.map(toQueueRow);
  }

  /**
   * The fingerprint (pageFingerprint) of the page `queue` would read now, without reading the page, in one
   * statement outside any transaction (`standalone`): accord_queue_fingerprint enters the workspace's scope itself.
   */
  async queueFingerprint(
    standalone: EntityManager,
    workspaceId: string,
    filter: QueueFilter,
    after: QueueCursor | null,
    limit: number,
  ): Promise<string> {
    const [row]: { fingerprint: string }[] = await standalone.query(
      `SELECT accord_queue_fingerprint($10::uuid, ${PAGE_ARGS}) AS fingerprint`,
      [...pageArgs(filter, after, limit), workspaceId],
    );
    return row.fingerprint;
  }

  /**
   * How many handovers await a decision in the queue's scope (one owner's, the team's, or the unassigned ones) and
   * how many of those expired; and, whatever the scope, how many in the whole team nobody owns, which a manager's
   * own queue points to. Read only when a client asks, since counting a queue of thousands costs more than its page.
   */
  async counts(
    manager: EntityManager,
    filter: Pick<QueueFilter, 'ownerId' | 'unassigned'>,
  ): Promise<QueueCounts> {
    const [row]: QueueCounts[] = await manager.query(
      `SELECT count(*)::int AS undecided, count(*) FILTER (WHERE status = 'EXPIRED')::int AS expired,
              (SELECT count(*)::int FROM handovers WHERE decided_at IS NULL AND owner_id IS NULL) AS unassigned
         FROM handovers
        WHERE decided_at IS NULL AND ($1::uuid IS NULL OR owner_id = $1) AND (NOT $2 OR owner_id IS NULL)`,
      [filter.ownerId, filter.unassigned],
    );
    return row;
  }

  /** Queue rows of the given handovers. */
  async queueRowsByIds(manager: EntityManager, ids: readonly string[]): Promise<QueueRow[]> {
    const rows: QueueRowColumns[] = await manager.query(`${QUEUE_SELECT} WHERE h.id = ANY($1::uuid[])`, [
      ids,
    ]);
    return rows.map(toQueueRow);
  }

  async events(manager: EntityManager, handoverIds: readonly string[]) {
    const rows: (HandoverEventRow & { actorName: string | null; ownerName: string | null })[] =
      await manager.query(
        `SELECT e.handover_id AS "handoverId", e.kind, e.actor_id AS "actorId", e.owner_id AS "ownerId",
              e.version_id AS "versionId", e.detail, e.at, a.name AS "actorName", o.name AS "ownerName"
         FROM handover_events e
         LEFT JOIN members a ON a.workspace_id = e.workspace_id AND a.id = e.actor_id
         LEFT JOIN members o ON o.workspace_id = e.workspace_id AND o.id = e.owner_id
        WHERE e.handover_id = ANY($1::uuid[]) ORDER BY e.id`,
        [handoverIds],
      );
    return rows;
  }

  /** Checklist answers for a lead, by item key. */
  async answers(
    manager: EntityManager,
    leadId: string,
  ): Promise<{ itemKey: string; met: boolean; note: string | null; answeredBy: string; answeredAt: Date }[]> {
    return manager.query(
      `SELECT item_key AS "itemKey", met, note, answered_by AS "answeredBy", answered_at AS "answeredAt"
         FROM lead_qualifications WHERE lead_id = $1`,
      [leadId],
    );
  }

  async saveAnswers(
    manager: EntityManager,
    leadId: string,
    versionId: string,
    answers: readonly { itemKey: string; met: boolean; note: string | null }[],
    by: string,
    at: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO lead_qualifications (workspace_id, lead_id, item_key, met, note, version_id, answered_by, answered_at)
       SELECT accord_current_workspace(), $1, a.item_key, a.met, a.note, $5, $6, $7
         FROM unnest($2::text[], $3::boolean[], $4::text[]) AS a(item_key, met, note)
       ON CONFLICT (workspace_id, lead_id, item_key) DO UPDATE
          SET met = excluded.met, note = excluded.note, version_id = excluded.version_id,
              answered_by = excluded.answered_by, answered_at = excluded.answered_at`,
      [
        leadId,
        answers.map((answer) => answer.itemKey),
        answers.map((answer) => answer.met),
        answers.map((answer) => answer.note),
        versionId,
        by,
        at,
      ],
    );
  }

  /** Rejections grouped by reason and by the lead's source or campaign: marketing's feedback. */
  rejectionsBy(
    manager: EntityManager,
    groupBy: 'source' | 'campaign',
    since: Date | null,
  ): Promise<{ group: string | null; reasonKey: string; reasonLabel: string; count: number }[]> {
    return manager.query(
      `SELECT l.${groupBy} AS "group", h.reason_key AS "reasonKey", min(h.reason_label) AS "reasonLabel",
              count(*)::int AS count
         FROM handovers h JOIN leads l ON l.workspace_id = h.workspace_id AND l.id = h.lead_id
        WHERE h.status = 'REJECTED' AND ($1::timestamptz IS NULL OR h.decided_at >= $1)
        GROUP BY 1, 2 ORDER BY count DESC, 1, 2`,
      [since],
    );
  }
}
