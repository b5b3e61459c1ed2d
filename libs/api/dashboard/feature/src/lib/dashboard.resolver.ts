import { Args, Query, Resolver } from '@nestjs/graphql';

import { AnyMember, AuthMember, CurrentMember } from '@accord/api/shared/auth';

import { DashboardService } from './dashboard.service';
import { DashboardArgs, DashboardRowsArgs } from './dto/dashboard.inputs';
import { Dashboard, DashboardRowConnection } from './models/dashboard.model';

/** One dashboard for everyone: every role (ADMIN, MARKETING, SALES, EXECUTIVE) reads the same numbers. */
@AnyMember()
@Resolver()
export class DashboardResolver {
  constructor(private readonly service: DashboardService) {}

  @Query(() => Dashboard, {
    description: 'Outcome and activity metrics with targets and trends, the funnel, rejections and reps.',
  })
  dashboard(@CurrentMember() actor: AuthMember, @Args() args: DashboardArgs): Promise<Dashboard> {
    return this.service.dashboard(actor, args.filter);
  }

  @Query(() => DashboardRowConnection, {
    description: 'The recorded facts behind a metric (or a funnel step: funnel-<STAGE>), newest first.',
  })
  dashboardRows(
    @CurrentMember() actor: AuthMember,
    @Args() args: DashboardRowsArgs,
  ): Promise<DashboardRowConnection> {
    return this.service.rows(actor, args.metricKey, args.filter, args.first, args.after ?? null);
  }
}
