import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A confirmation link just e-mailed to the signed-in member.' })
export class EmailVerificationRequest {
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
