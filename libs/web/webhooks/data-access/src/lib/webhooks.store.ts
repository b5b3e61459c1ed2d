import { Injectable, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import type { WebhookEventName } from '@accord/domain/webhooks';
import {
  ApiError,
  ApiResult,
  CreateWebhookEndpointDocument,
  CreateWebhookEndpointMutation,
  DeleteWebhookEndpointDocument,
  RedeliverWebhookDocument,
  RotateWebhookSecretDocument,
  UpdateWebhookEndpointDocument,
  WebhookDeliveriesDocument,
  WebhookDeliveryFieldsFragment,
  WebhookDeliveryStatus,
  WebhookEndpointFieldsFragment,
  WebhookEndpointsDocument,
  attempt,
  required,
} from '@accord/web/shared/data-access';

import { sortEndpoints, toDeliveryRow, toEndpointRow } from './webhook-rows';

/** A new endpoint with its signing secret, which the API shows this once. */
export type CreatedWebhookEndpoint = CreateWebhookEndpointMutation['createWebhookEndpoint'];

/** How many deliveries a page of the list holds. */
export const RECENT_DELIVERIES = 50;

interface DeliveryPage {
  nodes: WebhookDeliveryFieldsFragment[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** The workspace's webhook endpoints and recent deliveries as signals, and the admin's changes. Provide per page. */
@Injectable()
export class WebhooksStore {
  private readonly apollo = inject(Apollo);
  private readonly endpoints = signal<WebhookEndpointFieldsFragment[]>([]);
  private readonly deliveries = signal<WebhookDeliveryFieldsFragment[]>([]);
  private readonly loadingEndpoints = signal(false);
  private readonly loadingDeliveries = signal(false);
  // A newer delivery list (another status, or a reload) makes the answers of older requests stale: they are
  // dropped instead of mixed in, so rows, cursor and loading always belong to the list last asked for.
  private generation = 0;

  // Split in two so a filter's answer cannot end the endpoints' loading while their first answer is still out.
  readonly loading = computed(() => this.loadingEndpoints() || this.loadingDeliveries());
  readonly loadError = signal<ApiError | null>(null);
  /** Which list's last load failed, so each table says so instead of claiming it is empty. */
  readonly endpointsFailed = signal(false);
  readonly deliveriesFailed = signal(false);
  readonly endpointRows = computed(() => sortEndpoints(this.endpoints()).map(toEndpointRow));
  readonly deliveryRows = computed(() => this.deliveries().map(toDeliveryRow));

  /** Which deliveries the list shows: every status, or one. */
  readonly statusFilter = signal<WebhookDeliveryStatus | null>(null);
  /** Whether older deliveries than those listed exist. */
  readonly hasMore = signal(false);
  private endCursor: string | null = null;

  async load(): Promise<void> {
    const generation = this.startDeliveries(true);
    this.loadingEndpoints.set(true);
    const [endpoints, deliveries] = await Promise.all([
      attempt(() => this.fetchEndpoints()),
      attempt(() => this.fetchDeliveries(null)),
    ]);
    this.loadingEndpoints.set(false);
    // The endpoints do not depend on the status filter, so a newer delivery list does not make them stale.
    this.endpointsFailed.set(!endpoints.ok);
    if (endpoints.ok) this.endpoints.set(endpoints.value);
    else this.loadError.set(endpoints.error);
    this.finishDeliveries(generation, deliveries, false);
  }

  /** Lists only deliveries with this status (null: all), newest first. */
  async showStatus(status: WebhookDeliveryStatus | null): Promise<void> {
    this.statusFilter.set(status);
    await this.reloadDeliveries();
  }

  /** Appends the next page of older deliveries. */
  async loadMore(): Promise<void> {
    // While a list is loading, the cursor still belongs to the one before it.
    if (!this.hasMore() || this.loadingDeliveries()) return;
    const generation = this.startDeliveries(false);
    const result = await attempt(() => this.fetchDeliveries(this.endCursor));
    this.finishDeliveries(generation, result, true);
  }

  async create(input: {
    url: string;
    events: WebhookEventName[];
    description?: string;
  }): Promise<ApiResult<CreatedWebhookEndpoint>> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: CreateWebhookEndpointDocument, variables: { input } }),
      );
      return required(answer.data?.createWebhookEndpoint);
    });
    if (result.ok) this.putEndpoint(result.value.endpoint);
    return result;
  }

  async setActive(id: string, active: boolean): Promise<ApiResult<WebhookEndpointFieldsFragment>> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: UpdateWebhookEndpointDocument, variables: { id, input: { active } } }),
      );
      return required(answer.data?.updateWebhookEndpoint);
    });
    if (result.ok) {
      this.putEndpoint(result.value);
      // Deactivating fails the endpoint's waiting deliveries: show them as they now are.
      if (!active) await this.reloadDeliveries();
    }
    return result;
  }

  /** A new signing secret for the endpoint, shown this once. */
  async rotateSecret(id: string): Promise<ApiResult<CreatedWebhookEndpoint>> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: RotateWebhookSecretDocument, variables: { id } }),
      );
      return required(answer.data?.rotateWebhookSecret);
    });
    if (result.ok) this.putEndpoint(result.value.endpoint);
    return result;
  }

  async remove(id: string): Promise<ApiResult<string>> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: DeleteWebhookEndpointDocument, variables: { id } }),
      );
      return String(required(answer.data?.deleteWebhookEndpoint));
    });
    if (result.ok) {
      this.endpoints.update((endpoints) => endpoints.filter((entry) => entry.id !== id));
      this.deliveries.update((deliveries) => deliveries.filter((entry) => entry.endpointId !== id));
    }
    return result;
  }

  async redeliver(id: string): Promise<ApiResult<WebhookDeliveryFieldsFragment>> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: RedeliverWebhookDocument, variables: { id } }),
      );
      return required(answer.data?.redeliverWebhook);
    });
    if (result.ok) {
      const delivery = result.value;
      this.deliveries.update((deliveries) =>
        deliveries.map((entry) => (entry.id === delivery.id ? delivery : entry)),
      );
    }
    return result;
  }

  private async reloadDeliveries(): Promise<void> {
    const generation = this.startDeliveries(true);
    const result = await attempt(() => this.fetchDeliveries(null));
    this.finishDeliveries(generation, result, false);
  }

  /** Marks a delivery request under way; a fresh list (not a further page) makes every earlier one stale. */
  private startDeliveries(fresh: boolean): number {
    if (fresh) this.generation += 1;
    this.loadingDeliveries.set(true);
    // Each request answers for itself: one failed "Load more" must not leave the alert up for the whole visit.
    this.loadError.set(null);
    return this.generation;
  }

  private finishDeliveries(generation: number, result: ApiResult<DeliveryPage>, append: boolean): void {
    if (generation !== this.generation) return;
    this.loadingDeliveries.set(false);
    this.deliveriesFailed.set(!result.ok);
    if (result.ok) this.showPage(result.value, append);
    else this.showFailure(result.error, append);
  }

  private showFailure(error: ApiError, append: boolean): void {
    this.loadError.set(error);
    // A failed new list keeps no rows: the previous filter's rows would show under the new one.
    if (!append) this.showPage({ nodes: [], endCursor: null, hasNextPage: false }, false);
  }

  private async fetchEndpoints(): Promise<WebhookEndpointFieldsFragment[]> {
    const answer = await firstValueFrom(
      this.apollo.query({ query: WebhookEndpointsDocument, fetchPolicy: 'network-only' }),
    );
    return required(answer.data?.webhookEndpoints);
  }

  private async fetchDeliveries(after: string | null): Promise<DeliveryPage> {
    const status = this.statusFilter();
    const answer = await firstValueFrom(
      this.apollo.query({
        query: WebhookDeliveriesDocument,
        variables: { first: RECENT_DELIVERIES, ...(after ? { after } : {}), ...(status ? { status } : {}) },
        fetchPolicy: 'network-only',
      }),
    );
    const page = required(answer.data?.webhookDeliveries);
    return {
      nodes: page.edges.map((edge) => edge.node),
      endCursor: page.pageInfo.endCursor,
      hasNextPage: page.pageInfo.hasNextPage,
    };
  }

  private showPage(page: DeliveryPage, append: boolean): void {
    this.deliveries.update((shown) => (append ? [...shown, ...page.nodes] : page.nodes));
    this.endCursor = page.endCursor;
    this.hasMore.set(page.hasNextPage);
  }

  private putEndpoint(endpoint: WebhookEndpointFieldsFragment): void {
    this.endpoints.update((endpoints) => [
      ...endpoints.filter((entry) => entry.id !== endpoint.id),
      endpoint,
    ]);
  }
}
