import { type CsvCell, addDays, dashboardCsv, toCsv } from '@accord/domain/dashboard';
import type { DashboardFilter } from '@accord/web/shared/data-access';

import { funnelLabel } from './dashboard-charts';
import type { PeriodDays } from './dashboard-selection';
import type { Dashboard } from './dashboard-types';
import { withCurrency } from './metric-format';
import { repRows } from './rep-rows';

/** What the page shows besides the numbers: the filters in words, as its controls read. */
export interface ExportContext {
  filter: DashboardFilter;
  days: PeriodDays;
  /** Filter name → the choice shown ("Agreement version" → "v4"); unset filters are left out. */
  filters: Record<string, string | null>;
}

const NO_GROUP = 'None given';

function rejectionRows(title: string, counts: Dashboard['rejectionsBySource']): CsvCell[][] {
  return [
    [],
    [title, 'Reason', 'Rejections'],
    ...counts.map((entry) => [entry.group ?? NO_GROUP, entry.reasonLabel, entry.count]),
  ];
}

/**
 * The view on screen as one CSV, built in the browser from what is shown: the period, the currency of its amounts,
 * the filters, every metric and the funnel, its stages named as the page names them (the domain's export, which
 * neutralises formula-like cells), then the reps (by revenue won, amounts headed with the currency) and the
 * rejections (by source, campaign and grade).
 */
export function dashboardExport(dashboard: Dashboard, context: ExportContext): string {
  const head = dashboardCsv({
    from: context.filter.from,
    to: context.filter.to,
    timeZone: dashboard.timeZone,
    // Under a segment, owner or team filter: "Workspace target", no gap — as the cards show them.
    targetScope: dashboard.targetScope,
    filters: {
      // The metrics' AMOUNT values are in it, like the reps' revenue and quota.
      Currency: dashboard.currency,
      'First day': context.days.from,
      'Last day': addDays(context.days.to, -1),
      ...context.filters,
    },
    outcomes: dashboard.outcomes,
    activities: dashboard.activities,
    // The stages as the page names them: "Opportunity", not the API's OPPORTUNITY.
    funnel: dashboard.funnel.map((step) => ({ ...step, stage: funnelLabel(step.stage) })),
  });
  const rest: CsvCell[][] = [
    [],
    [
      'Rep',
      withCurrency('Revenue won', dashboard.currency),
      withCurrency('Quota', dashboard.currency),
      'Attainment (%)',
      'Qualified meetings held',
      'Accepted handovers',
      'Calls made',
      'E-mails sent',
      'Meetings booked',
      'Activities',
    ],
    ...repRows(dashboard.reps).map((rep) => [
      rep.name,
      rep.revenueWon,
      rep.quota,
      // A percentage, as the rates above are (the page shows 50%).
      rep.attainment === null ? null : rep.attainment * 100,
      rep.qualifiedMeetingsHeld,
      rep.acceptedHandovers,
      rep.callsMade,
      rep.emailsSent,
      rep.meetingsBooked,
      rep.activities,
    ]),
    ...rejectionRows('Rejections by source', dashboard.rejectionsBySource),
    ...rejectionRows('Rejections by campaign', dashboard.rejectionsByCampaign),
    ...rejectionRows('Rejections by grade', dashboard.rejectionsByGrade),
  ];
  return head + toCsv(rest);
}

/** "accord-dashboard-2026-11-01-to-2026-11-30.csv": the days the file covers, both included. */
export function exportFileName(days: PeriodDays): string {
  return `accord-dashboard-${days.from}-to-${addDays(days.to, -1)}.csv`;
}
