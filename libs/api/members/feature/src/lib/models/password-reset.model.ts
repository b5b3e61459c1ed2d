import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

import { Member } from './member.model';

@ObjectType({
  description:
    'The answer to a password reset request: the same whether or not the e-mail belongs to anyone, so it tells only ' +
    'how this instance delivers links, never whether an account exists.',
})
export class PasswordResetRequest {
  @Field({
    description:
      'True when reset links go out by e-mail; false when this instance sends no e-mail, and only an admin can give a member a link.',
  })
  mailed!: boolean;
}

@ObjectType({ description: 'A one-time link with which an active member sets a new password.' })
export class PasswordResetLink {
  @Field(() => Member)
  member!: Member;

  @Field(() => String, {
    nullable: true,
    description:
      'The link for the admin to pass on, usable once, until expiresAt; null when SMTP is configured, as the link was e-mailed to the member alone.',
  })
  resetUrl!: string | null;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;
}
