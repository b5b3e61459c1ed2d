import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { LifecycleStageEnum, PageInfo, enumOf } from '@accord/api/shared/graphql';
import {
  type DashboardGranularity,
  type FunnelStage,
  METRIC_KINDS,
  METRIC_UNITS,
  type MetricKind,
  type MetricUnit,
  TARGET_SCOPES,
  type TargetScope,
} from '@accord/domain/dashboard';

import { DashboardGranularityEnum } from '../dto/dashboard.inputs';

export const MetricKindEnum = enumOf(METRIC_KINDS);
export const MetricUnitEnum = enumOf(METRIC_UNITS);
export const TargetScopeEnum = enumOf(TARGET_SCOPES);
registerEnumType(TargetScopeEnum, {
  name: 'DashboardTargetScope',
  description:
    'SELECTION: the targets are for the numbers shown (the whole workspace, or a chosen version for its days in ' +
    'force). WORKSPACE: a segment, owner or team filter is set; the targets are the whole workspace’s, shown ' +
    'for reference, and no gap is measured to them.',
});
registerEnumType(MetricKindEnum, {
  name: 'MetricKind',
  description: 'OUTCOME: what the agreement measures the teams by. ACTIVITY: diagnostics, never a goal.',
});
registerEnumType(MetricUnitEnum, {
  name: 'MetricUnit',
  description:
    'COUNT; RATE: a percentage 0–100; AMOUNT: money; DAYS: a duration in days; RATIO: so many of one thing per another (calls per qualified meeting held), not added up over a period.',
});

@ObjectType({ description: 'A metric over one trend bucket.' })
export class TrendPoint {
  @Field(() => GraphQLISODateTime, {
    description: 'The instant the bucket starts in the workspace time zone.',
  })
  bucketStart!: Date;

  @Field(() => Float, { nullable: true, description: 'Null when a rate or median has nothing to measure.' })
  value!: number | null;

  @Field({
    description:
      'True when the bucket is only partly counted: the period begins inside it, or it has not ended yet ' +
      '(this week so far). Its counts are not comparable with a whole bucket’s.',
  })
  partial!: boolean;

  @Field(() => Float, {
    nullable: true,
    description:
      "The part of the target this bucket answers for: a count's or amount's target scaled over the bucket's " +
      "counted days (up to now, while the version whose targets apply was in force); a rate's or duration's " +
      'target as it is. Null without a target, and for a bucket not begun.',
  })
  target!: number | null;
}

@ObjectType({ description: 'A number of the dashboard, with its definition, parts, target and trend.' })
export class DashboardMetric {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field({
    description: 'The definition shown on hover: the KPI catalogue’s text when it words this metric.',
  })
  definition!: string;

  @Field(() => MetricKindEnum)
  kind!: MetricKind;

  @Field(() => MetricUnitEnum)
  unit!: MetricUnit;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'For rates and ratios: what was divided.' })
  numerator!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'For rates and ratios: what it was divided by; for medians and amounts: how many values (wins, openings).',
  })
  denominator!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The KPI target, scaled to the period for counts and amounts (month by month, each by its own days); ' +
      'the whole workspace’s under a segment, owner or team filter (see Dashboard.targetScope).',
  })
  target!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'value − target; null without either, and when targetScope is WORKSPACE.',
  })
  targetGap!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Until the period ends, the part of a count’s or amount’s target due by now (the target scaled over the ' +
      'period’s elapsed part; 0 before it begins); null for rates, durations and ratios, and once the period has ended.',
  })
  targetToDate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'value − targetToDate: ahead of (positive) or behind pace; null as targetGap is, or with no targetToDate.',
  })
  paceGap!: number | null;

  @Field(() => [TrendPoint])
  trend!: TrendPoint[];
}

@ObjectType({ description: 'A step of the funnel: moves into the stage in the period.' })
export class FunnelStep {
  @Field(() => LifecycleStageEnum)
  stage!: FunnelStage;

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { nullable: true, description: 'count ÷ the previous step’s count, as a percentage.' })
  conversionFromPrevious!: number | null;

  @Field(() => Int, { nullable: true, description: 'The previous step’s count minus this one’s.' })
  dropOff!: number | null;
}

