import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  DayFacts,
  LocalDate,
  RejectionGroup,
  addDays,
  localDate,
  startOfLocalDay,
} from '@accord/domain/dashboard';

import type { RejectionRow, RepRow, SegmentValues } from './dashboard.repository';
import { assembleDays } from './day-facts';
import { EMPLOYEE_BAND_OF, scopeParams, withScope } from './fact-scope';
import { COUNTED_SOURCES, selectRollupFacts } from './fact-sources';
import { KEPT_SLICES, RollupScope, SLICE_BITS, SLICE_COLUMNS, sliceWhere } from './rollup-slices';

export interface RollupState {
  timeZone: string;
  builtAt: Date | null;
  watermark: Date;
  segments: SegmentValues;
}

/** A lead's segment as the rollup counted it: the columns its facts are sliced by. */
const LEAD_SEGMENT_ROW = `ROW(l.owner_id, l.industry, ${EMPLOYEE_BAND_OF('l.employee_count')}, l.country, l.source, l.campaign)::text`;

const ACTIVITY = `type IN ('EMAIL_SENT', 'CALL_MADE', 'MEETING_BOOKED')`;

/**
 * The workspace, named though row-level security keeps it: lead_transitions and handovers also have read-only
 * system policies, which make their policy an OR that cannot lead an index on (workspace_id, time).
 */
const MINE = 'workspace_id = accord_current_workspace()';

/** Every time at which a fact of a lead is counted, with the lead: what a change of the lead's segment touches. */
const FACT_TIMES_OF_LEADS = `
  SELECT at FROM lead_transitions WHERE ${MINE} AND lead_id = ANY($1::uuid[])
  UNION ALL SELECT occurred_at FROM signals WHERE lead_id = ANY($1::uuid[]) AND ${ACTIVITY}
  UNION ALL SELECT handed_over_at FROM handovers WHERE ${MINE} AND lead_id = ANY($1::uuid[])
  UNION ALL SELECT decided_at FROM handovers WHERE ${MINE} AND lead_id = ANY($1::uuid[]) AND decided_at IS NOT NULL
  UNION ALL SELECT scheduled_at FROM meetings WHERE lead_id = ANY($1::uuid[])
  UNION ALL SELECT ot.at FROM opportunity_transitions ot
    JOIN opportunities o ON o.workspace_id = ot.workspace_id AND o.id = ot.opportunity_id
   WHERE o.lead_id = ANY($1::uuid[])`;

/**
 * The times of facts recorded or changed since $1 (each table's own change time), whose days must be counted
 * again: new transitions and closes, decisions and expiries (which also settle the day the handover was handed
 * over), meetings marked, opportunities edited (their owner), and activity of leads updated since then.
 */
const FACT_TIMES_CHANGED_SINCE = `
  SELECT at FROM lead_transitions WHERE ${MINE} AND at >= $1
  UNION ALL SELECT at FROM opportunity_transitions WHERE at >= $1
  UNION ALL SELECT decided_at FROM handovers WHERE ${MINE} AND decided_at >= $1
  UNION ALL SELECT handed_over_at FROM handovers WHERE ${MINE} AND decided_at >= $1
  UNION ALL SELECT expired_at FROM handovers WHERE ${MINE} AND expired_at >= $1
  UNION ALL SELECT handed_over_at FROM handovers WHERE ${MINE} AND expired_at >= $1
  UNION ALL SELECT scheduled_at FROM meetings WHERE marked_at >= $1
  UNION ALL SELECT ot.at FROM opportunity_transitions ot
    JOIN opportunities o ON o.workspace_id = ot.workspace_id AND o.id = ot.opportunity_id
   WHERE o.updated_at >= $1
  UNION ALL SELECT s.occurred_at FROM leads l
    JOIN signals s ON s.workspace_id = l.workspace_id AND s.lead_id = l.id
   WHERE l.updated_at >= $1 AND s.${ACTIVITY} AND (s.received_at >= $1 OR s.occurred_at >= $1)`;

