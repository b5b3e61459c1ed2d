import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A confirmation link just sent to the signed-in member.' })
export class EmailVerificationRequest {
  @Field({
    description:
      'True when the link went out by e-mail; false when this instance sends no e-mail (the link is in its log, and ' +
      'no one needs to confirm an address).',
  })
  mailed!: boolean;

  @Field(() => GraphQLISODateTime, {
    description: 'Until when the link works; every earlier link stopped working.',
  })
  expiresAt!: Date;
}

@ObjectType({ description: 'An e-mail address just confirmed with its link.' })
export class EmailVerification {
  @Field()
  email!: string;

  @Field()
  workspaceName!: string;
}
