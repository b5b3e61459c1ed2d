import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { HistoricalLead, RecordedOutcome } from '@accord/domain/backtest';
import { leadFacts } from '@accord/domain/leads';

interface HistoryRow {
  id: string;
  email: string;
  title: string | null;
  seniority: string | null;
  department: string | null;
  budget_authority: boolean | null;
  employee_count: number | null;
  annual_revenue: number | null;
  industry: string | null;
  country: string | null;
  technologies: string[];
  source: string | null;
  created_at: Date;
  signal_summary: Record<string, unknown>;
  handed_over_at: Date | null;
  any_accepted: boolean | null;
  first_status: RecordedOutcome['decision'];
  first_reason: string | null;
  reached_sql: boolean | null;
  opened: boolean | null;
  won_at: Date | null;
  revenue: number | null;
}

/**
 * Reads the workspace's history for a backtest, a keyset batch of leads at a time in id order, each with what
 * became of it — all as known at `until` (the window's end), so a run resumed later reads the same history.
 *
 * The definitions are the dashboard's: handed over = its first move into MQL (or its first handover);
 * accepted = a handover decided ACCEPTED; SQL = a move into SQL; opportunity = one opened; won = an opportunity
 * closed WON, with its amount as revenue. A lead's signals come from its signal summary, which holds the most
 * recent 1,000 of each type — more than any rule can count — with their times, so no signals table scan.
 */
@Injectable()
export class BacktestHistoryRepository {
  /** Leads created before `until`: the run's total. */
  async count(manager: EntityManager, until: Date): Promise<number> {
    const [row]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM leads WHERE created_at < $1`,
      [until],
    );
    return row.count;
  }

  /** The next `limit` leads after `after` (by id) created before `until`. */
  async batch(
    manager: EntityManager,
    after: string | null,
    limit: number,
    until: Date,
  ): Promise<HistoricalLead[]> {
    const rows: HistoryRow[] = await manager.query(
      `SELECT l.id, l.email, l.title, l.seniority, l.department, l.budget_authority, l.employee_count,
              l.annual_revenue, l.industry, l.country, l.technologies, l.source, l.created_at, l.signal_summary,
              least(t.first_mql, h.first_at) AS handed_over_at, h.any_accepted, h.first_status, h.first_reason,
              t.reached_sql, o.opened, o.won_at, o.revenue
         FROM leads l
         LEFT JOIN LATERAL (
           SELECT min(handed_over_at) AS first_at,
                  bool_or(status = 'ACCEPTED' AND decided_at < $3) AS any_accepted,
                  (array_agg(CASE WHEN status IN ('ACCEPTED', 'REJECTED') AND decided_at >= $3 THEN 'OPEN'
                                  ELSE status END ORDER BY handed_over_at))[1] AS first_status,
                  (array_agg(reason_key ORDER BY handed_over_at)
                     FILTER (WHERE status = 'REJECTED' AND decided_at < $3))[1] AS first_reason
             FROM handovers
            WHERE workspace_id = l.workspace_id AND lead_id = l.id AND handed_over_at < $3) h ON true
         LEFT JOIN LATERAL (
           SELECT min(at) FILTER (WHERE to_stage = 'MQL') AS first_mql, bool_or(to_stage = 'SQL') AS reached_sql
             FROM lead_transitions
            WHERE workspace_id = l.workspace_id AND lead_id = l.id AND at < $3 AND to_stage IN ('MQL', 'SQL')) t ON true
         LEFT JOIN LATERAL (
           SELECT count(*) > 0 AS opened,
                  min(closed_at) FILTER (WHERE stage = 'WON' AND closed_at < $3) AS won_at,
                  sum(amount) FILTER (WHERE stage = 'WON' AND closed_at < $3)::float8 AS revenue
             FROM opportunities
            WHERE workspace_id = l.workspace_id AND lead_id = l.id AND opened_at < $3) o ON true
        WHERE l.id > $1 AND l.created_at < $3
        ORDER BY l.id
        LIMIT $2`,
      [after ?? '00000000-0000-0000-0000-000000000000', limit, until],
    );
    return rows.map(historicalLead);
  }
}

function historicalLead(row: HistoryRow): HistoricalLead {
  const decision: RecordedOutcome['decision'] =
    row.handed_over_at === null ? null : row.any_accepted ? 'ACCEPTED' : (row.first_status ?? 'OPEN');
  return {
    id: row.id,
    facts: leadFacts({
      email: row.email,
      title: row.title,
      seniority: row.seniority,
      department: row.department,
      budgetAuthority: row.budget_authority,
      employeeCount: row.employee_count,
      annualRevenue: row.annual_revenue,
      industry: row.industry,
      country: row.country,
      technologies: row.technologies,
    }),
    source: row.source,
    createdAt: row.created_at.getTime(),
    signals: signalTimes(row.signal_summary),
    handedOverAt: row.handed_over_at?.getTime() ?? null,
    outcome: {
      decision,
      rejectionReason: decision === 'REJECTED' ? row.first_reason : null,
      sql: row.reached_sql === true,
      opportunity: row.opened === true,
      won: row.won_at !== null,
      revenue: row.revenue ?? 0,
      wonAt: row.won_at?.getTime() ?? null,
    },
  };
}

/** Only lists of numbers survive: a summary is stored JSON, and scoring must never meet anything else. */
function signalTimes(summary: Record<string, unknown>): Record<string, number[]> {
  const times: Record<string, number[]> = {};
  for (const [type, list] of Object.entries(summary ?? {}))
    if (Array.isArray(list)) times[type] = list.filter((value): value is number => typeof value === 'number');
  return times;
}
