import {
  FUNNEL_FIGURES,
  REJECTION_FIGURES,
  REP_FIGURE_KEYS,
  type RejectionGroup,
  type RepFigureKey,
  rejectionReasonDefinition,
  repFigureDefinitions,
} from '@accord/domain/dashboard';

import type { Dashboard, DashboardMetric } from './dashboard-types';
import { withCurrency } from './metric-format';

/** A table column's heading and the definition shown on hover (null: a label column, not a figure). */
export interface ColumnHead<K extends string = string> {
  key: K;
  label: string;
  definition: string | null;
}

/** The funnel table's columns. */
export const FUNNEL_COLUMNS: readonly ColumnHead<'stage' | keyof typeof FUNNEL_FIGURES>[] = [
  { key: 'stage', label: 'Stage', definition: null },
  { key: 'entered', label: 'Entered', definition: FUNNEL_FIGURES.entered },
  {
    key: 'conversionFromPrevious',
    label: 'From previous',
    definition: FUNNEL_FIGURES.conversionFromPrevious,
  },
  { key: 'dropOff', label: 'Drop-off', definition: FUNNEL_FIGURES.dropOff },
];

const REP_LABELS: Readonly<Record<RepFigureKey, string>> = {
  name: 'Rep',
  revenueWon: 'Revenue won',
  quota: 'Quota',
  attainment: 'Attainment',
  qualifiedMeetingsHeld: 'Qualified meetings held',
  acceptedHandovers: 'Accepted handovers',
  callsMade: 'Calls',
  emailsSent: 'E-mails',
  meetingsBooked: 'Meetings booked',
  activities: 'Activity in all',
};

/** The rep columns that hold amounts, headed with the currency they are in. */
const REP_AMOUNTS: ReadonlySet<RepFigureKey> = new Set<RepFigureKey>(['revenueWon', 'quota']);

/**
 * The rep table's columns, each defined by the domain in the words of the metric it counts as the dashboard
 * shows them (`metrics`: the agreement's wording when its KPI catalogue words the metric), and whom it credits;
 * the amounts' headings name `currency` ("Revenue won (USD)").
 */
export function repColumns(
  metrics: readonly Pick<DashboardMetric, 'key' | 'definition'>[],
  currency?: string | null,
): ColumnHead<RepFigureKey>[] {
  const definitions = repFigureDefinitions(
    Object.fromEntries(metrics.map((metric) => [metric.key, metric.definition])),
  );
  return REP_FIGURE_KEYS.map((key) => ({
    key,
    label: REP_AMOUNTS.has(key) ? withCurrency(REP_LABELS[key], currency) : REP_LABELS[key],
    definition: definitions[key],
  }));
}

/** The rejection tables, in the page's order: by source, by campaign, by grade. */
export const REJECTION_TABLES: readonly {
  group: RejectionGroup;
  caption: string;
  label: string;
  field: keyof Pick<Dashboard, 'rejectionsBySource' | 'rejectionsByCampaign' | 'rejectionsByGrade'>;
}[] = [
  { group: 'source', caption: 'By source', label: 'Source', field: 'rejectionsBySource' },
  { group: 'campaign', caption: 'By campaign', label: 'Campaign', field: 'rejectionsByCampaign' },
  { group: 'grade', caption: 'By grade', label: 'Grade', field: 'rejectionsByGrade' },
];

/** A rejection table's columns: the group, each reason (as last worded) and the total, each with its definition. */
export function rejectionColumns(
  group: RejectionGroup,
  groupLabel: string,
  reasons: readonly { key: string; label: string }[],
): ColumnHead[] {
  return [
    { key: 'group', label: groupLabel, definition: REJECTION_FIGURES.group[group] },
    ...reasons.map((reason) => ({
      key: `reason:${reason.key}`,
      label: reason.label,
      definition: rejectionReasonDefinition(reason.label),
    })),
    { key: 'total', label: 'Total', definition: REJECTION_FIGURES.total },
  ];
}