@ObjectType({ description: 'Handovers rejected for a reason, within a group (source, campaign or grade).' })
export class RejectionCount {
  @Field()
  reasonKey!: string;

  @Field()
  reasonLabel!: string;

  @Field(() => String, { nullable: true })
  group!: string | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'A rep: outcomes beside activity, in the period.' })
export class RepRow {
  @Field(() => ID)
  ownerId!: string;

  @Field()
  name!: string;

  @Field(() => Float)
  revenueWon!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "The rep's quota for the period: their monthly quota times the period's months; null: no quota set.",
  })
  quota!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Revenue won ÷ quota (1 = on quota); null without a quota, and under a segment filter (a quota is for ' +
      'all of a rep’s revenue, not one segment’s).',
  })
  attainment!: number | null;

  @Field(() => Int)
  qualifiedMeetingsHeld!: number;

  @Field(() => Int)
  callsMade!: number;

  @Field(() => Int)
  emailsSent!: number;

  @Field(() => Int)
  meetingsBooked!: number;

  @Field(() => Int)
  acceptedHandovers!: number;
}

@ObjectType({ description: 'A published agreement version, for the version filter.' })
export class DashboardVersion {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;
}

@ObjectType({ description: 'The values the segment filters offer.' })
export class DashboardSegments {
  @Field(() => [String])
  industries!: string[];

  @Field(() => [String])
  countries!: string[];

  @Field(() => [String])
  sources!: string[];

  @Field(() => [String])
  campaigns!: string[];

  @Field(() => [String])
  employeeBands!: string[];
}

@ObjectType({ description: 'The shared funnel dashboard: outcomes first, activity second.' })
export class Dashboard {
  @Field()
  timeZone!: string;

  @Field({
    description: "The workspace's reporting currency (ISO 4217): every amount on the dashboard is in it.",
  })
  currency!: string;

  @Field(() => DashboardGranularityEnum, {
    description: 'The granularity the trends use: the one asked for, or coarser beyond 26 points.',
  })
  granularity!: DashboardGranularity;

  @Field(() => TargetScopeEnum, {
    description: 'Whether the metrics’ targets are for the numbers shown or only the whole workspace’s.',
  })
  targetScope!: TargetScope;

  @Field(() => [DashboardMetric])
  outcomes!: DashboardMetric[];

  @Field(() => [DashboardMetric])
  activities!: DashboardMetric[];

  @Field(() => [FunnelStep])
  funnel!: FunnelStep[];

  @Field(() => [RejectionCount], { description: 'Rejections by reason and the lead’s source.' })
  rejectionsBySource!: RejectionCount[];

  @Field(() => [RejectionCount], { description: 'Rejections by reason and the lead’s campaign.' })
  rejectionsByCampaign!: RejectionCount[];

  @Field(() => [RejectionCount], { description: 'Rejections by reason and the handover’s grade.' })
  rejectionsByGrade!: RejectionCount[];

  @Field(() => [RepRow])
  reps!: RepRow[];

  @Field(() => [DashboardVersion])
  versions!: DashboardVersion[];

  @Field(() => DashboardSegments)
  segments!: DashboardSegments;
}

@ObjectType({ description: 'A fact behind a number: the lead, when, and what happened.' })
export class DashboardRow {
  @Field(() => ID)
  leadId!: string;

  @Field(() => String, { nullable: true })
  leadName!: string | null;

  @Field()
  email!: string;

  @Field(() => String, { nullable: true })
  companyName!: string | null;

  @Field(() => GraphQLISODateTime)
  at!: Date;

  @Field(() => String, { nullable: true })
  detail!: string | null;
}

@ObjectType()
export class DashboardRowEdge {
  @Field()
  cursor!: string;

  @Field(() => DashboardRow)
  node!: DashboardRow;
}

@ObjectType({ description: 'The facts behind a number, newest first.' })
export class DashboardRowConnection {
  @Field(() => [DashboardRowEdge])
  edges!: DashboardRowEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
