import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

import { PageInfo } from '@accord/api/shared/graphql';

import { Member } from './member.model';

@ObjectType()
export class MemberEdge {
  @Field()
  cursor!: string;

  @Field(() => Member)
  node!: Member;
}

@ObjectType()
export class MemberConnection {
  @Field(() => [MemberEdge])
  edges!: MemberEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ description: 'An invited member and the one-time link with which they set a password.' })
export class InvitationPayload {
  @Field(() => Member)
  member!: Member;

  @Field(() => String, {
    nullable: true,
    description:
      'The link for the admin to pass on, usable once, until expiresAt; null when SMTP is configured, as the link was e-mailed to the invitee alone.',
  })
  inviteUrl!: string | null;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;
}
