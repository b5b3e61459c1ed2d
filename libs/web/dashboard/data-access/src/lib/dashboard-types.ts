import type { DashboardQuery, DashboardRowsQuery } from '@accord/web/shared/data-access';

/** The dashboard as the API answers it. */
export type Dashboard = DashboardQuery['dashboard'];
export type DashboardMetric = Dashboard['outcomes'][number];
export type DashboardFunnelStep = Dashboard['funnel'][number];
export type RejectionCount = Dashboard['rejectionsBySource'][number];
export type RepRow = Dashboard['reps'][number];
/** One row behind a figure, for the drill-down list. */
export type DashboardRow = DashboardRowsQuery['dashboardRows']['edges'][number]['node'];
