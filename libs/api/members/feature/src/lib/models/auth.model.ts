import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

import { Member } from './member.model';
import { Workspace } from './workspace.model';

@ObjectType({ description: 'A bearer token for the signed-in member.' })
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  accessToken!: string;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;

  @Field(() => Member)
  member!: Member;

  @Field(() => Workspace)
  workspace!: Workspace;
}

@ObjectType({ description: 'The signed-in member and their workspace.' })
export class Viewer {
  @Field(() => Member)
  member!: Member;

  @Field(() => Workspace)
  workspace!: Workspace;

  @Field({
    description:
      'True while the member has not confirmed their e-mail address and this instance sends mail: until they do, ' +
      'they cannot invite anyone (sendEmailVerification sends a new link).',
  })
  mustVerifyEmail!: boolean;
}
