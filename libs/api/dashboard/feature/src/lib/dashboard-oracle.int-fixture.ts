import type { DashboardFilter } from './dto/dashboard.inputs';

/** What direct SQL says each metric is: its value and, where it has them, its parts. */
export type Expected = Record<
  string,
  { value: number | null; numerator?: number | null; denominator?: number | null }
>;

/**
 * The filter as SQL conditions over leads `l`, written independently of the repository: the segment on the
 * lead, the owner and the owner's team on `ownerColumn`, the version on `versionColumn` or, for facts without
 * one, by the version's time in force at `at`.
 */
function conditions(
  filter: DashboardFilter,
  ownerColumn: string,
  version: { column: string } | { at: string },
): { where: string; params: unknown[] } {
  const params: unknown[] = [filter.from, filter.to];
  const add = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (filter.industry) where.push(`l.industry = ${add(filter.industry)}`);
  if (filter.country) where.push(`l.country = ${add(filter.country)}`);
  if (filter.source) where.push(`l.source = ${add(filter.source)}`);
  if (filter.campaign) where.push(`l.campaign = ${add(filter.campaign)}`);
  if (filter.employeeBand === '50–199') where.push(`l.employee_count BETWEEN 50 AND 199`);
  if (filter.ownerId) where.push(`${ownerColumn} = ${add(filter.ownerId)}`);
  if (filter.team)
    where.push(
      `EXISTS (SELECT 1 FROM members mt WHERE mt.id = ${ownerColumn} AND mt.team = ${add(filter.team)})`,
    );
  if (filter.versionId) {
    const id = add(filter.versionId);
    where.push(
      'column' in version
        ? `${version.column} = ${id}`
        : `EXISTS (SELECT 1 FROM agreement_versions v WHERE v.id = ${id} AND ${version.at} >= v.effective_at
             AND (v.superseded_at IS NULL OR ${version.at} < v.superseded_at))`,
    );
  }
  return { where: where.length > 0 ? `AND ${where.join(' AND ')}` : '', params };
}

