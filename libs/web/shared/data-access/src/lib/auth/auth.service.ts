import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';

import { ApiResult, toApiError } from '../api/api-error';
import { attempt } from '../api/attempt';
import { postGraphql } from '../api/post-graphql';
import {
  AcceptInvitationDocument,
  ChangePasswordDocument,
  LinkPurpose,
  LoginDocument,
  OneTimeLinkDocument,
  OneTimeLinkQuery,
  PasswordResetsMailedDocument,
  RequestPasswordResetDocument,
  ResetPasswordDocument,
  SessionFragment,
  SignOutEverywhereDocument,
  SignUpDocument,
  SignUpInput,
  VerifyEmailDocument,
  VerifyEmailMutation,
} from '../generated/session-operations';
import { AuthStore } from './auth.store';
import { SIGNING_OUT } from './guards';

/** What a one-time link is for: the workspace, the account, who sent it. */
export type LinkPreview = OneTimeLinkQuery['oneTimeLink'];

/** The address a confirmation link confirmed, and its workspace. */
export type ConfirmedEmail = VerifyEmailMutation['verifyEmail'];

/** Something holding data of the member signed in, emptied whenever the session starts or ends. */
export type SessionCache = () => Promise<unknown>;

/**
 * Signs members in and out through the API and keeps the AuthStore in step. It posts its operations itself: the
 * sign-in pages come before the signed-in part of the app, which is where Apollo is loaded.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly caches = new Set<SessionCache>();

  /** Apollo's cache registers here, so that no member ever reads what the previous one loaded. */
  clearOnSessionChange(cache: SessionCache): void {
    this.caches.add(cache);
  }

  /** Signs in, then opens `returnUrl` when it is a page of this app, else the member's home page. */
  signIn(email: string, password: string, returnUrl?: string): Promise<ApiResult<void>> {
    return this.startSession(async () => {
      const data = await postGraphql(LoginDocument, { input: { email, password } }, null);
      return data.login;
    }, returnUrl);
  }

  signUp(input: SignUpInput): Promise<ApiResult<void>> {
    return this.startSession(async () => (await postGraphql(SignUpDocument, { input }, null)).signUp);
  }

  acceptInvitation(token: string, password: string): Promise<ApiResult<void>> {
    return this.startSession(async () => {
      const data = await postGraphql(AcceptInvitationDocument, { input: { token, password } }, null);
      return data.acceptInvitation;
    });
  }

  /** What a one-time link is for, read before the member chooses a password with it (see OneTimeLink). */
  async previewLink(token: string, purpose: LinkPurpose): Promise<ApiResult<LinkPreview>> {
    try {
      const data = await postGraphql(OneTimeLinkDocument, { input: { token, purpose } }, null);
      return { ok: true, value: data.oneTimeLink };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  }

  /** Whether this instance e-mails reset links; null when the API could not say (the page then asks as usual). */
  async passwordResetsMailed(): Promise<boolean | null> {
    try {
      return (await postGraphql(PasswordResetsMailedDocument, {}, null)).passwordResetsMailed;
    } catch {
      return null;
    }
  }

  /**
   * Asks for a password reset link for the e-mail. The API answers alike whether or not the e-mail belongs to
   * anyone; `mailed` says only whether this instance sends e-mail at all.
   */
  async requestPasswordReset(email: string): Promise<ApiResult<{ mailed: boolean }>> {
    try {
      const data = await postGraphql(RequestPasswordResetDocument, { input: { email } }, null);
      return { ok: true, value: data.requestPasswordReset };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  }

  /** Sets a new password with a one-time reset link; the API ends every other session and signs this one in. */
  resetPassword(token: string, password: string): Promise<ApiResult<void>> {
    return this.startSession(async () => {
      const data = await postGraphql(ResetPasswordDocument, { input: { token, password } }, null);
      return data.resetPassword;
    });
  }

  /** Confirms an e-mail address with its one-time link; needs no session, as the link may be opened anywhere. */
  verifyEmail(token: string): Promise<ApiResult<ConfirmedEmail>> {
    return attempt(
      async () => (await postGraphql(VerifyEmailDocument, { input: { token } }, null)).verifyEmail,
    );
  }

  /**
   * Changes the member's password, given the current one. The API ends every session of theirs; this one goes on
   * with the new token it answers.
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<ApiResult<void>> {
    try {
      const data = await postGraphql(
        ChangePasswordDocument,
        { input: { currentPassword, newPassword } },
        this.store.token(),
      );
      this.store.start(data.changePassword);
      return { ok: true, value: undefined };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  }

  /** Ends every session of the member (a lost laptop, a shared computer), this one included, then signs out here. */
  async signOutEverywhere(): Promise<ApiResult<void>> {
    try {
      await postGraphql(SignOutEverywhereDocument, {}, this.store.token());
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
    await this.signOut();
    return { ok: true, value: undefined };
  }

  /**
   * Leaves the page first and forgets the session only once it is left: a page holding unsaved work may ask to
   * stay, and then its member stays signed in under it instead of looking at it signed out.
   */
  async signOut(): Promise<void> {
    const left = await this.router.navigateByUrl('/sign-in', { state: { [SIGNING_OUT]: true } });
    if (left) await this.forget();
  }

  /** Called when the API refuses the token (expired, or the member was deactivated). */
  async endRejectedSession(): Promise<void> {
    if (this.store.token() === null) return;
    const returnUrl = this.router.url;
    await this.forget();
    await this.router.navigate(['/sign-in'], { queryParams: { expired: 1, returnUrl } });
  }

  private async startSession(
    call: () => Promise<SessionFragment>,
    returnUrl?: string,
  ): Promise<ApiResult<void>> {
    try {
      const session = await call();
      await this.clearCaches();
      this.store.start(session);
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
    await this.router.navigateByUrl(inAppPath(returnUrl) ?? this.store.homePath());
    return { ok: true, value: undefined };
  }

  private async forget(): Promise<void> {
    this.store.clear();
    await this.clearCaches();
  }

  private async clearCaches(): Promise<void> {
    await Promise.all([...this.caches].map((clear) => clear()));
  }
}

/**
 * `url` when it is a path of this app other than the session pages: a link someone sent could otherwise make the
 * sign-in page forward a fresh session to another site (`//evil.example`, `https://…`).
 */
export function inAppPath(url: string | undefined): string | null {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return null;
  return /^\/(sign-in|sign-up|accept-invitation|forgot-password|reset-password|verify-email)\b/.test(url)
    ? null
    : url;
}
