import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { PlainText } from '@accord/api/shared/graphql';
import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from '@accord/api/webhooks/data-access';
import { MAX_ENDPOINT_URL_LENGTH, WEBHOOK_EVENTS, type WebhookEventName } from '@accord/domain/webhooks';

import { WebhookDeliveryStatusEnum } from '../models/webhook.model';

@InputType()
export class CreateWebhookEndpointInput {
  @Field({ description: 'An http or https URL that answers a POST with 2xx.' })
  @IsString()
  @MaxLength(MAX_ENDPOINT_URL_LENGTH)
  url!: string;

  @Field(() => [String], { description: `Any of: ${WEBHOOK_EVENTS.join(', ')}.` })
  @ArrayMinSize(1, { message: 'must name at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique({ message: 'must not name an event twice' })
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each event must be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events!: WebhookEventName[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  // A one-line label in the endpoints list, like the agreement's labels.
  @PlainText({ lines: false })
  description?: string | null;
}

@InputType({ description: 'The fields to change; those left out keep their value.' })
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ENDPOINT_URL_LENGTH)
  url?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique({ message: 'must not name an event twice' })
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each event must be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events?: WebhookEventName[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  // A one-line label in the endpoints list, like the agreement's labels.
  @PlainText({ lines: false })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False stops deliveries and fails those waiting.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}

@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => WebhookDeliveryStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATUSES)
  status?: WebhookDeliveryStatus | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  endpointId?: string | null;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(100)
  first!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}
