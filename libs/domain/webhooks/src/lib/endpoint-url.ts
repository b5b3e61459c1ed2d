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
    return [`must be at most ${MAX_ENDPOINT_URL_LENGTH.toLocaleString('en-US')} characters`];
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
 * addresses in loopback, private, link-local, unique-local, CGNAT, multicast and unspecified ranges — also an
 * IPv6 address that embeds such an IPv4 one (see `isPrivateIpv6`). Takes a URL's `hostname` (brackets and all)
 * or an address a resolver returned. A public name that resolves to a private address is not caught here (that
 * needs DNS, at delivery time, where each resolved address goes through this same check).
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
  if (!host.includes(':')) return false;
  const v6 = parseIpv6(host);
  // Not an address anything could connect to; refused rather than guessed at.
  return v6 === null || isPrivateIpv6(v6);
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

/**
 * An IPv6 address as its eight 16-bit groups, or null when it is none: any case, `::` compression, a trailing
 * dotted IPv4 (`::ffff:10.0.0.1`) and a `%zone` (resolvers return `fe80::1%eth0`).
 */
function parseIpv6(text: string): number[] | null {
  let address = text.replace(/%[^%]*$/, '');
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) {
    const v4 = parseIpv4(dotted[2]);
    if (!v4) return null;
    address = `${dotted[1]}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (![...head, ...tail].every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  const omitted = 8 - head.length - tail.length;
  if (halves.length === 2 ? omitted < 1 : omitted !== 0) return null;
  return [...head, ...Array<string>(omitted).fill('0'), ...tail].map((group) => parseInt(group, 16));
}

/** The IPv4 address two 16-bit groups spell. */
function ipv4Of(high: number, low: number): number[] {
  return [high >> 8, high & 255, low >> 8, low & 255];
}

/**
 * Whether an IPv6 address is loopback, unspecified, link- or site-local, unique-local or multicast, or embeds a
 * private IPv4 address in a form a host or network may route to that IPv4 address. Embedded forms are decoded
 * and judged by their IPv4 address — a public one stays allowed, as connecting reaches that public address:
 * IPv4-compatible `::a.b.c.d` (::/96, which also holds `::` and `::1`), IPv4-mapped `::ffff:a.b.c.d`,
 * IPv4-translated `::ffff:0:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d` (the well-known /96), 6to4 `2002:aabb:ccdd::/48`
 * and Teredo `2001:0:server:…:~client` (both its server's and its client's addresses). The local-use NAT64 prefix
 * `64:ff9b:1::/48` is refused whole: each network picks where in it the IPv4 address sits, so it cannot be
 * decoded, and it only ever leads into the network that runs the translator.
 */
function isPrivateIpv6(groups: number[]): boolean {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups;
  const zeroUpTo = (end: number) => groups.slice(0, end).every((group) => group === 0);
  const embedded = ipv4Of(g6, g7);
  if (zeroUpTo(6)) return isPrivateIpv4(embedded);
  if (zeroUpTo(5) && g5 === 0xffff) return isPrivateIpv4(embedded);
  if (zeroUpTo(4) && g4 === 0xffff && g5 === 0) return isPrivateIpv4(embedded);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0)
    return isPrivateIpv4(embedded);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return true;
  if (g0 === 0x2002) return isPrivateIpv4(ipv4Of(g1, g2));
  if (g0 === 0x2001 && g1 === 0)
    return isPrivateIpv4(ipv4Of(g2, g3)) || isPrivateIpv4(ipv4Of(~g6 & 0xffff, ~g7 & 0xffff));
  return (
    (g0 & 0xfe00) === 0xfc00 || // unique-local fc00::/7
    (g0 & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (g0 & 0xffc0) === 0xfec0 || // site-local fec0::/10 (deprecated, still private)
    (g0 & 0xff00) === 0xff00 // multicast ff00::/8
  );
}
