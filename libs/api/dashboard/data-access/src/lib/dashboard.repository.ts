import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { DayFacts, DrillSource, RejectionGroup } from '@accord/domain/dashboard';
import { type SpelledField, respell, spellingsBook, spellingsIn } from '@accord/domain/leads';

import { CountedRow, CycleRow, assembleDays } from './day-facts';
import {
  FactScope,
  LEAD_SEGMENT,
  inPeriod,
  localDay,
  ownedBy,
  recordedUnder,
  scopeParams,
  withScope,
} from './fact-scope';
import { COUNTED_SOURCES, REP_SOURCES, WIN_CYCLES, drillSource, selectFacts } from './fact-sources';

export interface RejectionRow {
  reasonKey: string;
  reasonLabel: string;
  group: string | null;
  count: number;
}

export interface RepRow {
  ownerId: string;
  name: string;
  /** The member's monthly quota as it stands now (members.monthly_quota); null: none set. */
  monthlyQuota: number | null;
  revenueWon: number;
  qualifiedMeetingsHeld: number;
  callsMade: number;
  emailsSent: number;
  meetingsBooked: number;
  acceptedHandovers: number;
}

export interface DrillRow {
  rowKey: string;
  /** The fact's time exactly as stored (microseconds), for the next page's cursor. */
  atText: string;
  at: Date;
  leadId: string;
  leadName: string | null;
  email: string;
  companyName: string | null;
  detail: string | null;
}

export interface VersionRow {
  id: string;
  number: number;
  effectiveAt: Date;
  supersededAt: Date | null;
}

export interface SegmentValues {
  industries: string[];
  countries: string[];
  sources: string[];
  campaigns: string[];
}

/** The column each rejection grouping reads: the lead's source or campaign, the handover's grade. */
const RAW_REJECTION_GROUP: Record<RejectionGroup, string> = {
  source: 'l.source',
  campaign: 'l.campaign',
  grade: 'h.grade',
};

/** How many values of each segment the filter offers. */
const SEGMENT_LIMIT = 500;

/**
 * The dashboard's reads, straight from the fact tables (the naive GROUP BY: exact, and the baseline any rollup
 * is measured and checked against). Every statement runs in the caller's tenant transaction, so row-level
 * security keeps it to one workspace.
 */
@Injectable()
export class DashboardRepository {
  /**
   * A filter's industry, source and campaign as the workspace spells them now ("partner" for "Partner"): a link
   * saved before a spelling was corrected still finds its leads, which the facts match by their exact spelling.
   */
  async spelt<T extends Partial<Record<SpelledField, string | null>>>(
    manager: EntityManager,
    filter: T,
  ): Promise<T> {
    const given = spellingsIn([filter]);
    if (given.length === 0) return filter;
    const rows: { field: SpelledField; key: string; spelling: string }[] = await manager.query(
      `SELECT s.field, s.key, s.spelling FROM lead_spellings s
         JOIN unnest($1::text[], $2::text[]) AS g(field, key) ON s.field = g.field AND s.key = g.key`,
      [given.map((item) => item.field), given.map((item) => item.key)],
    );
    return respell(filter, spellingsBook(rows)).fields;
  }

  /** The workspace's time zone (its periods' calendar) and reporting currency (its amounts'). */
  async calendarAndCurrency(manager: EntityManager): Promise<{ timeZone: string; currency: string }> {
    const rows: { timeZone: string; currency: string }[] = await manager.query(
      `SELECT time_zone AS "timeZone", currency FROM workspaces`,
    );
    return rows[0] ?? { timeZone: 'UTC', currency: 'USD' };
  }

  /** Published versions, newest first, with the time each was in force. */
  versions(manager: EntityManager): Promise<VersionRow[]> {
    return manager.query(
      `SELECT id, number, effective_at AS "effectiveAt", superseded_at AS "supersededAt"
         FROM agreement_versions WHERE status = 'PUBLISHED' ORDER BY number DESC`,
    );
  }

  /** The facts of each local day of the period, counted from the raw tables. */
  async dailyFacts(manager: EntityManager, scope: FactScope): Promise<DayFacts[]> {
    const params = scopeParams(scope);
    const counted: CountedRow[] = await manager.query(
      withScope(`SELECT ${localDay('f.at')} AS day, f.fact, count(*)::int AS n, sum(f.amount)::text AS amount
         FROM (${COUNTED_SOURCES.map((source) => selectFacts(source, 'count')).join('\nUNION ALL\n')}) f
        GROUP BY 1, 2`),
      params,
    );
    const cycles: CycleRow[] = await manager.query(
      withScope(`SELECT ${localDay('w.at')} AS day, w.sales_days::float8 AS sales_days,
              w.opportunity_days::float8 AS opportunity_days
         FROM (${WIN_CYCLES}) w`),
      params,
    );
    return assembleDays(counted, cycles);
  }

  /** Rejections decided in the period, by reason and the lead's source or campaign, or the handover's grade. */
  rejections(manager: EntityManager, scope: FactScope, by: RejectionGroup): Promise<RejectionRow[]> {
    const group = RAW_REJECTION_GROUP[by];
    return manager.query(
      withScope(`SELECT h.reason_key AS "reasonKey",
              (array_agg(h.reason_label ORDER BY h.decided_at DESC))[1] AS "reasonLabel",
              ${group} AS "group", count(*)::int AS count
         FROM handovers h JOIN leads l ON l.workspace_id = h.workspace_id AND l.id = h.lead_id
        WHERE h.status = 'REJECTED' AND h.reason_key IS NOT NULL AND ${inPeriod('h.decided_at')}
          AND ${recordedUnder('h.version_id')} AND ${ownedBy('h.owner_id')} AND ${LEAD_SEGMENT}
        GROUP BY h.reason_key, ${group}
        ORDER BY count DESC, h.reason_key, ${group} NULLS LAST`),
      scopeParams(scope),
    );
  }

