import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import {
  GradeEnum,
  LifecycleStageEnum,
  MatrixOutcomeEnum,
  PageInfo,
  TemperatureEnum,
  enumOf,
} from '@accord/api/shared/graphql';
import type { Grade, MatrixOutcome, RejectionConsequence, Temperature } from '@accord/domain/agreement';
import { REJECTION_CONSEQUENCES } from '@accord/domain/agreement';
import { HANDOVER_STATUSES, type HandoverStatus } from '@accord/domain/handover';
import type { LifecycleStage } from '@accord/domain/leads';

export const HandoverStatusEnum = enumOf(HANDOVER_STATUSES);
export const RejectionConsequenceEnum = enumOf(REJECTION_CONSEQUENCES);
export const HandoverEventKindEnum = enumOf([
  'CREATED',
  'REASSIGNED',
  'EXPIRED',
  'ACCEPTED',
  'REJECTED',
] as const);

registerEnumType(HandoverStatusEnum, {
  name: 'HandoverStatus',
  description: 'OPEN and EXPIRED await a decision (an expired one was not decided within the SLA).',
});
registerEnumType(RejectionConsequenceEnum, { name: 'RejectionConsequence' });
registerEnumType(HandoverEventKindEnum, { name: 'HandoverEventKind' });

@ObjectType()
export class HandoverPerson {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'Signals of one type a lead showed, from its summary.' })
export class RecentSignal {
  @Field()
  type!: string;

  @Field(() => Int, { description: 'How many of this type the lead has (up to the largest cap kept).' })
  count!: number;

  @Field(() => GraphQLISODateTime)
  lastAt!: Date;
}

@ObjectType({ description: 'The lead as the queue shows it.' })
export class HandoverLead {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  companyName!: string | null;

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true })
  campaign!: string | null;

  @Field(() => LifecycleStageEnum)
  stage!: LifecycleStage;

  @Field(() => [RecentSignal], { description: 'The most recent signal types first, at most five.' })
  recentSignals!: RecentSignal[];
}

@ObjectType()
export class RejectionReasonOption {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field(() => RejectionConsequenceEnum)
  consequence!: RejectionConsequence;

  @Field(() => Int, { nullable: true })
  recycleAfterDays!: number | null;
}

@ObjectType({ description: 'A lead handed from marketing to sales, to accept or reject within the SLA.' })
export class Handover {
  @Field(() => ID)
  id!: string;

  @Field(() => HandoverLead)
  lead!: HandoverLead;

  @Field(() => HandoverPerson, { nullable: true, description: 'Null while nobody is assigned.' })
  owner!: HandoverPerson | null;

  @Field(() => HandoverStatusEnum)
  status!: HandoverStatus;

  @Field(() => GradeEnum)
  grade!: Grade;

  @Field(() => TemperatureEnum)
  temperature!: Temperature;

  @Field(() => MatrixOutcomeEnum)
  outcome!: MatrixOutcome;

  @Field(() => Float)
  fitScore!: number;

  @Field(() => Float)
  intentScore!: number;

  @Field({
    description: 'Why the lead was handed over, e.g. "+20 employees 200–1000 · +15 pricing page ×3".',
  })
  explanation!: string;

  @Field(() => ID, { description: 'The agreement version that handed the lead over and whose SLA applies.' })
  versionId!: string;

  @Field(() => Int)
  versionNumber!: number;

  @Field(() => GraphQLISODateTime)
  handedOverAt!: Date;

  @Field(() => GraphQLISODateTime)
  dueAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  expiredAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => HandoverPerson, { nullable: true })
  decidedBy!: HandoverPerson | null;

  @Field(() => Boolean, { nullable: true, description: 'Decided by the due time; null while undecided.' })
  withinSla!: boolean | null;

  @Field(() => RejectionReasonOption, { nullable: true })
  reason!: RejectionReasonOption | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [RejectionReasonOption], { description: "The reasons this handover's version allows." })
  rejectionReasons!: RejectionReasonOption[];
}

@ObjectType()
export class HandoverEdge {
  @Field()
  cursor!: string;

  @Field(() => Handover)
  node!: Handover;
}

@ObjectType({ description: 'An agreement version some handovers of a page were made under.' })
export class HandoverVersion {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => [RejectionReasonOption], { description: 'The reasons its handovers may be rejected with.' })
  rejectionReasons!: RejectionReasonOption[];
}

@ObjectType()
export class HandoverQueue {
  @Field(() => [HandoverEdge])
  edges!: HandoverEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [HandoverVersion], {
    description: "The versions of this page's handovers, each once: their rejection reasons by versionId.",
  })
  versions!: HandoverVersion[];

  /** Reads the scope's counts once, when the first of the count fields is asked for. */
  counts!: () => Promise<{ undecided: number; expired: number; unassigned: number }>;

  /** What the page shows, row version by row version (pageFingerprint), for the verified result cache. */
  fingerprint!: string;
}

@ObjectType()
export class HandoverEvent {
  @Field(() => HandoverEventKindEnum)
  kind!: string;

  @Field(() => HandoverPerson, { nullable: true, description: 'Null when the system acted.' })
  actor!: HandoverPerson | null;

  @Field(() => HandoverPerson, { nullable: true })
  owner!: HandoverPerson | null;

  @Field(() => ID)
  versionId!: string;

  @Field()
  detail!: string;

  @Field(() => GraphQLISODateTime)
  at!: Date;
}

@ObjectType()
export class HandoverWithHistory extends Handover {
  @Field(() => [HandoverEvent])
  events!: HandoverEvent[];
}

@ObjectType()
export class QualificationItem {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field()
  description!: string;

  @Field(() => Boolean, { nullable: true, description: 'Null while unanswered.' })
  met!: boolean | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => HandoverPerson, { nullable: true })
  answeredBy!: HandoverPerson | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  answeredAt!: Date | null;
}

@ObjectType({ description: "An accepted lead against its version's SQL checklist." })
export class LeadQualification {
  @Field(() => ID)
  leadId!: string;

  @Field(() => ID)
  versionId!: string;

  @Field(() => Int)
  versionNumber!: number;

  @Field(() => LifecycleStageEnum)
  stage!: LifecycleStage;

  @Field(() => [QualificationItem])
  items!: QualificationItem[];

  @Field(() => Int)
  met!: number;

  @Field(() => Int)
  required!: number;

  @Field()
  qualified!: boolean;
}

@ObjectType({ description: 'Rejections of one reason among leads of one source or campaign.' })
export class RejectionFeedback {
  @Field(() => String, {
    nullable: true,
    description: 'The source or campaign; null when the lead had none.',
  })
  group!: string | null;

  @Field()
  reasonKey!: string;

  @Field()
  reasonLabel!: string;

  @Field(() => Int)
  count!: number;
}
