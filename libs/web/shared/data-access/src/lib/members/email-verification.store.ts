import { Injectable, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import { ApiError } from '../api/api-error';
import { attempt, required } from '../api/attempt';
import { EmailVerificationStatusDocument, SendEmailVerificationDocument } from '../generated/graphql';

/**
 * Whether the signed-in member must still confirm their e-mail address, and sending them a new link. Read when the
 * frame opens and whenever the browser tab comes back, since the link is often opened in another tab or device.
 * Provide it per component.
 */
@Injectable()
export class EmailVerificationStore {
  private readonly apollo = inject(Apollo);

  /** The address to confirm; null once confirmed, when none is needed, or before the first answer. */
  readonly pendingEmail = signal<string | null>(null);
  /** Until when the link just sent works. */
  readonly sentUntil = signal<string | null>(null);
  readonly sending = signal(false);
  readonly sendError = signal<ApiError | null>(null);

  /** Reads the status again; a failed read leaves the banner as it was (it says nothing it has not read). */
  async refresh(): Promise<void> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({ query: EmailVerificationStatusDocument, fetchPolicy: 'network-only' }),
      );
      return required(answer.data).viewer;
    });
    if (result.ok) this.pendingEmail.set(result.value.mustVerifyEmail ? result.value.member.email : null);
  }

  /** Sends a new link (earlier ones stop working). */
  async resend(): Promise<void> {
    this.sending.set(true);
    this.sendError.set(null);
    const result = await attempt(async () => {
      const answer = await firstValueFrom(this.apollo.mutate({ mutation: SendEmailVerificationDocument }));
      return required(answer.data?.sendEmailVerification);
    });
    this.sending.set(false);
    if (result.ok) {
      this.sentUntil.set(result.value.expiresAt);
      return;
    }
    // Confirmed meanwhile (in another tab): nothing left to send, and nothing left to show.
    if (result.error.code === 'CONFLICT') this.pendingEmail.set(null);
    else this.sendError.set(result.error);
  }
}