/** The oldest and newest times of the workspace's counted facts. */
const FACT_TIME_SPAN = `SELECT min(t) AS first, max(t) AS last FROM (
  SELECT min(at) AS t FROM lead_transitions WHERE ${MINE} UNION ALL SELECT max(at) FROM lead_transitions WHERE ${MINE}
  UNION ALL SELECT min(at) FROM opportunity_transitions UNION ALL SELECT max(at) FROM opportunity_transitions
  UNION ALL SELECT min(handed_over_at) FROM handovers WHERE ${MINE}
  UNION ALL SELECT max(decided_at) FROM handovers WHERE ${MINE}
  UNION ALL SELECT min(scheduled_at) FROM meetings UNION ALL SELECT max(scheduled_at) FROM meetings
  UNION ALL SELECT min(occurred_at) FROM signals WHERE ${ACTIVITY}
  UNION ALL SELECT max(occurred_at) FROM signals WHERE ${ACTIVITY}) span`;

/** The grouping sets of KEPT_SLICES, over the columns named by SLICE_BITS. */
const GROUPING_SETS = KEPT_SLICES.map((dims) => {
  const columns = Object.entries(SLICE_BITS)
    .filter(([, bit]) => dims & bit)
    .map(([dimension]) => `f.${SLICE_COLUMNS[dimension as keyof typeof SLICE_BITS]}`);
  return `(${columns.join(', ')})`;
}).join(', ');

/** The rollup's column each rejection grouping reads. */
const ROLLUP_REJECTION_GROUP: Record<RejectionGroup, string> = {
  source: 'r.lead_source',
  campaign: 'r.lead_campaign',
  grade: 'r.grade',
};

/** The leads' columns the filter's segment lists are made of. */
const SEGMENT_COLUMNS = `SELECT industry, country, source, campaign FROM leads`;

const EMPTY_SEGMENTS: SegmentValues = { industries: [], countries: [], sources: [], campaigns: [] };
const SEGMENT_LIMIT = 500;

/**
 * The dashboard's rollup: the counted facts of each local day, per version and slice (see rollup-slices.ts),
 * rebuilt a day at a time from the same fact sources as the raw reads — so a day of the rollup is always
 * exactly what the raw query says for it. Every statement runs in the caller's tenant transaction.
 */
@Injectable()
export class DashboardRollupRepository {
  /** The workspace's rollup state, or null before its first pass. */
  async state(manager: EntityManager, lock = false): Promise<RollupState | null> {
    const rows: RollupState[] = await manager.query(
      `SELECT time_zone AS "timeZone", built_at AS "builtAt", watermark, segments
         FROM dashboard_rollup_state ${lock ? 'FOR UPDATE' : ''}`,
    );
    return rows[0] ?? null;
  }

  /**
   * Locks the workspace's rollup (creating its state first), so one writer at a time rebuilds its days — on
   * any number of replicas — and returns the state.
   */
  async lock(manager: EntityManager, workspaceId: string, timeZone: string, now: Date): Promise<RollupState> {
    await manager.query(
      `INSERT INTO dashboard_rollup_state (workspace_id, time_zone, built_at, watermark, segments)
       VALUES ($1, $2, NULL, $3, $4) ON CONFLICT (workspace_id) DO NOTHING`,
      [workspaceId, timeZone, now, EMPTY_SEGMENTS],
    );
    return (await this.state(manager, true)) as RollupState;
  }

  /** Forgets everything counted, for a rebuild from scratch (in a new time zone, or the first one). */
  async reset(manager: EntityManager, timeZone: string, watermark: Date): Promise<LocalDate[]> {
    await manager.query(`DELETE FROM dashboard_rollup`);
    await manager.query(`DELETE FROM dashboard_lead_segments`);
    await manager.query(
      `UPDATE dashboard_rollup_state SET time_zone = $1, built_at = NULL, watermark = $2, segments = $3`,
      [timeZone, watermark, EMPTY_SEGMENTS],
    );
    const span: { first: Date | null; last: Date | null }[] = await manager.query(FACT_TIME_SPAN);
    const { first, last } = span[0];
    if (!first || !last) return [];
    const days: LocalDate[] = [];
    const lastDay = localDate(last, timeZone);
    for (let day = localDate(first, timeZone); day <= lastDay; day = addDays(day, 1)) days.push(day);
    return days;
  }

