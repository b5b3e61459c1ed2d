import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import { ApiResult, toApiError } from '../api/api-error';
import {
  AcceptInvitationDocument,
  LoginDocument,
  SessionFragment,
  SignUpDocument,
  SignUpInput,
  ViewerDocument,
} from '../generated/graphql';
import { AuthStore } from './auth.store';

/** Signs members in and out through the API and keeps the AuthStore in step. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly apollo = inject(Apollo);
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);

  signIn(email: string, password: string): Promise<ApiResult<void>> {
    return this.startSession(async () => {
      const result = await firstValueFrom(
        this.apollo.mutate({ mutation: LoginDocument, variables: { input: { email, password } } }),
      );
      return result.data?.login;
    });
  }

  signUp(input: SignUpInput): Promise<ApiResult<void>> {
    return this.startSession(async () => {
      const result = await firstValueFrom(
        this.apollo.mutate({ mutation: SignUpDocument, variables: { input } }),
      );
      return result.data?.signUp;
    });
  }

  acceptInvitation(token: string, password: string): Promise<ApiResult<void>> {
    return this.startSession(async () => {
      const result = await firstValueFrom(
        this.apollo.mutate({ mutation: AcceptInvitationDocument, variables: { input: { token, password } } }),
      );
      return result.data?.acceptInvitation;
    });
  }

  /** Loads who the stored token belongs to; false (and signed out) when the token is no longer good. */
  async restore(): Promise<boolean> {
    if (this.store.token() === null) return false;
    if (this.store.viewer() !== null) return true;
    try {
      const result = await firstValueFrom(
        this.apollo.query({ query: ViewerDocument, fetchPolicy: 'network-only' }),
      );
      if (!result.data) throw new Error('The viewer query returned no data.');
      this.store.setViewer(result.data.viewer);
      return true;
    } catch {
      await this.forget();
      return false;
    }
  }

  async signOut(): Promise<void> {
    await this.forget();
    await this.router.navigateByUrl('/sign-in');
  }

  /** Called when the API refuses the token (expired, or the member was deactivated). */
  async endRejectedSession(): Promise<void> {
    if (this.store.token() === null) return;
    await this.forget();
    await this.router.navigate(['/sign-in'], { queryParams: { expired: 1 } });
  }

  private async startSession(call: () => Promise<SessionFragment | undefined>): Promise<ApiResult<void>> {
    try {
      const session = await call();
      if (!session) throw new Error('The API returned no session.');
      await this.apollo.client.clearStore();
      this.store.start(session);
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
    await this.router.navigateByUrl(this.store.homePath());
    return { ok: true, value: undefined };
  }

  private async forget(): Promise<void> {
    this.store.clear();
    await this.apollo.client.clearStore();
  }
}
