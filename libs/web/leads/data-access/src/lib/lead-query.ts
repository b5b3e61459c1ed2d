import { GRADES, TEMPERATURES } from '@accord/domain/agreement';
import { LIFECYCLE_STAGES } from '@accord/domain/leads';
import type {
  Grade,
  LeadSort,
  LeadsFilter,
  LifecycleStage,
  Temperature,
} from '@accord/web/shared/data-access';

export const LEAD_SORTS: readonly LeadSort[] = ['FIT', 'INTENT', 'NEWEST'];

/** The owner filter's value, in the query and the URL (`owner=none`), for the leads no one owns. */
export const NO_OWNER = 'none';

/** What the leads list shows: the filters and sort a person chose, kept in the page's URL. */
export interface LeadListQuery {
  grade: Grade | null;
  temperature: Temperature | null;
  stage: LifecycleStage | null;
  /** A member's id, NO_OWNER for the leads no one owns, or null for anyone's. */
  ownerId: string | null;
  search: string | null;
  sort: LeadSort;
}

export const DEFAULT_LEAD_QUERY: LeadListQuery = {
  grade: null,
  temperature: null,
  stage: null,
  ownerId: null,
  search: null,
  sort: 'FIT',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_SEARCH = 100;

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | null {
  return value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** The list's query from URL parameters; values the API would refuse are ignored, not sent. */
export function leadQueryFromParams(params: Readonly<Record<string, string | undefined>>): LeadListQuery {
  const search = params['q']?.trim().slice(0, MAX_SEARCH);
  const owner = params['owner'];
  return {
    grade: oneOf(GRADES, params['grade']),
    temperature: oneOf(TEMPERATURES, params['temperature']),
    stage: oneOf(LIFECYCLE_STAGES, params['stage']),
    ownerId: owner !== undefined && (UUID.test(owner) || owner === NO_OWNER) ? owner : null,
    search: search ? search : null,
    sort: oneOf(LEAD_SORTS, params['sort']) ?? DEFAULT_LEAD_QUERY.sort,
  };
}

/** URL parameters for the query; null removes a parameter, so defaults keep the URL short. */
export function leadQueryParams(query: LeadListQuery): Record<string, string | null> {
  return {
    grade: query.grade,
    temperature: query.temperature,
    stage: query.stage,
    owner: query.ownerId,
    q: query.search,
    sort: query.sort === DEFAULT_LEAD_QUERY.sort ? null : query.sort,
  };
}

/** The API's filter, or null when nothing narrows the list. */
export function toLeadsFilter(query: LeadListQuery): LeadsFilter | null {
  const filter: LeadsFilter = {};
  if (query.grade) filter.grade = query.grade;
  if (query.temperature) filter.temperature = query.temperature;
  if (query.stage) filter.stage = query.stage;
  if (query.ownerId === NO_OWNER) filter.unassigned = true;
  else if (query.ownerId) filter.ownerId = query.ownerId;
  if (query.search) filter.search = query.search;
  return Object.keys(filter).length === 0 ? null : filter;
}