  async markBuilt(manager: EntityManager, at: Date): Promise<void> {
    await manager.query(`UPDATE dashboard_rollup_state SET built_at = $1`, [at]);
  }

  async advance(manager: EntityManager, watermark: Date): Promise<void> {
    await manager.query(`UPDATE dashboard_rollup_state SET watermark = $1`, [watermark]);
  }

  /** The local days whose facts were recorded or changed since `since` (see FACT_TIMES_CHANGED_SINCE). */
  async changedDays(manager: EntityManager, since: Date, timeZone: string): Promise<LocalDate[]> {
    const rows: { day: string }[] = await manager.query(
      `SELECT DISTINCT to_char(c.at AT TIME ZONE $2, 'YYYY-MM-DD') AS day
         FROM (${FACT_TIMES_CHANGED_SINCE}) c(at) ORDER BY 1`,
      [since, timeZone],
    );
    return rows.map((row) => row.day);
  }

  /**
   * Leads updated since `since` whose segment (owner, industry, size, country, source, campaign) is not the one
   * their facts were counted under: records the new segment, and returns the days of all their facts, which
   * must be counted again under it. New leads count as changed, and their segment values join the filter's.
   */
  async resegmentedDays(manager: EntityManager, since: Date, timeZone: string): Promise<LocalDate[]> {
    const changed: { id: string }[] = await manager.query(
      `INSERT INTO dashboard_lead_segments AS s (workspace_id, lead_id, segment)
       SELECT l.workspace_id, l.id, ${LEAD_SEGMENT_ROW} FROM leads l WHERE l.updated_at >= $1
       ON CONFLICT (workspace_id, lead_id) DO UPDATE SET segment = excluded.segment
        WHERE s.segment IS DISTINCT FROM excluded.segment
       RETURNING s.lead_id AS id`,
      [since],
    );
    if (changed.length === 0) return [];
    const ids = changed.map((row) => row.id);
    await this.mergeSegmentValues(manager, `${SEGMENT_COLUMNS} WHERE id = ANY($1::uuid[])`, [ids]);
    const rows: { day: string }[] = await manager.query(
      `SELECT DISTINCT to_char(f.at AT TIME ZONE $2, 'YYYY-MM-DD') AS day FROM (${FACT_TIMES_OF_LEADS}) f(at)`,
      [ids, timeZone],
    );
    return rows.map((row) => row.day);
  }

