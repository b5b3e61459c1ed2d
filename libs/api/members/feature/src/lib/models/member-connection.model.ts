import { PageInfo } from '@accord/api/shared/graphql';
import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

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

  @Field({ description: 'Also e-mailed when SMTP is configured; usable once, until expiresAt.' })
  inviteUrl!: string;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;
}
