import { signal } from '@angular/core';

import { ApiResult } from './api-error';

/**
 * The state behind one submit button: whether its call is under way, and the message of the last failure.
 * Every form and dialog shares this, so "disable while pending, show the API's message" behaves alike.
 */
export class PendingCall {
  readonly pending = signal(false);
  readonly error = signal<string | null>(null);

  /** Runs the call; the result comes back as the call typed it, so richer error shapes pass through. */
  async run<R extends ApiResult<unknown>>(call: () => Promise<R>): Promise<R> {
    this.pending.set(true);
    this.error.set(null);
    try {
      const result = await call();
      if (!result.ok) this.error.set(result.error.message);
      return result;
    } finally {
      this.pending.set(false);
    }
  }
}
