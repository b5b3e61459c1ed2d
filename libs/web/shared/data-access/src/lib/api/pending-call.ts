import { signal } from '@angular/core';

import { ApiResult } from './api-error';

/**
 * The state behind one submit button: whether its call is under way, and the message of the last failure.
 * Every form and dialog shares this, so "disable while pending, show the API's message" behaves alike.
 */
export class PendingCall {
  readonly pending = signal(false);
  readonly error = signal<string | null>(null);

  async run<T>(call: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
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
