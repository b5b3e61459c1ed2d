import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

import { AppConfig } from '@accord/api/shared/config';
import { formatSignatureHeader, signedContent } from '@accord/domain/webhooks';

const SECRET_PREFIX = 'whsec_';
const FORMAT = 'v1';

/** HMAC-SHA256 hex of `content` with an endpoint's secret. */
export function hmacHex(secret: string, content: string): string {
  return createHmac('sha256', secret).update(content).digest('hex');
}

/** The Accord-Signature header for a body sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, rawBody: string): string {
  return formatSignatureHeader(timestamp, hmacHex(secret, signedContent(timestamp, rawBody)));
}

/**
 * Makes and keeps endpoints' signing secrets. A secret must be recoverable to sign each delivery, so unlike an API
 * key it cannot be stored as a hash: it is stored encrypted with AES-256-GCM under a key derived (HKDF-SHA256)
 * from JWT_SECRET, the server's one configured secret. Rotating JWT_SECRET therefore makes stored webhook secrets
 * unreadable: deliveries then fail with an error naming it, and admins rotate the endpoints' secrets.
 */
@Injectable()
export class WebhookSecrets {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = Buffer.from(hkdfSync('sha256', config.jwtSecret, 'accord', 'accord/webhook-secrets/v1', 32));
  }

  /** A new secret: 32 random bytes, shown to the admin once. */
  generate(): string {
    return `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
  }

  /** The first characters of a secret, to tell secrets apart without showing them. */
  prefix(secret: string): string {
    return secret.slice(0, SECRET_PREFIX.length + 4);
  }

  encrypt(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [FORMAT, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Throws when the value was encrypted under another key (JWT_SECRET changed) or was altered. */
  decrypt(stored: string): string {
    const [format, iv, tag, ciphertext] = stored.split('.');
    if (format !== FORMAT || !iv || !tag || !ciphertext) throw new Error('unknown webhook secret format');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new Error(
        "the signing secret cannot be decrypted (was JWT_SECRET changed?); rotate the endpoint's secret",
      );
    }
  }
}
