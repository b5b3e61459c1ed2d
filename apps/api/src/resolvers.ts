import { AGREEMENTS_RESOLVERS } from '@accord/api/agreements/feature';
import { BACKTEST_RESOLVERS } from '@accord/api/backtest/feature';
import { DASHBOARD_RESOLVERS } from '@accord/api/dashboard/feature';
import { HANDOVERS_RESOLVERS } from '@accord/api/handovers/feature';
import { IMPORTS_RESOLVERS } from '@accord/api/imports/feature';
import { LEADS_RESOLVERS } from '@accord/api/leads/feature';
import { MEMBERS_RESOLVERS } from '@accord/api/members/feature';
import { PIPELINE_RESOLVERS } from '@accord/api/pipeline/feature';
import { WEBHOOKS_RESOLVERS } from '@accord/api/webhooks/feature';

/** Every resolver of the product: the schema is printed from them and their access rules are checked. */
export const ALL_RESOLVERS = [
  ...MEMBERS_RESOLVERS,
  ...AGREEMENTS_RESOLVERS,
  ...LEADS_RESOLVERS,
  ...WEBHOOKS_RESOLVERS,
  ...PIPELINE_RESOLVERS,
  ...HANDOVERS_RESOLVERS,
  ...DASHBOARD_RESOLVERS,
  ...IMPORTS_RESOLVERS,
  ...BACKTEST_RESOLVERS,
];
