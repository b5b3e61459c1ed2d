import { DASHBOARD_GRANULARITIES } from './periods';
import { employeeBand } from './segments';

/** The dashboard's filter as a client sends it. */
export interface DashboardFilterInput {
  from: Date;
  to: Date;
  granularity: string;
  versionId?: string | null;
  industry?: string | null;
  employeeBand?: string | null;
  country?: string | null;
  source?: string | null;
  campaign?: string | null;
  ownerId?: string | null;
  /** A team (`members.team`): the facts credited to its members, as `ownerId` credits one member. */
  team?: string | null;
}

export interface FilterProblem {
  field: string;
  message: string;
}

/** The longest period the dashboard reads, in years. */
export const MAX_PERIOD_YEARS = 3;
/** The longest period the dashboard reads: three years (of 366 days, so any three calendar years fit). */
export const MAX_PERIOD_DAYS = MAX_PERIOD_YEARS * 366;
/** Segment values are at most this long (campaigns, the longest column, hold 200 characters). */
export const MAX_SEGMENT_LENGTH = 200;
/** Team names are at most this long (`members.team`). */
export const MAX_TEAM_LENGTH = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What is wrong with a filter, field by field; empty when it can be used. */
export function filterProblems(filter: DashboardFilterInput): FilterProblem[] {
  const problems: FilterProblem[] = [];
  const validFrom = filter.from instanceof Date && !Number.isNaN(filter.from.getTime());
  const validTo = filter.to instanceof Date && !Number.isNaN(filter.to.getTime());
  if (!validFrom) problems.push({ field: 'from', message: 'must be a date and time' });
  if (!validTo) problems.push({ field: 'to', message: 'must be a date and time' });
  if (validFrom && validTo) {
    const span = filter.to.getTime() - filter.from.getTime();
    if (span <= 0) problems.push({ field: 'to', message: 'must be after from' });
    else if (span > MAX_PERIOD_DAYS * 86_400_000)
      problems.push({ field: 'to', message: `the period may span at most ${MAX_PERIOD_YEARS} years` });
  }
  if (!(DASHBOARD_GRANULARITIES as readonly string[]).includes(filter.granularity))
    problems.push({ field: 'granularity', message: 'must be WEEK, MONTH or QUARTER' });
  for (const field of ['versionId', 'ownerId'] as const) {
    const value = filter[field];
    if (value !== null && value !== undefined && !UUID.test(value))
      problems.push({ field, message: 'must be a UUID' });
  }
  if (filter.employeeBand !== null && filter.employeeBand !== undefined && !employeeBand(filter.employeeBand))
    problems.push({ field: 'employeeBand', message: 'must be one of 1–49, 50–199, 200–999, 1000+' });
  for (const field of ['industry', 'country', 'source', 'campaign'] as const) {
    const value = filter[field];
    if (value !== null && value !== undefined && (value.length === 0 || value.length > MAX_SEGMENT_LENGTH))
      problems.push({ field, message: `must be 1 to ${MAX_SEGMENT_LENGTH} characters` });
  }
  if (
    filter.team !== null &&
    filter.team !== undefined &&
    (filter.team.length === 0 || filter.team.length > MAX_TEAM_LENGTH)
  )
    problems.push({ field: 'team', message: `must be 1 to ${MAX_TEAM_LENGTH} characters` });
  return problems;
}
