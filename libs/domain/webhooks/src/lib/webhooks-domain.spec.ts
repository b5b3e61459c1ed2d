import {
  DEFAULT_TOLERANCE_SECONDS,
  afterAttempt,
  endpointUrlProblems,
  formatSignatureHeader,
  isPrivateHost,
  isWebhookEventName,
  parseSignatureHeader,
  payloadScore,
  retryDelayMs,
  signedContent,
  verifySignatureHeader,
  webhookBody,
} from '../index';

/** A stand-in keyed hash (the domain imports no crypto; the API's tests use real HMAC-SHA256). */
function keyedHash(secret: string): (content: string) => string {
  return (content) => {
    let hash = 0x811c9dc5;
    for (const char of secret + content) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    return hash.toString(16).padStart(8, '0').repeat(8);
  };
}
const hmac = keyedHash('whsec_test');

describe('events', () => {
  it('knows the five event names and nothing else', () => {
    expect(
      [
        'handover.created',
        'handover.decided',
        'handover.expired',
        'opportunity.closed',
        'agreement.published',
        'lead.created',
      ].map(isWebhookEventName),
    ).toEqual([true, true, true, true, true, false]);
  });

  it('writes the envelope with its keys in a fixed order', () => {
    expect(
      webhookBody({
        data: { b: 1 },
        occurredAt: '2026-01-01T00:00:00.000Z',
        workspaceId: 'w',
        type: 'agreement.published',
        id: 'e',
      }),
    ).toBe(
      '{"id":"e","type":"agreement.published","workspaceId":"w","occurredAt":"2026-01-01T00:00:00.000Z","data":{"b":1}}',
    );
  });
});

describe('payload scores', () => {
  it('rounds a score to two decimals: float noise gone, real decimals kept', () => {
    expect([99.99999999999999, 0.30000000000000004, 37.8449, 81.6, 100, 0].map(payloadScore)).toEqual([
      100, 0.3, 37.84, 81.6, 100, 0,
    ]);
  });
});

describe('signature', () => {
  const body = '{"id":"e"}';
  const header = formatSignatureHeader(1_800_000_000, hmac(signedContent(1_800_000_000, body)));

  it('signs the timestamp, a dot and the raw body', () => {
    expect(signedContent(12, 'x')).toBe('12.x');
    expect(header).toBe(`t=1800000000,v1=${hmac('1800000000.' + body)}`);
  });

  it('parses a header with several signatures and unknown schemes', () => {
    expect(parseSignatureHeader(`t=5, v0=zz, v1=${'a'.repeat(64)},v1=${'B'.repeat(64)}`)).toEqual({
      timestamp: 5,
      signatures: ['a'.repeat(64), 'b'.repeat(64)],
    });
    expect([
      parseSignatureHeader('v1=' + 'a'.repeat(64)),
      parseSignatureHeader('t=5'),
      parseSignatureHeader(''),
    ]).toEqual([null, null, null]);
  });

  it('verifies a fresh signature of the same body', () => {
    expect(verifySignatureHeader(header, body, hmac, 1_800_000_000 + 10)).toBeNull();
  });

  it('refuses another body, another secret, an old timestamp and garbage', () => {
    const otherSecret = keyedHash('other');
    expect([
      verifySignatureHeader(header, '{"id":"f"}', hmac, 1_800_000_000),
      verifySignatureHeader(header, body, otherSecret, 1_800_000_000),
      verifySignatureHeader(header, body, hmac, 1_800_000_000 + DEFAULT_TOLERANCE_SECONDS + 1),
      verifySignatureHeader('nonsense', body, hmac, 1_800_000_000),
    ]).toEqual(['NO_MATCHING_SIGNATURE', 'NO_MATCHING_SIGNATURE', 'TIMESTAMP_OUT_OF_TOLERANCE', 'MALFORMED']);
  });
});

describe('retries', () => {
  it('waits four times longer after each failure, up to twelve hours', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempts) => retryDelayMs(attempts))).toEqual([
      30_000, 120_000, 480_000, 1_920_000, 7_680_000, 30_720_000, 43_200_000, 43_200_000,
    ]);
  });

  it('adds at most a tenth of jitter', () => {
    expect([retryDelayMs(1, 0.5), retryDelayMs(1, 5), retryDelayMs(1, -1)]).toEqual([31_500, 32_997, 30_000]);
  });

  it('delivers on 2xx, retries other answers and failures, and gives up at the limit', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect([
      afterAttempt(204, 1, at),
      afterAttempt(500, 1, at),
      afterAttempt(null, 2, at),
      afterAttempt(302, 8, at),
      afterAttempt(500, 3, at, 3),
    ]).toEqual([
      { delivered: true },
      { delivered: false, retryAt: new Date('2026-01-01T00:00:30Z') },
      { delivered: false, retryAt: new Date('2026-01-01T00:02:00Z') },
      { delivered: false, retryAt: null },
      { delivered: false, retryAt: null },
    ]);
  });
});

describe('endpoint URLs', () => {
  const production = { allowPrivateHosts: false };
  const development = { allowPrivateHosts: true };

  it('accepts public http and https URLs', () => {
    expect([
      endpointUrlProblems('https://hooks.example.com/accord?x=1', production),
      endpointUrlProblems('http://93.184.216.34:8080/in', production),
    ]).toEqual([[], []]);
  });

  it('refuses other schemes, credentials, fragments, relative and long URLs', () => {
    expect([
      endpointUrlProblems('ftp://example.com/x', production),
      endpointUrlProblems('https://user:pw@example.com/#x', production),
      endpointUrlProblems('/hooks', production),
      endpointUrlProblems(`https://example.com/${'a'.repeat(2000)}`, production),
    ]).toEqual([
      ['must use http or https'],
      ['must not carry a user name or password', 'must not have a #fragment'],
      ['must be an absolute URL, e.g. https://example.com/hooks/accord'],
      ['must be at most 2000 characters'],
    ]);
  });

  it('refuses private hosts only when told to', () => {
    expect([
      endpointUrlProblems('http://127.0.0.1:4000/in', production),
      endpointUrlProblems('http://127.0.0.1:4000/in', development),
    ]).toEqual([['must not point to a loopback, private or link-local address'], []]);
  });

  it('recognises loopback, private and link-local hosts', () => {
    const hosts = [
      'localhost',
      'api.localhost',
      '10.1.2.3',
      '172.16.0.1',
      '172.32.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '[::1]',
      '[fd00::1]',
      '[fe80::1]',
      '[::ffff:7f00:1]',
      '[2606:4700::1]',
      'example.com',
      '8.8.8.8',
    ];
    expect(hosts.map((host) => [host, isPrivateHost(new URL(`http://${host}/`).hostname)])).toEqual([
      ['localhost', true],
      ['api.localhost', true],
      ['10.1.2.3', true],
      ['172.16.0.1', true],
      ['172.32.0.1', false],
      ['192.168.1.1', true],
      ['169.254.169.254', true],
      ['100.64.0.1', true],
      ['0.0.0.0', true],
      ['[::1]', true],
      ['[fd00::1]', true],
      ['[fe80::1]', true],
      ['[::ffff:7f00:1]', true],
      ['[2606:4700::1]', false],
      ['example.com', false],
      ['8.8.8.8', false],
    ]);
  });
});
