import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { CopyRow } from '@accord/api/shared/database';
import type { HistoricalLead, RecordedOutcome } from '@accord/domain/backtest';
import { type LifecycleStage, leadFacts } from '@accord/domain/leads';

/** One keyset batch: the leads created before the window's end, how many rows were read, the cursor after them. */
export interface HistoryBatch {
  leads: HistoricalLead[];
  read: number;
  lastId: string | null;
}

/**
 * Reads the workspace's history for a backtest, a keyset batch of leads at a time in id order, each with what
 * became of it — all as known at `until` (the window's end), so a run resumed later reads the same history —
 * and where it stands as read (its stage, and until when a rejection recycles it), for what a publish would do.
 *
 * The definitions are the dashboard's: handed over = its first move into MQL (or its first handover);
 * accepted = a handover decided ACCEPTED; SQL = a move into SQL; opportunity = one opened; won = an opportunity
 * closed WON, with its amount as revenue. A lead's signals come from its signal summary, which holds the most
 * recent 1,000 of each type — more than any rule can count — with their times, so no signals table scan.
 *
 * A batch is a contiguous range of lead ids, so each outcome table is read with one range scan of its
 * (workspace_id, lead_id, …) index for the whole batch rather than one probe per lead.
 */
@Injectable()
export class BacktestHistoryRepository {
  /** The workspace's leads: what a run reads (those created after its window are read and skipped). */
  async count(manager: EntityManager): Promise<number> {
    const [row]: { count: number }[] = await manager.query(`SELECT count(*)::int AS count FROM leads`);
    return row.count;
  }

  /**
   * The next `limit` leads of the workspace after `after` (by id) created before `until`. The workspace is named
   * although row-level security already confines the reads: only then can the primary key (workspace_id, id)
   * serve the keyset, instead of a sort of every lead for every batch.
   */
  async batch(
    manager: EntityManager,
    workspaceId: string,
    after: string | null,
    limit: number,
    until: Date,
  ): Promise<HistoryBatch> {
    const [answer]: { rows: string | null; read: number; last_id: string | null }[] = await manager.query(
      BATCH_SQL,
      [workspaceId, after ?? '00000000-0000-0000-0000-000000000000', limit, until],
    );
    if (!answer?.last_id || answer.rows === null) return { leads: [], read: 0, lastId: null };
    // One JSON text per batch: V8 parses it far faster than the driver converts typed columns row by row.
    const rows = JSON.parse(answer.rows) as BatchRow[];
    return {
      leads: rows.filter((row) => Math.floor(row[CREATED]) < until.getTime()).map(historicalLead),
      read: answer.read,
      lastId: answer.last_id,
    };
  }
}

/**
 * One statement per batch: the next leads by id, then each outcome table range-scanned over the batch's ids
 * (one scan of its (workspace_id, lead_id, …) index, not a probe per lead), joined and sent as one JSON array.
 * Times travel as epoch milliseconds.
 */