  /**
   * Per owner: revenue won (opportunity owner), qualified meetings held (meeting owner), activity (the lead's
   * owner) and handovers accepted (handover owner), in the period. Members with none of these are left out
   * (`quotaHolders` adds those with a quota).
   */
  async reps(manager: EntityManager, scope: FactScope): Promise<RepRow[]> {
    const owned = REP_SOURCES.map((source) => selectFacts(source, 'owned'));
    const rows: (Omit<RepRow, 'revenueWon' | 'monthlyQuota'> & {
      revenueWon: string;
      monthlyQuota: string | null;
    })[] = await manager.query(
      withScope(`SELECT f.owner_id AS "ownerId", mb.name, mb.monthly_quota::text AS "monthlyQuota",
              coalesce(sum(f.amount) FILTER (WHERE f.fact = 'OPPORTUNITY_WON'), 0)::text AS "revenueWon",
              count(*) FILTER (WHERE f.fact = 'QUALIFIED_MEETING')::int AS "qualifiedMeetingsHeld",
              count(*) FILTER (WHERE f.fact = 'CALL_MADE')::int AS "callsMade",
              count(*) FILTER (WHERE f.fact = 'EMAIL_SENT')::int AS "emailsSent",
              count(*) FILTER (WHERE f.fact = 'MEETING_BOOKED')::int AS "meetingsBooked",
              count(*) FILTER (WHERE f.fact = 'HANDOVER_ACCEPTED')::int AS "acceptedHandovers"
         FROM (${owned.join('\nUNION ALL\n')}) f
         JOIN members mb ON mb.id = f.owner_id
        WHERE f.fact IN ('OPPORTUNITY_WON', 'QUALIFIED_MEETING', 'CALL_MADE', 'EMAIL_SENT', 'MEETING_BOOKED',
                         'HANDOVER_ACCEPTED')
        GROUP BY f.owner_id, mb.name, mb.monthly_quota
        ORDER BY sum(f.amount) FILTER (WHERE f.fact = 'OPPORTUNITY_WON') DESC NULLS LAST, mb.name, f.owner_id`),
      scopeParams(scope),
    );
    return rows.map((row) => ({
      ...row,
      revenueWon: Number(row.revenueWon),
      monthlyQuota: row.monthlyQuota === null ? null : Number(row.monthlyQuota),
    }));
  }

  /**
   * Active members with a monthly quota, within the filter's owner and team: the per-rep view lists them even in a
   * period with none of their facts, since a quota with nothing won against it is what attainment is for.
   */
  async quotaHolders(manager: EntityManager, scope: FactScope): Promise<RepRow[]> {
    const rows: { ownerId: string; name: string; monthlyQuota: string }[] = await manager.query(
      `SELECT mb.id AS "ownerId", mb.name, mb.monthly_quota::text AS "monthlyQuota"
         FROM members mb
        WHERE mb.monthly_quota IS NOT NULL AND mb.deactivated_at IS NULL
          AND ($1::uuid IS NULL OR mb.id = $1)
          AND ($2::text IS NULL OR mb.team = $2)
        ORDER BY mb.name, mb.id`,
      [scope.ownerId, scope.team ?? null],
    );
    return rows.map((row) => ({
      ...row,
      monthlyQuota: Number(row.monthlyQuota),
      revenueWon: 0,
      qualifiedMeetingsHeld: 0,
      callsMade: 0,
      emailsSent: 0,
      meetingsBooked: 0,
      acceptedHandovers: 0,
    }));
  }

  /** The values leads of the workspace have for each segment, sorted. */
  async segments(manager: EntityManager): Promise<SegmentValues> {
    const values = (column: string): string =>
      `array(SELECT DISTINCT ${column} FROM leads WHERE ${column} IS NOT NULL ORDER BY 1 LIMIT ${SEGMENT_LIMIT})`;
    const rows: SegmentValues[] = await manager.query(
      `SELECT ${values('industry')} AS industries, ${values('country')} AS countries,
              ${values('source')} AS sources, ${values('campaign')} AS campaigns`,
    );
    return rows[0];
  }

  /**
   * The facts behind a number, newest first, a page at a time: `after` is the last row's (atText, rowKey).
   * Reads one more row than asked, so the caller knows whether another page follows.
   */
  rows(
    manager: EntityManager,
    scope: FactScope,
    sources: readonly DrillSource[],
    first: number,
    after: { atText: string; rowKey: string } | null,
  ): Promise<DrillRow[]> {
    const union = [...new Set(sources)]
      .map((source) => selectFacts(drillSource(source), 'rows'))
      .join('\nUNION ALL\n');
    return manager.query(
      withScope(`SELECT f.row_key AS "rowKey", to_char(f.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "atText",
              f.at, f.lead_id AS "leadId", nullif(concat_ws(' ', f.first_name, f.last_name), '') AS "leadName",
              f.email, f.company_name AS "companyName", f.detail
         FROM (${union}) f
        WHERE $15::timestamptz IS NULL OR (f.at, f.row_key) < ($15::timestamptz, $16::text)
        ORDER BY f.at DESC, f.row_key DESC
        LIMIT $17`),
      [...scopeParams(scope), after?.atText ?? null, after?.rowKey ?? null, first + 1],
    );
  }
}
