import { Injectable } from '@nestjs/common';

import {
  DELIVERY_HEADER,
  DELIVERY_TIMEOUT_MS,
  EVENT_HEADER,
  SIGNATURE_HEADER,
} from '@accord/domain/webhooks';

export interface WebhookRequest {
  url: string;
  body: string;
  event: string;
  deliveryId: string;
  signature: string;
}

/** What one attempt got: the HTTP status, or why there was none; `error` also notes a non-2xx answer's start. */
export interface SendResult {
  statusCode: number | null;
  error: string | null;
}

/** How much of an answer's body is kept for admins to read, in characters. */
const KEPT_ANSWER = 200;

/** Sends one delivery over HTTP: POST, signed, redirects not followed, bounded by a timeout. */
@Injectable()
export class WebhookSender {
  async send(request: WebhookRequest, timeoutMs = DELIVERY_TIMEOUT_MS): Promise<SendResult> {
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Accord-Webhooks/1',
          [SIGNATURE_HEADER]: request.signature,
          [EVENT_HEADER]: request.event,
          [DELIVERY_HEADER]: request.deliveryId,
        },
        body: request.body,
        // A redirect could lead to a host the endpoint's URL rules refuse: it counts as a failed attempt.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status >= 200 && response.status < 300) {
        await response.body?.cancel();
        return { statusCode: response.status, error: null };
      }
      return { statusCode: response.status, error: await answerStart(response) };
    } catch (error) {
      return { statusCode: null, error: describe(error, timeoutMs) };
    }
  }
}

async function answerStart(response: Response): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) return null;
  let text = '';
  const decoder = new TextDecoder();
  try {
    while (text.length < KEPT_ANSWER) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // The answer's status is what counts; a broken body only loses the excerpt.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const excerpt = text.slice(0, KEPT_ANSWER).trim();
  return excerpt ? `HTTP ${response.status}: ${excerpt}` : null;
}

function describe(error: unknown, timeoutMs: number): string {
  // Duck-typed: errors from Node's internals may come from another realm than this module's Error.
  const { name, message, cause } = (error ?? {}) as { name?: string; message?: string; cause?: unknown };
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const reason = (cause ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof reason.code === 'string' ? reason.code : null;
  const text =
    typeof reason.message === 'string' && reason.message ? reason.message : (message ?? String(error));
  return (code && !text.includes(code) ? `${code}: ${text}` : text).slice(0, 500);
}