  /** Records every lead's segment as counted now, and the filter's segment values, for a rebuild. */
  async recordAllSegments(manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO dashboard_lead_segments (workspace_id, lead_id, segment)
       SELECT l.workspace_id, l.id, ${LEAD_SEGMENT_ROW} FROM leads l`,
    );
    await this.mergeSegmentValues(manager, SEGMENT_COLUMNS, []);
  }

  /**
   * Counts the facts of the given local days again: each run of consecutive days (at most `maxRun` long) in one
   * statement that deletes the days' rows and inserts them recomputed.
   */
  async rebuildDays(
    manager: EntityManager,
    workspaceId: string,
    timeZone: string,
    days: readonly LocalDate[],
    maxRun = 31,
  ): Promise<void> {
    for (const run of consecutiveRuns(days, maxRun)) {
      const from = startOfLocalDay(run[0], timeZone);
      const to = startOfLocalDay(addDays(run[run.length - 1], 1), timeZone);
      await manager.query(`DELETE FROM dashboard_rollup WHERE day >= $1::date AND day <= $2::date`, [
        run[0],
        run[run.length - 1],
      ]);
      const params = scopeParams({
        from,
        to,
        timeZone,
        versionId: null,
        versionWindow: null,
        industry: null,
        employeesMin: null,
        employeesMax: null,
        country: null,
        source: null,
        campaign: null,
        ownerId: null,
        team: null,
      });
      await manager.query(
        withScope(`INSERT INTO dashboard_rollup (workspace_id, day, dims, version_id, owner_id, industry,
                employee_band, country, source, campaign, fact, n, amount, grade, reason_key, lead_source,
                lead_campaign, reason_label, decided_last_at, sales_days, opportunity_days)
         SELECT $15::uuid, f.day,
                63 - GROUPING(f.campaign, f.source, f.country, f.employee_band, f.industry, f.owner_id),
                f.version_id, f.owner_id, f.industry, f.employee_band, f.country, f.source, f.campaign, f.fact,
                count(*), coalesce(sum(f.amount), 0), f.grade, f.reason_key, f.lead_source, f.lead_campaign,
                (array_agg(f.reason_label ORDER BY f.decided_at DESC))[1], max(f.decided_at),
                array_agg(f.sales_days) FILTER (WHERE f.sales_days IS NOT NULL),
                array_agg(f.opportunity_days) FILTER (WHERE f.opportunity_days IS NOT NULL)
           FROM (SELECT (u.at AT TIME ZONE $3)::date AS day, u.*
                   FROM (${COUNTED_SOURCES.map(selectRollupFacts).join('\nUNION ALL\n')}) u) f
          GROUP BY f.day, f.version_id, f.fact, f.grade, f.reason_key, f.lead_source, f.lead_campaign,
                   GROUPING SETS (${GROUPING_SETS})`),
        [...params, workspaceId],
      );
    }
  }

  /** The facts of each local day of a slice, as the raw dailyFacts counts them. */
  async dailyFacts(manager: EntityManager, scope: RollupScope): Promise<DayFacts[]> {
    const { where, params } = sliceWhere(scope);
    const counted: { day: string; fact: string; n: number; amount: string | null }[] = await manager.query(
      `SELECT to_char(r.day, 'YYYY-MM-DD') AS day, r.fact, sum(r.n)::int AS n, sum(r.amount)::text AS amount
         FROM dashboard_rollup r WHERE ${where} GROUP BY r.day, r.fact`,
      params,
    );
    const cycles: { day: string; sales_days: number; opportunity_days: number }[] = await manager.query(
      `SELECT to_char(r.day, 'YYYY-MM-DD') AS day, unnest(r.sales_days) AS sales_days,
              unnest(r.opportunity_days) AS opportunity_days
         FROM dashboard_rollup r WHERE ${where} AND r.fact = 'OPPORTUNITY_WON' AND r.sales_days IS NOT NULL`,
      params,
    );
    return assembleDays(counted, cycles);
  }

  /** Rejections of a slice by reason and the lead's source or campaign, or the handover's grade, as the raw read. */
  rejections(manager: EntityManager, scope: RollupScope, by: RejectionGroup): Promise<RejectionRow[]> {
    const { where, params } = sliceWhere(scope);
    const group = ROLLUP_REJECTION_GROUP[by];
    return manager.query(
      `SELECT r.reason_key AS "reasonKey",
              (array_agg(r.reason_label ORDER BY r.decided_last_at DESC))[1] AS "reasonLabel",
              ${group} AS "group", sum(r.n)::int AS count
         FROM dashboard_rollup r
        WHERE ${where} AND r.fact = 'HANDOVER_REJECTED' AND r.reason_key IS NOT NULL
        GROUP BY r.reason_key, ${group}
        ORDER BY count DESC, r.reason_key, ${group} NULLS LAST`,
      params,
    );
  }

  /** The per-rep view of a slice, as the raw read. */
  async reps(manager: EntityManager, scope: RollupScope): Promise<RepRow[]> {
    const { where, params } = sliceWhere(scope, true);
    const rows: (Omit<RepRow, 'revenueWon' | 'monthlyQuota'> & {
      revenueWon: string;
      monthlyQuota: string | null;
    })[] = await manager.query(
      `SELECT r.owner_id AS "ownerId", mb.name, mb.monthly_quota::text AS "monthlyQuota",
              coalesce(sum(r.amount) FILTER (WHERE r.fact = 'OPPORTUNITY_WON'), 0)::text AS "revenueWon",
              coalesce(sum(r.n) FILTER (WHERE r.fact = 'QUALIFIED_MEETING'), 0)::int AS "qualifiedMeetingsHeld",
              coalesce(sum(r.n) FILTER (WHERE r.fact = 'CALL_MADE'), 0)::int AS "callsMade",
              coalesce(sum(r.n) FILTER (WHERE r.fact = 'EMAIL_SENT'), 0)::int AS "emailsSent",
              coalesce(sum(r.n) FILTER (WHERE r.fact = 'MEETING_BOOKED'), 0)::int AS "meetingsBooked",
              coalesce(sum(r.n) FILTER (WHERE r.fact = 'HANDOVER_ACCEPTED'), 0)::int AS "acceptedHandovers"
         FROM dashboard_rollup r
         JOIN members mb ON mb.id = r.owner_id
        WHERE ${where} AND r.fact IN ('OPPORTUNITY_WON', 'QUALIFIED_MEETING', 'CALL_MADE', 'EMAIL_SENT',
                                      'MEETING_BOOKED', 'HANDOVER_ACCEPTED')
        GROUP BY r.owner_id, mb.name, mb.monthly_quota
        ORDER BY sum(r.amount) FILTER (WHERE r.fact = 'OPPORTUNITY_WON') DESC NULLS LAST, mb.name, r.owner_id`,
      params,
    );
    return rows.map((row) => ({
      ...row,
      revenueWon: Number(row.revenueWon),
      monthlyQuota: row.monthlyQuota === null ? null : Number(row.monthlyQuota),
    }));
  }

  /**
   * Adds the segment values of some leads to the filter's lists. Values only join — a rebuild prunes — except a
   * spelling the workspace has since corrected ("linkedin" once "LinkedIn", see lead_spellings): its leads, marked
   * updated by the correction, bring the new spelling in here, and the old one leaves.
   */
  private async mergeSegmentValues(manager: EntityManager, leads: string, params: unknown[]): Promise<void> {
    const merged = (column: string, key: keyof SegmentValues, spelled = true): string =>
      `array(SELECT v FROM (SELECT jsonb_array_elements_text(segments->'${key}') AS v
                            UNION SELECT ${column} FROM l WHERE ${column} IS NOT NULL) u
             ${spelled ? correctedAway(column) : ''}
             ORDER BY v LIMIT ${SEGMENT_LIMIT})`;
    await manager.query(
      `WITH l AS MATERIALIZED (${leads})
       UPDATE dashboard_rollup_state SET segments = jsonb_build_object(
         'industries', ${merged('industry', 'industries')}, 'countries', ${merged('country', 'countries', false)},
         'sources', ${merged('source', 'sources')}, 'campaigns', ${merged('campaign', 'campaigns')})`,
      params,
    );
  }
}

/**
 * Keeps a segment value `u.v` unless the workspace now spells it otherwise. (The key is spellingKey's lower case,
 * which PostgreSQL's lower() gives under a UTF-8 locale; under the C locale it folds ASCII letters only, and a
 * corrected non-ASCII spelling stays listed until the next rebuild — listed, it finds no lead.)
 */
const correctedAway = (field: string) =>
  `WHERE NOT EXISTS (SELECT 1 FROM lead_spellings s
                      WHERE s.field = '${field}' AND s.key = lower(u.v) AND s.spelling <> u.v)`;

/** Sorted, distinct days split into runs of consecutive days, each at most `maxRun` long. */
export function consecutiveRuns(days: readonly LocalDate[], maxRun: number): LocalDate[][] {
  const sorted = [...new Set(days)].sort();
  const runs: LocalDate[][] = [];
  for (const day of sorted) {
    const run = runs[runs.length - 1];
    if (run && run.length < maxRun && addDays(run[run.length - 1], 1) === day) run.push(day);
    else runs.push([day]);
  }
  return runs;
}