/** Every metric and funnel step computed straight from the raw tables, by `sql` in the world's workspace. */
export async function directNumbers(
  sql: <T>(text: string, params: unknown[]) => Promise<T[]>,
  filter: DashboardFilter,
): Promise<{ expected: Expected; funnel: (string | number)[][] }> {
  const t = conditions(filter, 'l.owner_id', { column: 't.version_id' });
  const stages = await sql<{ stage: string; n: number }>(
    `SELECT t.to_stage AS stage, count(*)::int AS n FROM lead_transitions t JOIN leads l ON l.id = t.lead_id
      WHERE t.at >= $1 AND t.at < $2 ${t.where} GROUP BY 1`,
    t.params,
  );
  const entered = (stage: string) => stages.find((row) => row.stage === stage)?.n ?? 0;
  const h = conditions(filter, 'h.owner_id', { column: 'h.version_id' });
  const [handovers] = await sql<Record<string, number>>(
    `SELECT count(*) FILTER (WHERE status = 'ACCEPTED' AND decided_at >= $1 AND decided_at < $2)::int AS accepted,
            count(*) FILTER (WHERE status = 'REJECTED' AND decided_at >= $1 AND decided_at < $2)::int AS rejected,
            count(*) FILTER (WHERE handed_over_at >= $1 AND handed_over_at < $2 AND status <> 'OPEN')::int AS due,
            count(*) FILTER (WHERE handed_over_at >= $1 AND handed_over_at < $2 AND within_sla IS TRUE)::int AS met
       FROM handovers h JOIN leads l ON l.id = h.lead_id WHERE true ${h.where}`,
    h.params,
  );
  const m = conditions(filter, 'm.owner_id', { at: 'm.scheduled_at' });
  const [meetings] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM meetings m JOIN leads l ON l.id = m.lead_id
      WHERE m.qualified AND m.status = 'HELD' AND m.scheduled_at >= $1 AND m.scheduled_at < $2 ${m.where}`,
    m.params,
  );
  const o = conditions(filter, 'o.owner_id', { column: 'ot.version_id' });
  const [opportunities] = await sql<Record<string, number | null>>(
    `SELECT count(*) FILTER (WHERE ot.from_stage IS NULL)::int AS opened,
            coalesce(sum(ot.amount) FILTER (WHERE ot.from_stage IS NULL), 0)::float8 AS pipeline,
            count(*) FILTER (WHERE ot.to_stage = 'WON' AND ot.from_stage <> 'WON')::int AS won,
            count(*) FILTER (WHERE ot.to_stage = 'LOST' AND ot.from_stage <> 'LOST')::int AS lost,
            coalesce(sum(ot.amount) FILTER (WHERE ot.to_stage = 'WON' AND ot.from_stage <> 'WON'), 0)::float8 AS revenue,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ot.at - l.created_at) / 86400)
              FILTER (WHERE ot.to_stage = 'WON' AND ot.from_stage <> 'WON') AS sales_cycle,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ot.at - o.opened_at) / 86400)
              FILTER (WHERE ot.to_stage = 'WON' AND ot.from_stage <> 'WON') AS opportunity_cycle
       FROM opportunity_transitions ot JOIN opportunities o ON o.id = ot.opportunity_id
       JOIN leads l ON l.id = o.lead_id
      WHERE ot.at >= $1 AND ot.at < $2 ${o.where}`,
    o.params,
  );
  const s = conditions(filter, 'l.owner_id', { at: 's.occurred_at' });
  const activity = await sql<{ type: string; n: number }>(
    `SELECT s.type, count(*)::int AS n FROM signals s JOIN leads l ON l.id = s.lead_id
      WHERE s.occurred_at >= $1 AND s.occurred_at < $2 ${s.where} GROUP BY 1`,
    s.params,
  );
  const signals = (type: string) => activity.find((row) => row.type === type)?.n ?? 0;
  const pct = (n: number, d: number) => (d > 0 ? (100 * n) / d : null);
  const per = (n: number, d: number) => (d > 0 ? n / d : null);
  const won = opportunities['won'] ?? 0;
  const closed = won + (opportunities['lost'] ?? 0);
  const expected: Expected = {
    mqls: { value: entered('MQL') },
    'mql-acceptance-rate': {
      value: pct(handovers['accepted'], handovers['accepted'] + handovers['rejected']),
      numerator: handovers['accepted'],
      denominator: handovers['accepted'] + handovers['rejected'],
    },
    sqls: { value: entered('SQL') },
    'qualified-meetings-held': { value: meetings.n },
    'pipeline-sourced': { value: opportunities['pipeline'], denominator: opportunities['opened'] },
    'revenue-won': { value: opportunities['revenue'], denominator: won },
    'close-rate': { value: pct(won, closed), numerator: won, denominator: closed },
    'sales-cycle-days': { value: opportunities['sales_cycle'], denominator: won },
    'opportunity-cycle-days': { value: opportunities['opportunity_cycle'], denominator: won },
    'sla-met': {
      value: pct(handovers['met'], handovers['due']),
      numerator: handovers['met'],
      denominator: handovers['due'],
    },
    'emails-sent': { value: signals('EMAIL_SENT') },
    'calls-made': { value: signals('CALL_MADE') },
    'meetings-booked': { value: signals('MEETING_BOOKED') },
    'calls-per-qualified-meeting': { value: per(signals('CALL_MADE'), meetings.n) },
    'emails-per-sql': { value: per(signals('EMAIL_SENT'), entered('SQL')) },
  };
  const funnel = ['LEAD', 'MQL', 'SAL', 'SQL', 'OPPORTUNITY', 'WON'].map((stage) => [stage, entered(stage)]);
  return { expected, funnel };
}

/** Rejections decided in the period under the filter, by reason and `group` (over handovers `h`, leads `l`). */
export async function directRejections(
  sql: <T>(text: string, params: unknown[]) => Promise<T[]>,
  filter: DashboardFilter,
  group: 'l.source' | 'l.campaign' | 'h.grade',
): Promise<string[]> {
  const h = conditions(filter, 'h.owner_id', { column: 'h.version_id' });
  const rows = await sql<{ reasonKey: string; group: string | null; count: number }>(
    `SELECT h.reason_key AS "reasonKey", ${group} AS "group", count(*)::int AS count
       FROM handovers h JOIN leads l ON l.id = h.lead_id
      WHERE h.status = 'REJECTED' AND h.decided_at >= $1 AND h.decided_at < $2 ${h.where} GROUP BY 1, 2`,
    h.params,
  );
  return rejectionKeys(rows);
}

/** Rejection counts as sortable "reason|group|count" lines. */
export function rejectionKeys(
  rows: readonly { reasonKey: string; group: string | null; count: number }[],
): string[] {
  return rows.map((row) => `${row.reasonKey}|${row.group}|${row.count}`).sort();
}
