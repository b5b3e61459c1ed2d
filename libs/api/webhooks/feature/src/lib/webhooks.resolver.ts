import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { AuthMember, CurrentMember, Roles } from '@accord/api/shared/auth';

import {
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookDeliveriesArgs,
} from './dto/webhook.inputs';
import {
  CreatedWebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookEndpoint,
} from './models/webhook.model';
import { WebhooksService } from './webhooks.service';

@Roles('ADMIN')
@Resolver(() => WebhookEndpoint)
export class WebhooksResolver {
  constructor(private readonly service: WebhooksService) {}

  @Query(() => [WebhookEndpoint], { description: "The workspace's webhook endpoints, newest first." })
  webhookEndpoints(@CurrentMember() actor: AuthMember): Promise<WebhookEndpoint[]> {
    return this.service.list(actor);
  }

  @Query(() => WebhookDeliveryConnection, { description: 'Deliveries, newest first.' })
  webhookDeliveries(
    @CurrentMember() actor: AuthMember,
    @Args() args: WebhookDeliveriesArgs,
  ): Promise<WebhookDeliveryConnection> {
    return this.service.deliveries(actor, args);
  }

  @Mutation(() => CreatedWebhookEndpoint)
  createWebhookEndpoint(
    @CurrentMember() actor: AuthMember,
    @Args('input') input: CreateWebhookEndpointInput,
  ): Promise<CreatedWebhookEndpoint> {
    return this.service.create(actor, input);
  }

  @Mutation(() => WebhookEndpoint)
  updateWebhookEndpoint(
    @CurrentMember() actor: AuthMember,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
    @Args('input') input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpoint> {
    return this.service.update(actor, id, input);
  }

  @Mutation(() => CreatedWebhookEndpoint, {
    description:
      'Replaces the signing secret; the new one is shown once and signs every attempt from now on.',
  })
  rotateWebhookSecret(
    @CurrentMember() actor: AuthMember,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<CreatedWebhookEndpoint> {
    return this.service.rotateSecret(actor, id);
  }

  @Mutation(() => ID, { description: 'Deletes the endpoint and its deliveries; returns its id.' })
  deleteWebhookEndpoint(
    @CurrentMember() actor: AuthMember,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<string> {
    return this.service.delete(actor, id);
  }

  @Mutation(() => WebhookDelivery, {
    description: 'Sends a delivered or failed delivery again, with the same Accord-Delivery id.',
  })
  redeliverWebhook(
    @CurrentMember() actor: AuthMember,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<WebhookDelivery> {
    return this.service.redeliver(actor, id);
  }
}
