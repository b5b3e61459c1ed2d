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
      ['must be at most 2,000 characters'],
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

  it('judges an IPv6 URL host that embeds an IPv4 address by that IPv4 address, however it is spelled', () => {
    const hosts = [
      // IPv4-mapped, ::ffff:0:0/96
      '[::ffff:169.254.169.254]',
      '[::ffff:a9fe:a9fe]',
      '[::FFFF:A9FE:A9FE]',
      '[0:0:0:0:0:ffff:7f00:1]',
      '[::ffff:8.8.8.8]',
      // IPv4-translated, ::ffff:0:0:0/96
      '[::ffff:0:a9fe:a9fe]',
      '[0:0:0:0:ffff:0:169.254.169.254]',
      '[::ffff:0:808:808]',
      // IPv4-compatible, ::/96
      '[::a9fe:a9fe]',
      '[::127.0.0.1]',
      '[::808:808]',
      // NAT64 well-known prefix, 64:ff9b::/96
      '[64:ff9b::a9fe:a9fe]',
      '[64:FF9B::169.254.169.254]',
      '[0064:ff9b:0000:0000:0000:0000:0a00:0001]',
      '[64:ff9b::808:808]',
      // NAT64 local-use prefix, 64:ff9b:1::/48: refused whatever it embeds
      '[64:ff9b:1::a9fe:a9fe]',
      '[64:ff9b:1:a9fe:a9:fe00::]',
      '[64:ff9b:1::808:808]',
      // 6to4, 2002::/16, the IPv4 address in bits 16-48
      '[2002:a9fe:a9fe::]',
      '[2002:C0A8:0101:0:0:0:0:1]',
      '[2002:808:808::1]',
      // Teredo, 2001:0::/32: the server's IPv4 address, then the client's inverted
      '[2001:0:a00:1::f7f7:f7f7]',
      '[2001:0:4136:e378:8000:63bf:f5ff:fffe]',
      '[2001:0:4136:e378:8000:63bf:f7f7:f7f7]',
      // Site-local and plain public addresses
      '[fec0::1]',
      '[2606:4700:4700::1111]',
    ];
    expect(hosts.map((host) => [host, isPrivateHost(new URL(`http://${host}/`).hostname)])).toEqual([
      ['[::ffff:169.254.169.254]', true],
      ['[::ffff:a9fe:a9fe]', true],
      ['[::FFFF:A9FE:A9FE]', true],
      ['[0:0:0:0:0:ffff:7f00:1]', true],
      ['[::ffff:8.8.8.8]', false],
      ['[::ffff:0:a9fe:a9fe]', true],
      ['[0:0:0:0:ffff:0:169.254.169.254]', true],
      ['[::ffff:0:808:808]', false],
      ['[::a9fe:a9fe]', true],
      ['[::127.0.0.1]', true],
      ['[::808:808]', false],
      ['[64:ff9b::a9fe:a9fe]', true],
      ['[64:FF9B::169.254.169.254]', true],
      ['[0064:ff9b:0000:0000:0000:0000:0a00:0001]', true],
      ['[64:ff9b::808:808]', false],
      ['[64:ff9b:1::a9fe:a9fe]', true],
      ['[64:ff9b:1:a9fe:a9:fe00::]', true],
      ['[64:ff9b:1::808:808]', true],
      ['[2002:a9fe:a9fe::]', true],
      ['[2002:C0A8:0101:0:0:0:0:1]', true],
      ['[2002:808:808::1]', false],
      ['[2001:0:a00:1::f7f7:f7f7]', true],
      ['[2001:0:4136:e378:8000:63bf:f5ff:fffe]', true],
      ['[2001:0:4136:e378:8000:63bf:f7f7:f7f7]', false],
      ['[fec0::1]', true],
      ['[2606:4700:4700::1111]', false],
    ]);
  });

  it('judges the addresses a resolver returns the same way, as it writes them', () => {
    const addresses = [
      '::ffff:169.254.169.254',
      '::FFFF:10.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '64:ff9b::7f00:1',
      '64:ff9b:1::a9fe:a9fe',
      '::a9fe:a9fe',
      '2002:a9fe:a9fe::',
      '::ffff:0:a9fe:a9fe',
      'fe80::1%eth0',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
      '2002:808:808::',
      '2606:4700:4700::1111',
    ];
    expect(addresses.map((address) => [address, isPrivateHost(address)])).toEqual([
      ['::ffff:169.254.169.254', true],
      ['::FFFF:10.0.0.1', true],
      ['64:ff9b::a9fe:a9fe', true],
      ['64:ff9b::7f00:1', true],
      ['64:ff9b:1::a9fe:a9fe', true],
      ['::a9fe:a9fe', true],
      ['2002:a9fe:a9fe::', true],
      ['::ffff:0:a9fe:a9fe', true],
      ['fe80::1%eth0', true],
      ['::ffff:8.8.8.8', false],
      ['64:ff9b::808:808', false],
      ['2002:808:808::', false],
      ['2606:4700:4700::1111', false],
    ]);
  });

  it('refuses what only looks like an IPv6 address rather than guess where it leads', () => {
    expect(['1:2:3', '1::2::3', '::ffff:300.1.1.1', '::g'].map(isPrivateHost)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('refuses an endpoint URL whose IPv6 host embeds a private IPv4 address', () => {
    expect([
      endpointUrlProblems('https://[64:ff9b::a9fe:a9fe]/latest/meta-data', production),
      endpointUrlProblems('https://[2002:a9fe:a9fe::]/in', production),
      endpointUrlProblems('https://[::ffff:0:a9fe:a9fe]/in', production),
      endpointUrlProblems('https://[64:ff9b::808:808]/in', production),
    ]).toEqual([
      ['must not point to a loopback, private or link-local address'],
      ['must not point to a loopback, private or link-local address'],
      ['must not point to a loopback, private or link-local address'],
      [],
    ]);
  });
});
