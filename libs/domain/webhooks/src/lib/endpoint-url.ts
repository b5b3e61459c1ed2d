export const MAX_ENDPOINT_URL_LENGTH = 2000;

export interface EndpointUrlRules {
  /**
   * Whether loopback, private, link-local and unique-local hosts are allowed. Production refuses them, so an
   * admin cannot point Accord at its own network; development and tests receive on localhost.
   */
  allowPrivateHosts: boolean;
}

/** Why a URL cannot be a webhook endpoint; an empty list when it can. */
export function endpointUrlProblems(value: string, rules: EndpointUrlRules): string[] {
  if (value.length > MAX_ENDPOINT_URL_LENGTH)
    return [`must be at most ${MAX_ENDPOINT_URL_LENGTH} characters`];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return ['must be an absolute URL, e.g. https://example.com/hooks/accord'];
  }
  const problems: string[] = [];
  if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push('must use http or https');
  if (url.username || url.password) problems.push('must not carry a user name or password');
  if (url.hash) problems.push('must not have a #fragment');
  if (!rules.allowPrivateHosts && isPrivateHost(url.hostname))
    problems.push('must not point to a loopback, private or link-local address');
  return problems;
}

/**
 * Whether a URL's host names this machine or a private network: `localhost` names and literal IPv4/IPv6
 * addresses in loopback, private, link-local, unique-local, CGNAT and unspecified ranges. A public name that
 * resolves to a private address is not caught here (that needs DNS, at delivery time).
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal')
  )
    return true;
  const v4 = parseIpv4(host);
  if (v4) return isPrivateIpv4(v4);
  if (host.includes(':')) return isPrivateIpv6(host);
  return false;
}

function parseIpv4(host: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  return octets.every((octet) => octet <= 255) ? octets : null;
}

function isPrivateIpv4([a, b]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224
  );
}

function isPrivateIpv6(host: string): boolean {
  if (host === '::' || host === '::1') return true;
  // IPv4-mapped (::ffff:a.b.c.d; the URL parser writes it as ::ffff:xxxx:xxxx)
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const high = parseInt(mapped[1], 16);
    const low = parseInt(mapped[2], 16);
    return isPrivateIpv4([high >> 8, high & 255, low >> 8, low & 255]);
  }
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
  if (dotted) return isPrivateIpv4(parseIpv4(dotted[1]) ?? [0]);
  const first = parseInt(host.split(':')[0] || '0', 16);
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00;
}
