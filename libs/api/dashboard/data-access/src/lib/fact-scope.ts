import { EMPLOYEE_BANDS } from '@accord/domain/dashboard';

/**
 * Which facts a dashboard query reads: those at or after `from` and before `to`, of leads in the segment,
 * credited to `ownerId` and to a member of `team`, recorded under `versionId`. Facts with no recorded version (meetings, signals) belong to
 * the version in force at their time: `versionWindow` is that version's [effectiveAt, supersededAt).
 */
export interface FactScope {
  from: Date;
  to: Date;
  timeZone: string;
  versionId: string | null;
  versionWindow: { from: Date; to: Date | null } | null;
  industry: string | null;
  employeesMin: number | null;
  employeesMax: number | null;
  country: string | null;
  source: string | null;
  campaign: string | null;
  ownerId: string | null;
  /** A team (`members.team`): facts credited to one of its members; null or absent: any. */
  team?: string | null;
}

/**
 * The scope as positional parameters, always in this order, so every statement of the repositories can use
 * the same numbering: $1 from, $2 to, $3 time zone, $4 version, $5–$6 version window, $7 industry,
 * $8–$9 employees, $10 country, $11 source, $12 campaign, $13 owner, $14 team.
 */
export function scopeParams(scope: FactScope): unknown[] {
  return [
    scope.from,
    scope.to,
    scope.timeZone,
    scope.versionId,
    scope.versionWindow?.from ?? null,
    scope.versionWindow?.to ?? null,
    scope.industry,
    scope.employeesMin,
    scope.employeesMax,
    scope.country,
    scope.source,
    scope.campaign,
    scope.ownerId,
    scope.team ?? null,
  ];
}

export const SCOPE_PARAM_COUNT = 14;

/** The lead `l` is in the segment. */
export const LEAD_SEGMENT = `($7::text IS NULL OR l.industry = $7)
  AND ($8::int IS NULL OR l.employee_count >= $8) AND ($9::int IS NULL OR l.employee_count <= $9)
  AND ($10::text IS NULL OR l.country = $10) AND ($11::text IS NULL OR l.source = $11)
  AND ($12::text IS NULL OR l.campaign = $12)`;

/**
 * `at` (a column of the table aliased before the dot) falls in the period. The workspace is named too, though
 * row-level security already keeps it: the jobs' read-only system policies on some fact tables turn the policy
 * into an OR, which the planner cannot use to lead an index on (workspace_id, time).
 */
export const inPeriod = (at: string): string =>
  `${at.split('.')[0]}.workspace_id = accord_current_workspace() AND ${at} >= $1 AND ${at} < $2`;

/** The fact was recorded under the version (a fact with a version column). */
export const recordedUnder = (versionColumn: string): string => `($4::uuid IS NULL OR ${versionColumn} = $4)`;

/** The fact happened while the version was in force (a fact without a version column). */
export const inForceAt = (at: string): string =>
  `($4::uuid IS NULL OR (${at} >= $5 AND ($6::timestamptz IS NULL OR ${at} < $6)))`;

/**
 * The fact is credited to the member asked for, and to a member of the team asked for (the team as the members
 * table says now, so a member moved to another team takes their facts along).
 */
export const ownedBy = (ownerColumn: string): string =>
  `($13::uuid IS NULL OR ${ownerColumn} = $13)
   AND ($14::text IS NULL OR ${ownerColumn} IN (SELECT tm.id FROM members tm WHERE tm.team = $14))`;

/** The local day of `at` in the workspace's time zone, as YYYY-MM-DD. */
export const localDay = (at: string): string => `to_char(${at} AT TIME ZONE $3, 'YYYY-MM-DD')`;

/**
 * The index in EMPLOYEE_BANDS of the band an employee count falls in (NULL for none), as the rollup stores it:
 * the same bounds the segment filter compares with.
 */
export const EMPLOYEE_BAND_OF = (employees: string): string =>
  `CASE ${EMPLOYEE_BANDS.map(
    (band, index) =>
      `WHEN ${employees} >= ${band.min}${band.max === null ? '' : ` AND ${employees} <= ${band.max}`} THEN ${index}`,
  ).join(' ')} END`;

/** The lead of a fact table aliased `x`, joined on its workspace-leading key. */
export const JOIN_LEAD = (alias: string): string =>
  `JOIN leads l ON l.workspace_id = ${alias}.workspace_id AND l.id = ${alias}.lead_id`;

/**
 * Prefixes a statement with a CTE naming every scope parameter's type: PostgreSQL must know the type of each
 * parameter sent, and not every statement uses all fourteen.
 */
export function withScope(sql: string): string {
  return `WITH scope_types AS (SELECT $1::timestamptz, $2::timestamptz, $3::text, $4::uuid, $5::timestamptz,
    $6::timestamptz, $7::text, $8::int, $9::int, $10::text, $11::text, $12::text, $13::uuid, $14::text)
  ${sql}`;
}
