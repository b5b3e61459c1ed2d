import { Module } from '@nestjs/common';

import { DashboardRollupRepository } from './dashboard-rollup.repository';
import { DashboardRepository } from './dashboard.repository';

@Module({
  providers: [DashboardRepository, DashboardRollupRepository],
  exports: [DashboardRepository, DashboardRollupRepository],
})
export class DashboardDataAccessModule {}
