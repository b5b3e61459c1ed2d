import { Injectable, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  ApiError,
  ApiKeyFieldsFragment,
  ApiKeysDocument,
  ApiResult,
  CreateApiKeyDocument,
  CreateApiKeyMutation,
  RevokeApiKeyDocument,
  attempt,
  required,
} from '@accord/web/shared/data-access';

import { sortApiKeys, toApiKeyRow } from './api-key-row';

/** A new key with its secret, which the API shows this once. */
export type CreatedApiKey = CreateApiKeyMutation['createApiKey'];

/** The workspace's API keys as signals, and the admin's changes to them. Provide it per page. */
@Injectable()
export class ApiKeysStore {
  private readonly apollo = inject(Apollo);
  private readonly keys = signal<ApiKeyFieldsFragment[]>([]);

  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);
  readonly rows = computed(() => sortApiKeys(this.keys()).map(toApiKeyRow));

  async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({ query: ApiKeysDocument, fetchPolicy: 'network-only' }),
      );
      return required(answer.data?.apiKeys);
    });
    this.loading.set(false);
    if (result.ok) this.keys.set(result.value);
    else this.loadError.set(result.error);
  }

  /** A new key; with `imports`, it may also import CSV files over HTTP, acting as the admin who creates it. */
  async create(name: string, imports: boolean): Promise<ApiResult<CreatedApiKey>> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: CreateApiKeyDocument, variables: { name, imports } }),
      );
      return required(answer.data?.createApiKey);
    });
    if (result.ok) this.put(result.value.apiKey);
    return result;
  }

  async revoke(id: string): Promise<ApiResult<ApiKeyFieldsFragment>> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: RevokeApiKeyDocument, variables: { id } }),
      );
      return required(answer.data?.revokeApiKey);
    });
    if (result.ok) this.put(result.value);
    return result;
  }

  private put(key: ApiKeyFieldsFragment): void {
    this.keys.update((keys) => [...keys.filter((entry) => entry.id !== key.id), key]);
  }
}
