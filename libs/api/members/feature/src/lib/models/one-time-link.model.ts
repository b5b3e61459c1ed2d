import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from '@nestjs/graphql';

import { LINK_PURPOSES, type LinkPurpose } from '@accord/api/members/data-access';
import type { Role } from '@accord/domain/workspace';

import { RoleEnum } from './member.model';

export const LinkPurposeEnum = Object.fromEntries(
  LINK_PURPOSES.map((purpose) => [purpose, purpose]),
) as Record<LinkPurpose, LinkPurpose>;

registerEnumType(LinkPurposeEnum, {
  name: 'LinkPurpose',
  description:
    'What a one-time link lets its holder do: join a workspace, set a new password, or confirm their e-mail address.',
});

@ObjectType({
  description:
    'What a valid one-time link is for, shown to its holder before they use it: the workspace, the account and who ' +
    'sent it. Only the holder of the link can read it.',
})
export class OneTimeLinkPreview {
  @Field(() => LinkPurposeEnum)
  purpose!: LinkPurpose;

  @Field()
  workspaceName!: string;

  @Field({ description: 'The e-mail the account signs in with.' })
  email!: string;

  @Field()
  name!: string;

  @Field(() => [RoleEnum])
  roles!: Role[];

  @Field(() => String, {
    nullable: true,
    description:
      'The name of the admin who made the link; null for a reset link the member asked for, or when that admin ' +
      'has left the workspace.',
  })
  sentBy!: string | null;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;
}
