import { signal } from '@angular/core';

import type { ApiError } from '../api/api-error';
import type { LinkPurpose } from '../generated/session-operations';
import type { AuthService, LinkPreview } from './auth.service';

/**
 * A one-time link (an invitation, a password reset, a confirmation) as the page that opened it knows it: what it is for, once
 * read, or why it cannot be used — from reading it, or from the API's refusal when a password was set with it.
 */
export class OneTimeLink {
  /** What the link is for, once read; a page does not wait for it to show its form. */
  readonly preview = signal<LinkPreview | null>(null);
  /** The API's word that the link itself is used, expired or revoked: no password can help, only a new link. */
  readonly refusal = signal<string | null>(null);

  constructor(
    private readonly auth: AuthService,
    private readonly purpose: LinkPurpose,
    /** Words a token the API would not read at all (cut short when copied, say). */
    private readonly malformed: string,
  ) {}

  async read(token: string): Promise<void> {
    const result = await this.auth.previewLink(token, this.purpose);
    if (result.ok) this.preview.set(result.value);
    else this.refused(result.error);
  }

  /**
   * Takes the API's refusal of the link, or of a password set with it. A refusal of the password (its field named)
   * leaves the form for another try, as does one that is not the link's (the network, a rate limit).
   */
  refused(error: ApiError): void {
    if (error.code !== 'BAD_USER_INPUT') return;
    if (error.fields.some((problem) => /password$/i.test(problem.field))) return;
    this.refusal.set(error.fields.length === 0 ? error.message : this.malformed);
  }
}
