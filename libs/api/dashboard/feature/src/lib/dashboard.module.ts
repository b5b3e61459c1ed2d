import { Module } from '@nestjs/common';

import { AgreementsDataAccessModule } from '@accord/api/agreements/data-access';
import { DashboardDataAccessModule } from '@accord/api/dashboard/data-access';

import { DashboardRollupJob } from './dashboard-rollup.job';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';

/** The shared funnel dashboard and the rows behind its numbers. */
@Module({
  imports: [DashboardDataAccessModule, AgreementsDataAccessModule],
  providers: [DashboardService, DashboardResolver, DashboardRollupJob],
  exports: [DashboardService, DashboardRollupJob],
})
export class DashboardModule {}

/** Every resolver of this module, for printing the schema without booting the app. */
export const DASHBOARD_RESOLVERS = [DashboardResolver];
