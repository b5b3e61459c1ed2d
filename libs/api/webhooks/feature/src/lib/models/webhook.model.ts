import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { PageInfo, enumOf } from '@accord/api/shared/graphql';
import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from '@accord/api/webhooks/data-access';

export const WebhookDeliveryStatusEnum = enumOf(WEBHOOK_DELIVERY_STATUSES);
registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING: waiting for its next attempt; DELIVERED: answered 2xx; FAILED: attempts ran out.',
});

@ObjectType({
  description: 'Where Accord sends the events an admin chose; the signing secret is never shown again.',
})
export class WebhookEndpoint {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field()
  description!: string;

  @Field(() => [String], { description: 'Event names, e.g. handover.created.' })
  events!: string[];

  @Field({ description: 'Inactive endpoints receive nothing.' })
  active!: boolean;

  @Field({ description: 'The first characters of the signing secret, to tell secrets apart.' })
  secretPrefix!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;
}

@ObjectType()
export class CreatedWebhookEndpoint {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field({ description: 'The secret deliveries are signed with (HMAC-SHA256). Shown once: store it now.' })
  secret!: string;
}

@ObjectType({ description: 'One event sent to one endpoint, with its attempts so far.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Sent as Accord-Delivery; the same for every attempt and redelivery.' })
  id!: string;

  @Field(() => ID)
  eventId!: string;

  @Field()
  event!: string;

  @Field(() => ID)
  endpointId!: string;

  @Field()
  endpointUrl!: string;

  @Field(() => WebhookDeliveryStatusEnum)
  status!: WebhookDeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => GraphQLISODateTime, { nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "The last attempt's HTTP status; null when none came." })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, when it did.' })
  lastError!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

@ObjectType()
export class WebhookDeliveryEdge {
  @Field()
  cursor!: string;

  @Field(() => WebhookDelivery)
  node!: WebhookDelivery;
}

@ObjectType()
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge])
  edges!: WebhookDeliveryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
