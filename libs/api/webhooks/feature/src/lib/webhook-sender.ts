import { Injectable } from '@nestjs/common';
import { LookupAddress, LookupAllOptions, lookup as dnsLookup } from 'node:dns';
import { IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

import { AppConfig } from '@accord/api/shared/config';
import {
  DELIVERY_HEADER,
  DELIVERY_TIMEOUT_MS,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  isPrivateHost,
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

/** Resolves a host name to every address it has (node:dns lookup with `all: true`). */
export type Resolver = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** How much of an answer's body is kept for admins to read, in characters. */
const KEPT_ANSWER = 200;

const PRIVATE_ADDRESS = 'refused: the host resolves to a loopback, private or link-local address';

/**
 * Sends one delivery: a signed POST, redirects not followed, bounded by a timeout. In production it refuses to
 * connect to loopback, private and link-local addresses — checked on the addresses the connection actually uses
 * (the socket's own DNS lookup), so a public name that resolves to an internal address is refused too, and a
 * receiver's answer never reveals an internal service to an admin.
 */
@Injectable()
export class WebhookSender {
  /** The DNS resolver connections use; tests replace it. */
  resolver: Resolver = dnsLookup;
  private readonly refusePrivate: boolean;

  constructor(config: AppConfig) {
    this.refusePrivate = config.isProduction;
  }

  send(request: WebhookRequest, timeoutMs = DELIVERY_TIMEOUT_MS): Promise<SendResult> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return Promise.resolve({ statusCode: null, error: 'not a valid URL' });
    }
    if (this.refusePrivate && isPrivateHost(url.hostname))
      return Promise.resolve({ statusCode: null, error: PRIVATE_ADDRESS });
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<SendResult>((resolve) => {
      const outgoing = send(
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(request.body),
            'user-agent': 'Accord-Webhooks/1',
            [SIGNATURE_HEADER]: request.signature,
            [EVENT_HEADER]: request.event,
            [DELIVERY_HEADER]: request.deliveryId,
          },
          lookup: this.lookup(),
          signal: AbortSignal.timeout(timeoutMs),
        },
        (response) => void answer(response).then(resolve),
      );
      outgoing.on('error', (error) => resolve({ statusCode: null, error: describe(error, timeoutMs) }));
      outgoing.end(request.body);
    });
  }

  /** The socket's DNS lookup: every address the name has must be public when private ones are refused. */
  private lookup(): LookupFunction {
    return (hostname, options, callback) => {
      this.resolver(hostname, { ...options, all: true }, (error, addresses) => {
        if (error) return callback(error, '', 0);
        if (this.refusePrivate && addresses.some((entry) => isPrivateHost(entry.address)))
          return callback(Object.assign(new Error(PRIVATE_ADDRESS), { code: 'EACCES' }), '', 0);
        if (options.all) return callback(null, addresses);
        const [first] = addresses;
        if (!first)
          return callback(
            Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }),
            '',
            0,
          );
        return callback(null, first.address, first.family);
      });
    };
  }
}

/** The status, and for a non-2xx answer the start of its body; the rest is discarded unread. */
async function answer(response: IncomingMessage): Promise<SendResult> {
  const statusCode = response.statusCode ?? null;
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) {
    response.resume();
    return { statusCode, error: null };
  }
  let text = '';
  try {
    response.setEncoding('utf8');
    for await (const chunk of response) {
      text += String(chunk);
      if (text.length >= KEPT_ANSWER) break;
    }
  } catch {
    // The answer's status is what counts; a broken body only loses the excerpt.
  } finally {
    response.destroy();
  }
  const excerpt = text.slice(0, KEPT_ANSWER).trim();
  return { statusCode, error: excerpt ? `HTTP ${statusCode}: ${excerpt}` : null };
}

function describe(error: unknown, timeoutMs: number): string {
  // Duck-typed: errors from Node's internals may come from another realm than this module's Error.
  const { name, message, code } = (error ?? {}) as { name?: string; message?: string; code?: unknown };
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  if (message === PRIVATE_ADDRESS) return PRIVATE_ADDRESS;
  const text = message || String(error);
  return (typeof code === 'string' && !text.includes(code) ? `${code}: ${text}` : text).slice(0, 500);
}
