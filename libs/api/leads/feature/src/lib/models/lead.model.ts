import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import {
  GradeEnum,
  LifecycleStageEnum,
  MatrixOutcomeEnum,
  PageInfo,
  SeniorityEnum,
  TemperatureEnum,
  enumOf,
} from '@accord/api/shared/graphql';
import type { Grade, MatrixOutcome, Temperature } from '@accord/domain/agreement';
import type { LifecycleStage } from '@accord/domain/leads';

export const LeadSortEnum = enumOf(['FIT', 'INTENT', 'NEWEST'] as const);

registerEnumType(LeadSortEnum, { name: 'LeadSort', description: 'Highest first; NEWEST by creation time.' });

@ObjectType({ description: 'A lead scored under one agreement version.' })
export class LeadEvaluation {
  @Field(() => ID)
  versionId!: string;

  @Field(() => Int, { description: 'The agreement version number that produced these scores.' })
  versionNumber!: number;

  @Field(() => Float)
  fitScore!: number;

  @Field(() => GradeEnum)
  grade!: Grade;

  @Field(() => Float)
  intentScore!: number;

  @Field(() => TemperatureEnum)
  temperature!: Temperature;

  @Field(() => MatrixOutcomeEnum)
  outcome!: MatrixOutcome;

  @Field(() => GraphQLISODateTime)
  evaluatedAt!: Date;
}

@ObjectType()
export class Lead {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => SeniorityEnum, { nullable: true })
  seniority!: string | null;

  @Field(() => String, { nullable: true })
  department!: string | null;

  @Field(() => Boolean, { nullable: true })
  budgetAuthority!: boolean | null;

  @Field(() => String, { nullable: true })
  companyName!: string | null;

  @Field(() => String, { nullable: true })
  companyDomain!: string | null;

  @Field(() => Int, { nullable: true })
  employeeCount!: number | null;

  @Field(() => Float, { nullable: true })
  annualRevenue!: number | null;

  @Field(() => String, { nullable: true })
  industry!: string | null;

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => [String])
  technologies!: string[];

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true })
  campaign!: string | null;

  @Field(() => ID, { nullable: true })
  ownerId!: string | null;

  @Field(() => LifecycleStageEnum)
  stage!: LifecycleStage;

  @Field(() => GraphQLISODateTime)
  stageChangedAt!: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'For a lead sales recycled to nurture: the earliest time it may be handed over again.',
  })
  recycleUntil!: Date | null;

  @Field(() => Int)
  signalCount!: number;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastSignalAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => LeadEvaluation, {
    nullable: true,
    description: 'Null until an agreement version is in force.',
  })
  evaluation!: LeadEvaluation | null;
}

@ObjectType()
export class LeadEdge {
  @Field()
  cursor!: string;

  @Field(() => Lead)
  node!: Lead;
}

@ObjectType()
export class LeadConnection {
  @Field(() => [LeadEdge])
  edges!: LeadEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ description: 'One line of a score explanation.' })
export class ScoreContribution {
  @Field({ description: 'The criterion key or signal type.' })
  key!: string;

  @Field()
  label!: string;

  @Field(() => Float, { description: 'Points as written in the agreement (fit) or decayed points (intent).' })
  points!: number;

  @Field(() => Float, {
    description: 'Points on the 0–100 score scale; contributions plus adjustment = score.',
  })
  contribution!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Intent: signals counted (the most recent, up to the cap).',
  })
  counted!: number | null;

  @Field(() => Int, { nullable: true, description: 'Intent: older signals beyond the cap.' })
  overCap!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Intent: whether any counted signal is older than the moment of scoring, so weighs less.',
  })
  decayed!: boolean | null;
}

@ObjectType()
export class SignalTypeCount {
  @Field()
  type!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Why a lead scored what it did, replayed from its inputs and version.' })
export class LeadExplanation {
  @Field({ description: 'One line, e.g. "+26 200–1,000 employees · +15 Pricing page visit ×3, decayed".' })
  summary!: string;

  @Field(() => [ScoreContribution])
  fit!: ScoreContribution[];

  @Field(() => Float)
  fitAdjustment!: number;

  @Field(() => [ScoreContribution])
  intent!: ScoreContribution[];

  @Field(() => Float)
  intentAdjustment!: number;

  @Field(() => [SignalTypeCount], { description: 'Signal types the version does not score: counted zero.' })
  unknownSignalTypes!: SignalTypeCount[];

  @Field(() => [SignalTypeCount], {
    description: 'Activity (e-mails sent, calls, meetings booked): never intent.',
  })
  activity!: SignalTypeCount[];
}

@ObjectType()
export class LeadSignal {
  @Field()
  externalId!: string;

  @Field()
  type!: string;

  @Field(() => GraphQLISODateTime)
  occurredAt!: Date;

  @Field(() => String, { nullable: true })
  source!: string | null;
}

@ObjectType()
export class LeadTransition {
  @Field(() => LifecycleStageEnum, { nullable: true })
  fromStage!: LifecycleStage | null;

  @Field(() => LifecycleStageEnum)
  toStage!: LifecycleStage;

  @Field(() => Int, { nullable: true, description: 'The agreement version in force at the transition.' })
  versionNumber!: number | null;

  @Field()
  reason!: string;

  @Field(() => GraphQLISODateTime)
  at!: Date;
}

@ObjectType({ description: 'A lead with its explanation, signal timeline and stage history.' })
export class LeadDetail {
  @Field(() => Lead)
  lead!: Lead;

  @Field(() => LeadExplanation, { nullable: true })
  explanation!: LeadExplanation | null;

  @Field(() => [LeadSignal], { description: 'The most recent 100 signals, newest first.' })
  signals!: LeadSignal[];

  @Field(() => [LeadTransition])
  transitions!: LeadTransition[];
}

@ObjectType({ description: 'The latest rescore of the workspace after a version took effect.' })
export class RescoreRun {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  versionId!: string;

  @Field(() => Int)
  versionNumber!: number;

  @Field()
  status!: string;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  processed!: number;

  @Field(() => GraphQLISODateTime)
  runAfter!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  startedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true })
  error!: string | null;
}

@ObjectType()
export class ScoringStatus {
  @Field(() => Int, { nullable: true, description: 'The version every lead is currently scored under.' })
  scoredVersionNumber!: number | null;

  @Field(() => RescoreRun, { nullable: true })
  latestRun!: RescoreRun | null;
}
