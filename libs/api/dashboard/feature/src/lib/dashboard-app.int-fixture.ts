import { INestApplication } from '@nestjs/common';

import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { SharedAuthModule } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { GraphqlSetupModule } from '@accord/api/shared/graphql';
import { TestDatabase, testModule } from '@accord/api/shared/testing';

import { DashboardModule } from './dashboard.module';

/**
 * The dashboard feature with what it stands on (GraphQL, authentication, members) on the test's database, its
 * time given by `clock`; not yet initialised, so that a test either listens (HTTP) or only inits.
 */
export async function dashboardTestApp(database: TestDatabase, clock: Clock): Promise<INestApplication> {
  const moduleRef = await testModule(database, clock, [
    GraphqlSetupModule.forRoot({ production: false }),
    SharedAuthModule,
    MembersDataAccessModule,
    DashboardModule,
  ]).compile();
  return moduleRef.createNestApplication({ logger: false });
}
