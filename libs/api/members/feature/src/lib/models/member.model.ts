import { MEMBER_STATUSES, MemberStatus, ROLES, Role } from '@accord/domain/workspace';
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

import type { MemberEntity } from '@accord/api/members/data-access';

const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as Record<Role, Role>;
const MemberStatusEnum = Object.fromEntries(MEMBER_STATUSES.map((s) => [s, s])) as Record<MemberStatus, MemberStatus>;

registerEnumType(RoleEnum, { name: 'Role', description: 'What a member does in Accord; a member may hold several.' });
registerEnumType(MemberStatusEnum, { name: 'MemberStatus' });

export { MemberStatusEnum, RoleEnum };

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

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastSignedInAt!: Date | null;
}

export function toMember(entity: MemberEntity): Member {
  return {
    id: entity.id,
    email: entity.email,
    name: entity.name,
    roles: entity.roles,
    approver: entity.approver,
    status: entity.status,
    createdAt: entity.createdAt,
    lastSignedInAt: entity.lastSignedInAt,
  };
}
