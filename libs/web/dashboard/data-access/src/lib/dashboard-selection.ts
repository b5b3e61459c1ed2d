import {
  DASHBOARD_GRANULARITIES,
  type LocalDate,
  MAX_PERIOD_DAYS,
  MAX_PERIOD_YEARS,
  MAX_SEGMENT_LENGTH,
  MAX_TEAM_LENGTH,
  addDays,
  calendarPeriod,
  daysBetween,
  employeeBand,
  localDate,
  startOfLocalDay,
} from '@accord/domain/dashboard';
import type { DashboardFilter, DashboardGranularity } from '@accord/web/shared/data-access';

/**
 * The periods a person picks: this week, this or last month, this or last quarter in the workspace's calendar, or
 * their own days.
 */
export const PERIOD_CHOICES = ['WEEK', 'MONTH', 'LAST_MONTH', 'QUARTER', 'LAST_QUARTER', 'CUSTOM'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

export const PERIOD_LABELS: Readonly<Record<PeriodChoice, string>> = {
  WEEK: 'This week',
  MONTH: 'This month',
  LAST_MONTH: 'Last month',
  QUARTER: 'This quarter',
  LAST_QUARTER: 'Last quarter',
  CUSTOM: 'Custom',
};

/** Each calendar preset: the calendar's step and how many steps back from the current one. */
const PRESETS: Readonly<Record<Exclude<PeriodChoice, 'CUSTOM'>, [DashboardGranularity, number]>> = {
  WEEK: ['WEEK', 0],
  MONTH: ['MONTH', 0],
  LAST_MONTH: ['MONTH', -1],
  QUARTER: ['QUARTER', 0],
  LAST_QUARTER: ['QUARTER', -1],
};

export const GRANULARITY_LABELS: Readonly<Record<DashboardGranularity, string>> = {
  WEEK: 'By week',
  MONTH: 'By month',
  QUARTER: 'By quarter',
};

/** The segment filters, named as the API's DashboardFilter names them. */
export const SEGMENT_KEYS = ['industry', 'employeeBand', 'country', 'source', 'campaign'] as const;
export type SegmentKey = (typeof SEGMENT_KEYS)[number];

/** The segment filters as their controls are labelled. */
export const SEGMENT_NAMES: Readonly<Record<SegmentKey, string>> = {
  industry: 'Industry',
  employeeBand: 'Employees',
  country: 'Country',
  source: 'Source',
  campaign: 'Campaign',
};

/** What the dashboard shows, kept in the page's URL so that a view can be shared and reloaded. */
export interface DashboardSelection {
  period: PeriodChoice;
  /** The first and last day shown, both included; only for a custom period. */
  from: LocalDate | null;
  to: LocalDate | null;
  /** Null: the period's natural step (weeks for a week or month, months for a quarter or a custom span). */
  granularity: DashboardGranularity | null;
  versionId: string | null;
  industry: string | null;
  employeeBand: string | null;
  country: string | null;
  source: string | null;
  campaign: string | null;
  ownerId: string | null;
  /** A team of members (`members.team`): the facts credited to its members. */
  team: string | null;
}

export const DEFAULT_SELECTION: DashboardSelection = {
  period: 'MONTH',
  from: null,
  to: null,
  granularity: null,
  versionId: null,
  industry: null,
  employeeBand: null,
  country: null,
  source: null,
  campaign: null,
  ownerId: null,
  team: null,
};

/** The URL parameter of each segment and of the other filters. */
const PARAMS = {
  period: 'period',
  from: 'from',
  to: 'to',
  granularity: 'by',
  versionId: 'version',
  industry: 'industry',
  employeeBand: 'band',
  country: 'country',
  source: 'source',
  campaign: 'campaign',
  ownerId: 'owner',
  team: 'team',
} as const satisfies Record<keyof DashboardSelection, string>;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The most days a custom period shows, both ends included. */
export const MAX_CUSTOM_DAYS = MAX_PERIOD_DAYS - 1;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | null {
  const upper = value?.toUpperCase();
  return upper !== undefined && (values as readonly string[]).includes(upper) ? (upper as T) : null;
}

/** A value from the URL as a notice quotes it: at most 30 characters. */
function shortened(value: string): string {
  return value.length <= 30 ? value : `${value.slice(0, 29)}…`;
}

function isRealDate(value: string | undefined): value is LocalDate {
  return value !== undefined && LOCAL_DATE.test(value) && addDays(value, 0) === value;
}

function text(value: string | undefined, maxLength = MAX_SEGMENT_LENGTH): string | null {
  const trimmed = value?.trim().slice(0, maxLength);
  return trimmed ? trimmed : null;
}

/** The dashboard's selection from URL parameters; values the API would refuse are dropped, not sent. */
export function selectionFromParams(
  params: Readonly<Record<string, string | undefined>>,
): DashboardSelection {
  return readSelection(params).selection;
}

/**
 * The selection from URL parameters, with what the page must say it changed of a custom period's days, to be said
 * beside its fields rather than changed without a word: reversed days are put in order ("From was after To: the
 * dates were swapped."), a span longer than the API reads keeps its latest days ("A period spans at most 3 years:
 * From moved to 31 Oct 2023."). The page then corrects its URL to what it shows.
 */
export function readSelection(params: Readonly<Record<string, string | undefined>>): {
  selection: DashboardSelection;
  periodNotices: string[];
} {
  const periodNotices: string[] = [];
  const owner = params[PARAMS.ownerId];
  const version = params[PARAMS.versionId];
  const band = params[PARAMS.employeeBand];
  const asked = params[PARAMS.period];
  let period = oneOf(PERIOD_CHOICES, asked) ?? DEFAULT_SELECTION.period;
  const instead = `${PERIOD_LABELS[DEFAULT_SELECTION.period].toLowerCase()} is shown instead.`;
  // A link's period the page cannot show is said, not dropped without a word (the page then corrects the URL).
  if (asked !== undefined && asked !== '' && period !== asked.toUpperCase())
    periodNotices.push(`"${shortened(asked)}" is not a period the dashboard knows: ${instead}`);
  let from: LocalDate | null = null;
  let to: LocalDate | null = null;
  if (period === 'CUSTOM') {
    const first = params[PARAMS.from];
    const last = params[PARAMS.to];
    if (isRealDate(first) && isRealDate(last)) {
      [from, to] = first <= last ? [first, last] : [last, first];
      if (first > last) periodNotices.push('From was after To: the dates were swapped.');
      // The API reads at most MAX_PERIOD_DAYS (a day less leaves room for a daylight-saving hour); a longer
      // span keeps its latest days.
      if (daysBetween(from, to) >= MAX_CUSTOM_DAYS) {
        from = addDays(to, -(MAX_CUSTOM_DAYS - 1));
        periodNotices.push(
          `A period spans at most ${MAX_PERIOD_YEARS} years: From moved to ${dayLabel(from)}.`,
        );
      }
    } else {
      period = DEFAULT_SELECTION.period;
      periodNotices.push(
        `A custom period needs two real days, From and To (the link had ${[first, last]
          .map((day) => (day ? `"${shortened(day)}"` : 'none'))
          .join(' and ')}): ${instead}`,
      );
    }
  }
  const selection: DashboardSelection = {
    period,
    from,
    to,
    granularity: oneOf(DASHBOARD_GRANULARITIES, params[PARAMS.granularity]),
    versionId: version !== undefined && UUID.test(version) ? version : null,
    industry: text(params[PARAMS.industry]),
    employeeBand: band !== undefined && employeeBand(band) ? band : null,
    country: text(params[PARAMS.country]),
    source: text(params[PARAMS.source]),
    campaign: text(params[PARAMS.campaign]),
    ownerId: owner !== undefined && UUID.test(owner) ? owner : null,
    team: text(params[PARAMS.team], MAX_TEAM_LENGTH),
  };
  return { selection, periodNotices };
}

/** URL parameters for the selection; null removes a parameter, so the defaults keep the URL short. */
export function selectionParams(selection: DashboardSelection): Record<string, string | null> {
  const custom = selection.period === 'CUSTOM';
  return {
    [PARAMS.period]: selection.period === DEFAULT_SELECTION.period ? null : selection.period.toLowerCase(),
    [PARAMS.from]: custom ? selection.from : null,
    [PARAMS.to]: custom ? selection.to : null,
    [PARAMS.granularity]: selection.granularity?.toLowerCase() ?? null,
    [PARAMS.versionId]: selection.versionId,
    [PARAMS.industry]: selection.industry,
    [PARAMS.employeeBand]: selection.employeeBand,
    [PARAMS.country]: selection.country,
    [PARAMS.source]: selection.source,
    [PARAMS.campaign]: selection.campaign,
    [PARAMS.ownerId]: selection.ownerId,
    [PARAMS.team]: selection.team,
  };
}

/** The days a selection covers in the workspace's calendar: `from` included, `to` excluded. */
export interface PeriodDays {
  from: LocalDate;
  to: LocalDate;
}

/** This week (from Monday), this or last month or quarter around `now` in the time zone, or the custom days. */
export function selectionDays(selection: DashboardSelection, now: Date, timeZone: string): PeriodDays {
  if (selection.period === 'CUSTOM' && selection.from !== null && selection.to !== null)
    return { from: selection.from, to: addDays(selection.to, 1) };
  const [step, back] = PRESETS[selection.period === 'CUSTOM' ? 'MONTH' : selection.period];
  const period = calendarPeriod(now, step, timeZone, back);
  return { from: localDate(period.from, timeZone), to: localDate(period.to, timeZone) };
}

/**
 * Whether the filter's period had begun at `now`. One that has not (a custom period from tomorrow) can have
 * nothing recorded yet, and owes none of its targets so far (the API's `targetToDate` is 0).
 */
export function periodBegun(filter: Pick<DashboardFilter, 'from'>, now: Date): boolean {
  return now.getTime() > Date.parse(filter.from);
}

/**
 * What the page says when the filters match no fact: that the period has not begun, if so — a longer period or
 * fewer filters would not help — else where nothing was recorded ("in 1–30 Nov 2026 under these filters").
 */
export function emptyNotice(selection: DashboardSelection, days: PeriodDays | null, begun: boolean): string {
  const period = days ? `in ${periodLabel(days)}` : 'in this period';
  if (!begun) return `This period has not started yet: nothing can have been recorded ${period}.`;
  const filtered = [
    selection.versionId,
    selection.ownerId,
    selection.team,
    ...SEGMENT_KEYS.map((key) => selection[key]),
  ].some((value) => value !== null);
  return `No data for this selection: nothing was recorded ${period}${filtered ? ' under these filters' : ''}. Try a longer period or fewer filters.`;
}

/** The step of the trend lines: the one chosen, else weeks for up to about two months, months beyond. */
export function effectiveGranularity(selection: DashboardSelection, days: PeriodDays): DashboardGranularity {
  if (selection.granularity !== null) return selection.granularity;
  return daysBetween(days.from, days.to) <= 62 ? 'WEEK' : 'MONTH';
}

/** The API's filter for the selection: the period's local midnights as instants, and only the filters set. */
export function toDashboardFilter(
  selection: DashboardSelection,
  now: Date,
  timeZone: string,
): DashboardFilter {
  const days = selectionDays(selection, now, timeZone);
  const filter: DashboardFilter = {
    from: startOfLocalDay(days.from, timeZone).toISOString(),
    to: startOfLocalDay(days.to, timeZone).toISOString(),
    granularity: effectiveGranularity(selection, days),
  };
  if (selection.versionId) filter.versionId = selection.versionId;
  for (const key of SEGMENT_KEYS) {
    const value = selection[key];
    if (value) filter[key] = value;
  }
  if (selection.ownerId) filter.ownerId = selection.ownerId;
  if (selection.team) filter.team = selection.team;
  return filter;
}

/** "31 Oct 2023": one day, as `periodLabel` writes it. */
export function dayLabel(date: LocalDate): string {
  return periodLabel({ from: date, to: addDays(date, 1) });
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1–30 Nov 2026", "1 Oct – 31 Dec 2026", "1 Dec 2026 – 31 Jan 2027": the days shown, the last one included. */
export function periodLabel(days: PeriodDays): string {
  const [y1, m1, d1] = days.from.split('-').map(Number);
  const [y2, m2, d2] = addDays(days.to, -1).split('-').map(Number);
  const end = `${d2} ${MONTH_NAMES[m2 - 1]} ${y2}`;
  if (y1 !== y2) return `${d1} ${MONTH_NAMES[m1 - 1]} ${y1} – ${end}`;
  if (m1 !== m2) return `${d1} ${MONTH_NAMES[m1 - 1]} – ${end}`;
  return d1 === d2 ? end : `${d1}–${end}`;
}

/**
 * The filters beyond the period as their controls read them ("Agreement version" → "v4", "Industry" →
 * "Software"); a filter left unset reads null, the version "All versions". For the export's head and for the rows
 * behind a figure, which must say what they were cut by.
 */
export function selectionWords(
  selection: DashboardSelection,
  named: { versions: readonly { id: string; number: number }[]; ownerName: string | null },
): Record<string, string | null> {
  const version = named.versions.find((entry) => entry.id === selection.versionId);
  const words: Record<string, string | null> = {
    'Agreement version': version
      ? `v${version.number}`
      : selection.versionId
        ? 'One version'
        : 'All versions',
  };
  for (const key of SEGMENT_KEYS) words[SEGMENT_NAMES[key]] = selection[key];
  words['Owner'] = selection.ownerId ? (named.ownerName ?? 'One member') : null;
  words['Team'] = selection.team;
  return words;
}

/** The filters that are set, in words, one "name: value" each ("Agreement version: v4", "Industry: Software"). */
export function setFilterWords(words: Readonly<Record<string, string | null>>): string[] {
  return Object.entries(words)
    .filter(([name, value]) => value !== null && !(name === 'Agreement version' && value === 'All versions'))
    .map(([name, value]) => `${name}: ${value}`);
}