const BATCH_SQL = `
  WITH batch AS (
    SELECT workspace_id, id, email, title, seniority, department, budget_authority, employee_count, annual_revenue,
           industry, country, technologies, source, created_at, signal_summary, stage, recycle_until
      FROM leads WHERE workspace_id = $1 AND id > $2 ORDER BY workspace_id, id LIMIT $3),
  bounds AS (SELECT (SELECT id FROM batch ORDER BY id DESC LIMIT 1) AS last_id, (SELECT count(*)::int FROM batch) AS read),
  h AS (
    SELECT lead_id, min(handed_over_at) AS first_at,
           coalesce(bool_or(status = 'ACCEPTED' AND decided_at < $4), false) AS any_accepted,
           (array_agg(CASE WHEN status IN ('ACCEPTED', 'REJECTED') AND decided_at >= $4 THEN 'OPEN'
                           ELSE status END ORDER BY handed_over_at))[1] AS first_status,
           (array_agg(reason_key ORDER BY handed_over_at)
              FILTER (WHERE status = 'REJECTED' AND decided_at < $4))[1] AS first_reason
      FROM handovers
     WHERE workspace_id = $1 AND lead_id > $2 AND lead_id <= (SELECT last_id FROM bounds) AND handed_over_at < $4
     GROUP BY lead_id),
  t AS (
    SELECT lead_id, min(at) FILTER (WHERE to_stage = 'MQL') AS first_mql, bool_or(to_stage = 'SQL') AS reached_sql
      FROM lead_transitions
     WHERE workspace_id = $1 AND lead_id > $2 AND lead_id <= (SELECT last_id FROM bounds) AND at < $4
       AND to_stage IN ('MQL', 'SQL')
     GROUP BY lead_id),
  o AS (
    SELECT lead_id, min(closed_at) FILTER (WHERE stage = 'WON' AND closed_at < $4) AS won_at,
           sum(amount) FILTER (WHERE stage = 'WON' AND closed_at < $4)::float8 AS revenue
      FROM opportunities
     WHERE workspace_id = $1 AND lead_id > $2 AND lead_id <= (SELECT last_id FROM bounds) AND opened_at < $4
     GROUP BY lead_id)
  SELECT (SELECT last_id FROM bounds) AS last_id, (SELECT read FROM bounds) AS read,
         json_agg(json_build_array(
           b.id, b.email, b.title, b.seniority, b.department, b.budget_authority, b.employee_count, b.annual_revenue,
           b.industry, b.country, b.technologies, b.source, extract(epoch FROM b.created_at) * 1000, b.signal_summary,
           extract(epoch FROM least(t.first_mql, h.first_at)) * 1000, h.any_accepted, h.first_status, h.first_reason,
           t.reached_sql, o.lead_id IS NOT NULL, extract(epoch FROM o.won_at) * 1000, o.revenue,
           b.stage, extract(epoch FROM b.recycle_until) * 1000
         ) ORDER BY b.id)::text AS rows
    FROM batch b
    LEFT JOIN h ON h.lead_id = b.id
    LEFT JOIN t ON t.lead_id = b.id
    LEFT JOIN o ON o.lead_id = b.id`;

/** A UUID checked to be one, for COPY, which cannot take bind parameters. */
function uuid(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value))
    throw new Error(`not a UUID: ${value}`);
  return value;
}

/**
 * The whole remaining history as one `COPY … TO STDOUT` query, for a server (the embedded one does not stream):
 * every lead after `after`, in id order so that a saved id is a resumable cursor, with its outcomes aggregated
 * per lead by one pass over each outcome table (hash joins, not a probe per lead). Values are inlined, checked.
 */
export function historyStreamSql(workspaceId: string, after: string | null, until: Date): string {
  const w = `'${uuid(workspaceId)}'::uuid`;
  const c = `'${uuid(after ?? '00000000-0000-0000-0000-000000000000')}'::uuid`;
  const u = `'${until.toISOString()}'::timestamptz`;
  return `SELECT l.id, l.email, l.title, l.seniority, l.department, l.budget_authority, l.employee_count,
       l.annual_revenue, l.industry, l.country, array_to_json(l.technologies), l.source,
       (extract(epoch FROM l.created_at) * 1000)::float8, l.signal_summary,
       (extract(epoch FROM least(t.first_mql, h.first_at)) * 1000)::float8, h.any_accepted, h.first_status,
       h.first_reason, t.reached_sql, o.lead_id IS NOT NULL, (extract(epoch FROM o.won_at) * 1000)::float8, o.revenue,
       l.stage, (extract(epoch FROM l.recycle_until) * 1000)::float8
  FROM leads l
  LEFT JOIN (
    SELECT lead_id, min(handed_over_at) AS first_at,
           coalesce(bool_or(status = 'ACCEPTED' AND decided_at < ${u}), false) AS any_accepted,
           (array_agg(CASE WHEN status IN ('ACCEPTED', 'REJECTED') AND decided_at >= ${u} THEN 'OPEN'
                           ELSE status END ORDER BY handed_over_at))[1] AS first_status,
           (array_agg(reason_key ORDER BY handed_over_at)
              FILTER (WHERE status = 'REJECTED' AND decided_at < ${u}))[1] AS first_reason
      FROM handovers WHERE workspace_id = ${w} AND lead_id > ${c} AND handed_over_at < ${u}
     GROUP BY lead_id) h ON h.lead_id = l.id
  LEFT JOIN (
    SELECT lead_id, min(at) FILTER (WHERE to_stage = 'MQL') AS first_mql, bool_or(to_stage = 'SQL') AS reached_sql
      FROM lead_transitions
     WHERE workspace_id = ${w} AND lead_id > ${c} AND at < ${u} AND to_stage IN ('MQL', 'SQL')
     GROUP BY lead_id) t ON t.lead_id = l.id
  LEFT JOIN (
    SELECT lead_id, min(closed_at) FILTER (WHERE stage = 'WON' AND closed_at < ${u}) AS won_at,
           sum(amount) FILTER (WHERE stage = 'WON' AND closed_at < ${u})::float8 AS revenue
      FROM opportunities WHERE workspace_id = ${w} AND lead_id > ${c} AND opened_at < ${u}
     GROUP BY lead_id) o ON o.lead_id = l.id
 WHERE l.workspace_id = ${w} AND l.id > ${c} AND l.created_at < ${u}
 ORDER BY l.id`;
}

