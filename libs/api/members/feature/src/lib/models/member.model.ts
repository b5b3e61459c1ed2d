import { Field, Float, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

import type { MemberEntity } from '@accord/api/members/data-access';
import { MEMBER_STATUSES, MemberStatus, ROLES, Role } from '@accord/domain/workspace';

const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as Record<Role, Role>;
const MemberStatusEnum = Object.fromEntries(MEMBER_STATUSES.map((s) => [s, s])) as Record<
  MemberStatus,
  MemberStatus
>;

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a member does in Accord; a member may hold several.',
});
registerEnumType(MemberStatusEnum, { name: 'MemberStatus' });

export { MemberStatusEnum, RoleEnum };

@ObjectType({ description: 'The member another member reports to.' })
export class MemberManager {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  name!: string;
}

@ObjectType({
  description:
    'A member as every other member sees them: who owns a lead or a handover, who can take one over. No e-mail or sign-in details.',
})
export class Colleague {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [RoleEnum])
  roles!: Role[];

  @Field(() => String, { nullable: true, description: 'The team or region the member sells in.' })
  team!: string | null;

  @Field({
    description:
      'Signs the lead agreement for each side whose role they hold (MARKETING, SALES), so everyone can see who can sign.',
  })
  approver!: boolean;

  @Field(() => MemberStatusEnum, {
    description: 'A deactivated member stays listed: their leads and handovers still show their name.',
  })
  status!: MemberStatus;
}

@ObjectType({ description: 'A person in a workspace.' })
export class Member {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  name!: string;

  @Field(() => [RoleEnum])
  roles!: Role[];

  @Field({ description: 'Signs the agreement for each side (marketing, sales) whose role the member holds.' })
  approver!: boolean;

  @Field(() => MemberStatusEnum)
  status!: MemberStatus;

  @Field(() => String, { nullable: true, description: 'The team or region the member sells in.' })
  team!: string | null;

  @Field(() => MemberManager, { nullable: true, description: 'Who the member reports to.' })
  manager!: MemberManager | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Revenue the member is expected to win in a month, in the workspace's currency: the dashboard's quota attainment.",
  })
  monthlyQuota!: number | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastSignedInAt!: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When the member confirmed their e-mail address (a confirmation link, or an invitation or reset link e-mailed ' +
      'to them); null until then.',
  })
  emailVerifiedAt!: Date | null;
}

export function toMember(entity: MemberEntity): Member {
  return {
    id: entity.id,
    email: entity.email,
    name: entity.name,
    roles: entity.roles,
    approver: entity.approver,
    status: entity.status,
    team: entity.team,
    monthlyQuota: entity.monthlyQuota,
    manager: entity.manager
      ? { id: entity.manager.id, email: entity.manager.email, name: entity.manager.name }
      : null,
    createdAt: entity.createdAt,
    lastSignedInAt: entity.lastSignedInAt,
    emailVerifiedAt: entity.emailVerifiedAt,
  };
}
