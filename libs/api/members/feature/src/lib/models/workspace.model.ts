import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

import type { WorkspaceEntity } from '@accord/api/members/data-access';

@ObjectType({ description: 'One customer company; nothing crosses workspaces.' })
export class Workspace {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'IANA time zone in which periods (weeks, months) are cut.' })
  timeZone!: string;

  @Field({
    description:
      'Reporting currency (ISO 4217): opportunities, pipeline, revenue and quotas are all in it, so they add up.',
  })
  currency!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

export function toWorkspace(entity: WorkspaceEntity): Workspace {
  return {
    id: entity.id,
    name: entity.name,
    timeZone: entity.timeZone,
    currency: entity.currency,
    createdAt: entity.createdAt,
  };
}