const number = (text: string | null) => (text === null ? null : Number(text));
const bool = (text: string | null) => (text === null ? null : text === 't');

/** A row of historyStreamSql's COPY output as the lead the backtest folds. */
export function historicalLeadFromCopy(row: CopyRow): HistoricalLead {
  const text = (index: number) => row[index];
  return historicalLead([
    text(0) ?? '',
    text(1) ?? '',
    text(2),
    text(3),
    text(4),
    bool(text(5)),
    number(text(6)),
    number(text(7)),
    text(8),
    text(9),
    text(10) === null ? null : (JSON.parse(text(10) ?? '[]') as string[]),
    text(11),
    Number(text(12)),
    text(13) === null ? null : (JSON.parse(text(13) ?? '{}') as Record<string, unknown>),
    number(text(14)),
    bool(text(15)),
    text(16) as BatchRow[16],
    text(17),
    bool(text(18)),
    text(19) === 't',
    number(text(20)),
    number(text(21)),
    text(22) as LifecycleStage,
    number(text(23)),
  ]);
}

/** A row of BATCH_SQL's array, by position. */
type BatchRow = [
  id: string,
  email: string,
  title: string | null,
  seniority: string | null,
  department: string | null,
  budgetAuthority: boolean | null,
  employeeCount: number | null,
  annualRevenue: number | null,
  industry: string | null,
  country: string | null,
  technologies: string[] | null,
  source: string | null,
  createdMs: number,
  signalSummary: Record<string, unknown> | null,
  handedOverMs: number | null,
  anyAccepted: boolean | null,
  firstStatus: NonNullable<RecordedOutcome['decision']> | null,
  firstReason: string | null,
  reachedSql: boolean | null,
  opened: boolean,
  wonMs: number | null,
  revenue: number | null,
  stage: LifecycleStage,
  recycleUntilMs: number | null,
];
const CREATED = 12;

function historicalLead(row: BatchRow): HistoricalLead {
  const [
    id,
    email,
    title,
    seniority,
    department,
    budgetAuthority,
    employeeCount,
    annualRevenue,
    industry,
    country,
  ] = row;
  const [technologies, source, createdMs, summary, handedOverMs, anyAccepted, firstStatus, firstReason] =
    row.slice(10, 18) as [
      string[] | null,
      string | null,
      number,
      Record<string, unknown> | null,
      number | null,
      boolean | null,
      BatchRow[16],
      string | null,
    ];
  const [reachedSql, opened, wonMs, revenue, stage, recycleUntilMs] = row.slice(18) as [
    boolean | null,
    boolean,
    number | null,
    number | null,
    LifecycleStage,
    number | null,
  ];
  const handedOverAt = handedOverMs === null ? null : Math.floor(handedOverMs);
  const decision: RecordedOutcome['decision'] =
    handedOverAt === null ? null : anyAccepted ? 'ACCEPTED' : (firstStatus ?? 'OPEN');
  return {
    id,
    facts: leadFacts({
      email,
      title,
      seniority,
      department,
      budgetAuthority,
      employeeCount,
      annualRevenue,
      industry,
      country,
      technologies: technologies ?? [],
    }),
    source,
    createdAt: Math.floor(createdMs),
    signals: signalTimes(summary),
    handedOverAt,
    outcome: {
      decision,
      rejectionReason: decision === 'REJECTED' ? firstReason : null,
      sql: reachedSql === true,
      opportunity: opened,
      won: wonMs !== null,
      revenue: revenue ?? 0,
      wonAt: wonMs === null ? null : Math.floor(wonMs),
    },
    stage,
    recycleUntil: recycleUntilMs === null ? null : Math.floor(recycleUntilMs),
  };
}

/** Only lists of numbers survive: a summary is stored JSON, and scoring must never meet anything else. */
function signalTimes(summary: Record<string, unknown> | null): Record<string, number[]> {
  const times: Record<string, number[]> = {};
  for (const [type, list] of Object.entries(summary ?? {}))
    if (Array.isArray(list)) times[type] = list.filter((value): value is number => typeof value === 'number');
  return times;
}
