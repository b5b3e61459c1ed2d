import { EMPLOYEE_BANDS, LocalDate } from '@accord/domain/dashboard';

import type { FactScope } from './fact-scope';

/**
 * The dimensions a rollup row may be keyed by, as bits of its `dims`: a row with bit `industry` set counts the
 * facts of one industry (its `industry` column); a row without it counts every industry (the column is NULL).
 * The version is always a key, so a version filter is a plain condition.
 */
export const SLICE_BITS = {
  owner: 1,
  industry: 2,
  employeeBand: 4,
  country: 8,
  source: 16,
  campaign: 32,
} as const;
type Dimension = keyof typeof SLICE_BITS;
const SEGMENT_DIMENSIONS: readonly Exclude<Dimension, 'owner'>[] = [
  'industry',
  'employeeBand',
  'country',
  'source',
  'campaign',
];

/**
 * The slices the rollup keeps: everything, each dimension alone, and each segment dimension with the owner — so
 * the dashboard, its per-rep view (which adds the owner) and its rejections (which carry the source and grade)
 * read a handful of rows per day under any filter of at most one segment and an owner. Keeping every
 * combination would multiply the rows by the product of the dimensions' sizes; filters on two or more segments
 * read the raw tables instead. A team filter reads the owner's slice too: its rows for the team's members.
 */
export const KEPT_SLICES: readonly number[] = [
  0,
  ...Object.values(SLICE_BITS),
  ...SEGMENT_DIMENSIONS.map((dimension) => SLICE_BITS[dimension] | SLICE_BITS.owner),
];

/** A dashboard read from the rollup: whole local days, one slice. */
export interface RollupScope {
  /** First local day, and the day after the last. */
  fromDay: LocalDate;
  toDay: LocalDate;
  dims: number;
  versionId: string | null;
  ownerId: string | null;
  /** The team whose members' rows of the owner's slice are read (the members table says who is in it). */
  team: string | null;
  industry: string | null;
  employeeBand: number | null;
  country: string | null;
  source: string | null;
  campaign: string | null;
}

/**
 * The slice a filter reads, or null when the rollup does not keep it. A team is read from the slice keyed by
 * owner: each member's facts are there, so the team's are the sum over its members.
 */
export function sliceOf(scope: FactScope, fromDay: LocalDate, toDay: LocalDate): RollupScope | null {
  const band =
    scope.employeesMin === null
      ? null
      : EMPLOYEE_BANDS.findIndex((b) => b.min === scope.employeesMin && b.max === scope.employeesMax);
  if (band === -1) return null;
  const values: Record<Dimension, unknown> = {
    owner: scope.ownerId ?? scope.team ?? null,
    industry: scope.industry,
    employeeBand: band,
    country: scope.country,
    source: scope.source,
    campaign: scope.campaign,
  };
  let dims = 0;
  for (const dimension of Object.keys(SLICE_BITS) as Dimension[])
    if (values[dimension] !== null) dims |= SLICE_BITS[dimension];
  if (!KEPT_SLICES.includes(dims)) return null;
  return {
    fromDay,
    toDay,
    dims,
    versionId: scope.versionId,
    ownerId: scope.ownerId,
    team: scope.team ?? null,
    industry: scope.industry,
    employeeBand: band,
    country: scope.country,
    source: scope.source,
    campaign: scope.campaign,
  };
}

/** The rollup's columns for each dimension, in SLICE_BITS order. */
export const SLICE_COLUMNS: Record<Dimension, string> = {
  owner: 'owner_id',
  industry: 'industry',
  employeeBand: 'employee_band',
  country: 'country',
  source: 'source',
  campaign: 'campaign',
};
const VALUE_OF: Record<Dimension, (scope: RollupScope) => unknown> = {
  owner: (scope) => scope.ownerId,
  industry: (scope) => scope.industry,
  employeeBand: (scope) => scope.employeeBand,
  country: (scope) => scope.country,
  source: (scope) => scope.source,
  campaign: (scope) => scope.campaign,
};

/**
 * The WHERE clause selecting a slice's rows of the period (`r` is the rollup), and its parameters. With
 * `byOwner` the slice is the same one keyed by owner as well (for the per-rep view): every owner's rows, or
 * the one asked for. A team keeps the owner's slice to the rows of the team's members.
 */
export function sliceWhere(scope: RollupScope, byOwner = false): { where: string; params: unknown[] } {
  const dims = byOwner ? scope.dims | SLICE_BITS.owner : scope.dims;
  const params: unknown[] = [dims, scope.fromDay, scope.toDay, scope.versionId];
  const conditions = [
    'r.dims = $1',
    'r.day >= $2::date',
    'r.day < $3::date',
    '($4::uuid IS NULL OR r.version_id = $4)',
  ];
  for (const dimension of Object.keys(SLICE_BITS) as Dimension[]) {
    const value = VALUE_OF[dimension](scope);
    const column = `r.${SLICE_COLUMNS[dimension]}`;
    if (value !== null) {
      params.push(value);
      conditions.push(`${column} = $${params.length}`);
    } else if (!(dimension === 'owner' && (byOwner || scope.team !== null)))
      conditions.push(`${column} IS NULL`);
  }
  if (scope.team !== null) {
    params.push(scope.team);
    conditions.push(`r.owner_id IN (SELECT tm.id FROM members tm WHERE tm.team = $${params.length})`);
  }
  return { where: conditions.join(' AND '), params };
}
