import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';

import { PageInfo, enumOf } from '@accord/api/shared/graphql';
import {
  AGREEMENT_ACTIONS,
  type AgreementAction,
  type AgreementDocument,
  type ChangeKind,
  VERSION_STATUSES,
  type VersionStatus,
} from '@accord/domain/agreement';
import type { ApproverSide } from '@accord/domain/workspace';

export const AgreementStatusEnum = enumOf(VERSION_STATUSES);
export const AgreementActionEnum = enumOf(AGREEMENT_ACTIONS);
export const ApproverSideEnum = enumOf<ApproverSide>(['MARKETING', 'SALES']);
export const ChangeKindEnum = enumOf<ChangeKind>(['ADDED', 'REMOVED', 'CHANGED']);

registerEnumType(AgreementStatusEnum, {
  name: 'AgreementStatus',
  description:
    'DRAFT → PROPOSED → PUBLISHED → SUPERSEDED; a proposal sent back (or edited) is a DRAFT again.',
});
registerEnumType(AgreementActionEnum, { name: 'AgreementAction' });
registerEnumType(ApproverSideEnum, { name: 'ApproverSide', description: 'The side an approver signs for.' });
registerEnumType(ChangeKindEnum, { name: 'ChangeKind' });

@ObjectType({ description: 'A member as the agreement names them: still named after they are deactivated.' })
export class AgreementPerson {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: "An approver's signature for one side of one revision." })
export class AgreementSignature {
  @Field(() => ApproverSideEnum)
  side!: ApproverSide;

  @Field(() => AgreementPerson)
  signer!: AgreementPerson;

  @Field(() => Int)
  revision!: number;

  @Field(() => GraphQLISODateTime)
  signedAt!: Date;

  @Field(() => String, { nullable: true })
  comment!: string | null;
}

@ObjectType({ description: 'One numbered version of the lead agreement: the definitions both teams sign.' })
export class AgreementVersion {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'v1, v2, … in order of creation.' })
  number!: number;

  @Field(() => AgreementStatusEnum)
  status!: VersionStatus;

  @Field(() => Int, {
    description: 'Moves on with every edit; saves and signatures name the revision they act on.',
  })
  revision!: number;

  @Field(() => GraphQLJSONObject, {
    description:
      'The agreement itself (fit model, intent model, handover, SQL criteria, reasons, KPIs); see docs/agreement.md.',
  })
  document!: AgreementDocument;

  @Field({ description: 'True for the one version whose rules apply now.' })
  inForce!: boolean;

  @Field(() => ID, { nullable: true, description: 'The published version this one started as a copy of.' })
  basedOnId!: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the proposal asks to take effect; null: once signed.',
  })
  requestedEffectiveAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  effectiveAt!: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the next version took (or takes) over.',
  })
  supersededAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => AgreementPerson, { nullable: true })
  createdBy!: AgreementPerson | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => AgreementPerson, {
    nullable: true,
    description: 'Who last changed the version: created, edited, proposed or sent it back.',
  })
  updatedBy!: AgreementPerson | null;

  @Field(() => GraphQLISODateTime, {
    description: 'When updatedBy last changed it; publication does not move it (see publishedAt).',
  })
  updatedAt!: Date;

  @Field(() => [AgreementSignature], {
    description: 'Signatures on the current revision (for a published version: the ones that published it).',
  })
  signatures!: AgreementSignature[];
}

@ObjectType({ description: 'One field that differs between two versions.' })
export class AgreementChange {
  @Field({ description: 'Where, e.g. `fit.criteria[employees-200-1000].points` (list items by key).' })
  path!: string;

  @Field(() => ChangeKindEnum)
  kind!: ChangeKind;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The old value; absent when ADDED.' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The new value; absent when REMOVED.' })
  after!: unknown;
}

@ObjectType()
export class AgreementDiff {
  @Field(() => AgreementVersion)
  from!: AgreementVersion;

  @Field(() => AgreementVersion)
  to!: AgreementVersion;

  @Field(() => [AgreementChange])
  changes!: AgreementChange[];
}

@ObjectType({ description: 'One entry of the audit trail.' })
export class AgreementEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  versionId!: string;

  @Field(() => Int)
  versionNumber!: number;

  @Field(() => AgreementActionEnum)
  action!: AgreementAction;

  @Field(() => Int)
  revision!: number;

  @Field(() => AgreementPerson, { nullable: true })
  actor!: AgreementPerson | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => GraphQLJSONObject, {
    description: 'Facts of the action: side signed, effective time, signatures voided…',
  })
  details!: Record<string, unknown>;

  @Field(() => GraphQLISODateTime)
  at!: Date;
}

@ObjectType()
export class AgreementEventEdge {
  @Field()
  cursor!: string;

  @Field(() => AgreementEvent)
  node!: AgreementEvent;
}

@ObjectType()
export class AgreementEventConnection {
  @Field(() => [AgreementEventEdge])
  edges!: AgreementEventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
