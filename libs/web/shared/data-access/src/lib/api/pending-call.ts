import { signal } from '@angular/core';

import { ApiResult } from './api-error';

/**
 * The state behind one submit button: whether its call is under way, and the message of the last failure.
 * Every form and dialog shares this, so "disable while pending, show the API's message" behaves alike.
 */
export class PendingCall {
  readonly pending = signal(false);
  readonly error = signal<string | null>(null);

  /**
   * Runs the call; the result comes back as the call typed it, so richer error shapes pass through. While a call
   * is under way another is not sent, and its promise never settles, so the caller's follow-up never runs: a
   * double click submits twice before the button's [disabled] is rendered, which would book a meeting twice, or
   * report the first accept as a conflict with the second.
   */
  run<R extends ApiResult<unknown>>(call: () => Promise<R>): Promise<R> {
    if (this.pending()) return new Promise<R>(() => undefined);
    return this.send(call);
  }

  private async send<R extends ApiResult<unknown>>(call: () => Promise<R>): Promise<R> {
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
