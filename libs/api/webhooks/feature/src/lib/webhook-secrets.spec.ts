import { loadConfig } from '@accord/api/shared/config';
import { verifySignatureHeader } from '@accord/domain/webhooks';

import { WebhookSecrets, hmacHex, signatureHeader } from './webhook-secrets';

describe('WebhookSecrets', () => {
  const secrets = new WebhookSecrets(loadConfig({ JWT_SECRET: 'a'.repeat(40) }));

  it('makes distinct secrets with a recognisable prefix', () => {
    const [one, two] = [secrets.generate(), secrets.generate()];
    expect([one.startsWith('whsec_'), one.length, one === two, secrets.prefix(one)]).toEqual([
      true,
      49,
      false,
      one.slice(0, 10),
    ]);
  });

  it('encrypts so that only the same server secret reads it back', () => {
    const secret = secrets.generate();
    const stored = secrets.encrypt(secret);
    const other = new WebhookSecrets(loadConfig({ JWT_SECRET: 'b'.repeat(40) }));
    expect([stored.includes(secret), stored === secrets.encrypt(secret), secrets.decrypt(stored)]).toEqual([
      false,
      false,
      secret,
    ]);
    expect(() => other.decrypt(stored)).toThrow(/JWT_SECRET/);
    expect(() => secrets.decrypt(stored.slice(0, -2) + 'AA')).toThrow(/cannot be decrypted/);
  });

  it('signs so that a receiver with the secret verifies the header', () => {
    const header = signatureHeader('whsec_x', 1_800_000_000, '{"a":1}');
    expect(header).toBe(`t=1800000000,v1=${hmacHex('whsec_x', '1800000000.{"a":1}')}`);
    expect(
      verifySignatureHeader(header, '{"a":1}', (content) => hmacHex('whsec_x', content), 1_800_000_001),
    ).toBeNull();
  });
});
